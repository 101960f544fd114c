/**
 * Time strings in the shapes the SDK writes. Internally every time is an integer number of
 * microseconds since the epoch (`Micros`), the resolution of Python's datetime.
 */

export type Micros = number;

export function msToMicros(ms: number): Micros {
  return Math.round(ms * 1000);
}

export function nowMicros(): Micros {
  // Date.now() has ms resolution; add the sub-ms part of the monotonic clock for realism.
  const subMs = Math.floor((performance.now() % 1) * 1000);
  return Date.now() * 1000 + subMs;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
const pad6 = (n: number): string => String(n).padStart(6, '0');

let cachedSecond = NaN;
let cachedPrefix = '';

/**
 * `datetime.now(timezone.utc).isoformat()`: `2026-11-24T05:12:29.753725+00:00`, and — like
 * Python — without the fraction when the microseconds are exactly 0.
 */
export function isoUtc(t: Micros): string {
  const second = Math.floor(t / 1e6);
  const micros = t - second * 1e6;
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 19);
  }
  return micros === 0 ? cachedPrefix + '+00:00' : cachedPrefix + '.' + pad6(micros) + '+00:00';
}

function localParts(t: Micros) {
  const d = new Date(Math.floor(t / 1000));
  return {
    y: String(d.getFullYear()),
    mo: pad2(d.getMonth() + 1),
    d: pad2(d.getDate()),
    h: pad2(d.getHours()),
    mi: pad2(d.getMinutes()),
    s: pad2(d.getSeconds()),
    us: t - Math.floor(t / 1e6) * 1e6,
  };
}

/** Run folder timestamp, local time: `20261124_051228`. */
export function folderStamp(t: Micros): string {
  const p = localParts(t);
  return `${p.y}${p.mo}${p.d}_${p.h}${p.mi}${p.s}`;
}

/** Console file date, local time: `2026-11-24`. */
export function localDate(t: Micros): string {
  const p = localParts(t);
  return `${p.y}-${p.mo}-${p.d}`;
}

/** `str(datetime.now())`, local time without zone (first line of `console/error.log`). */
export function pyLocalNow(t: Micros): string {
  const p = localParts(t);
  const base = `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}`;
  return p.us === 0 ? base : `${base}.${pad6(p.us)}`;
}
