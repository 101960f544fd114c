/**
 * Milliseconds since the epoch for the ISO-8601 times the SDK writes (`datetime.isoformat()`:
 * `2026-11-24T05:00:31.774976+00:00`, no fraction when the microseconds are 0), keeping the
 * sub-millisecond digits as a fraction. Other ISO shapes go through Date.parse. NaN when the
 * text is not a time.
 */
export function isoTimeMs(s: string): number {
  const bytes = Buffer.from(s, 'utf8');
  const v = strictIsoTimeMs(bytes, 0, bytes.length);
  return Number.isNaN(v) ? looseIsoTimeMs(s) : v;
}

/**
 * `YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|±HH:MM]` (no offset = UTC) in the UTF-8 bytes b[a..e),
 * NaN for anything else. Every byte in the range is checked, so a finite result also proves the
 * range holds no quote, backslash or control character.
 */
export function strictIsoTimeMs(b: Uint8Array, a: number, e: number): number {
  if (e - a < 19) return NaN;
  if (b[a + 4] !== 45 || b[a + 7] !== 45 || b[a + 13] !== 58 || b[a + 16] !== 58) return NaN;
  const sep = b[a + 10];
  if (sep !== 84 && sep !== 32 && sep !== 116) return NaN;
  const dayMs = dayStartMs(b, a);
  const hh = twoDigits(b, a + 11);
  const mi = twoDigits(b, a + 14);
  const ss = twoDigits(b, a + 17);
  if (Number.isNaN(dayMs) || hh > 23 || mi > 59 || ss > 60) return NaN;
  let ms = dayMs + hh * 3_600_000 + mi * 60_000 + ss * 1000;
  let i = a + 19;
  if (i < e && b[i] === 46 /* . */) {
    i++;
    const start = i;
    let frac = 0;
    for (; i < e; i++) {
      const c = b[i];
      if (c < 48 || c > 57) break;
      if (i - start < 15) frac = frac * 10 + (c - 48);
    }
    const digits = Math.min(i - start, 15);
    if (digits === 0) return NaN;
    // One multiplication/division, so 774976 µs becomes the double nearest to 774.976 ms.
    ms += digits <= 3 ? frac * POW10[3 - digits] : frac / POW10[digits - 3];
  }
  if (i === e) return ms;
  const c = b[i];
  if ((c === 90 || c === 122) && i + 1 === e) return ms; // Z
  if ((c === 43 || c === 45) && i + 6 === e && b[i + 3] === 58) {
    const oh = twoDigits(b, i + 1);
    const om = twoDigits(b, i + 4);
    if (oh > 23 || om > 59) return NaN;
    const off = (oh * 60 + om) * 60_000;
    return c === 43 ? ms - off : ms + off;
  }
  return NaN;
}

/** Other ISO shapes only; Date.parse alone would accept almost any text. */
export function looseIsoTimeMs(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m === null) return NaN;
  // Date.parse rolls 2026-02-31 over into March.
  const day = new Date(new Date(0).setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (day.getUTCDate() !== Number(m[3]) || day.getUTCMonth() !== Number(m[2]) - 1) return NaN;
  const v = Date.parse(s);
  return Number.isFinite(v) ? v : NaN;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

let cachedKey = -1;
let cachedDayMs = NaN;

/** UTC midnight of the date at b[a..a+10), cached: consecutive points share the day. */
function dayStartMs(b: Uint8Array, a: number): number {
  const y = twoDigits(b, a) * 100 + twoDigits(b, a + 2);
  const mo = twoDigits(b, a + 5);
  const d = twoDigits(b, a + 8);
  if (y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31) return NaN;
  const key = y * 10_000 + mo * 100 + d;
  if (key === cachedKey) return cachedDayMs;
  // Not Date.UTC: it maps years 0–99 to 1900–1999. Both roll 2026-02-31 over into March: reject.
  const v = new Date(0).setUTCFullYear(y, mo - 1, d);
  if (new Date(v).getUTCDate() !== d) return NaN;
  cachedKey = key;
  cachedDayMs = v;
  return v;
}

/** 0–99, or 99 999 when either byte is not a digit (fails every range check). */
function twoDigits(b: Uint8Array, i: number): number {
  const x = b[i] - 48;
  const y = b[i + 1] - 48;
  if (!(x >= 0 && x <= 9 && y >= 0 && y <= 9)) return 99_999;
  return x * 10 + y;
}
