import { decimalToDouble } from './decimalToDouble';
import { isoTimeMs, looseIsoTimeMs, strictIsoTimeMs } from './isoTime';
import { parseTolerantJson } from './tolerantJson';

/** One line of `logs/<folder>/<N>.log` (format reference §4.2). */
export interface LogPoint {
  step: number;
  /** `data` when it is a number (or a non-finite value in any SDK spelling), else null. */
  value: number | null;
  /** `data` when it is a list (media file names, or inline text), else null. */
  list: unknown[] | null;
  more: unknown[] | null;
  createTime: string | null;
  /** ms since epoch with sub-ms fraction; NaN when create_time is missing or not a time. */
  timeMs: number;
  /** `data` was the ≤0.7 string "NaN" / "INF" (an infinity's sign is lost). */
  legacyNonFinite: boolean;
}

/** Parses one line; null when it is not a complete point (torn, garbage, no numeric index). Never throws. */
export function parseLogLine(line: string): LogPoint | null {
  const bytes = Buffer.from(line, 'utf8');
  const p = new ScannedPoint();
  if (!scanLogLine(bytes, 0, bytes.length, p)) return null;
  return {
    step: p.step,
    value: p.value,
    list: p.list,
    more: p.more,
    createTime: p.createTime(),
    timeMs: p.timeMs,
    legacyNonFinite: p.legacyNonFinite,
  };
}

/**
 * Reusable result of scanLogLine. create_time stays a byte range until asked for, so
 * createTime() is only valid until the scanned bytes are reused.
 */
export class ScannedPoint {
  step = 0;
  value: number | null = null;
  list: unknown[] | null = null;
  more: unknown[] | null = null;
  timeMs = NaN;
  legacyNonFinite = false;
  private bytes: Buffer | null = null;
  private timeStart = 0;
  private timeEnd = 0;
  private parsedTime: string | null = null;

  setTimeRange(bytes: Buffer, start: number, end: number): void {
    this.bytes = bytes;
    this.timeStart = start;
    this.timeEnd = end;
  }

  setParsedTime(t: string | null): void {
    this.bytes = null;
    this.parsedTime = t;
  }

  createTime(): string | null {
    if (this.bytes === null) return this.parsedTime;
    return this.bytes.toString('utf8', this.timeStart, this.timeEnd);
  }
}

/**
 * Parses the UTF-8 line b[start..end) (no newline) into out; false when it is not a point.
 * Never throws. Works on bytes: the reader hands over ranges of the chunk it read, and
 * byte access is about twice as fast as charCodeAt here.
 */
export function scanLogLine(b: Buffer, start: number, end: number, out: ScannedPoint): boolean {
  const fast = scanSdkShape(b, start, end, out);
  if (fast !== undefined) return fast;
  let obj: unknown;
  try {
    obj = parseTolerantJson(b.toString('utf8', start, end));
  } catch {
    return false;
  }
  return fromObject(obj, out);
}

function fromObject(obj: unknown, out: ScannedPoint): boolean {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return false;
  const o = obj as Record<string, unknown>;
  const step = o.index;
  if (typeof step !== 'number' || !Number.isFinite(step)) return false;
  const data = o.data;
  out.step = step;
  out.value = null;
  out.legacyNonFinite = false;
  if (typeof data === 'number') out.value = data;
  else if (typeof data === 'string') {
    out.value = legacyNonFinite(data);
    out.legacyNonFinite = out.value !== null;
  }
  out.list = Array.isArray(data) ? data : null;
  out.more = Array.isArray(o.more) ? o.more : null;
  const createTime = typeof o.create_time === 'string' ? o.create_time : null;
  out.setParsedTime(createTime);
  out.timeMs = createTime === null ? NaN : isoTimeMs(createTime);
  return true;
}

/** ≤0.7 wrote NaN as "NaN" and both infinities as "INF"; "-INF" accepted defensively. */
function legacyNonFinite(s: string): number | null {
  if (s === 'NaN') return NaN;
  if (s === 'INF') return Infinity;
  if (s === '-INF') return -Infinity;
  return null;
}

const HEAD = ascii('{"index": ');
const DATA = ascii(', "data": ');
const TIME = ascii(', "create_time": "');
const NEG_INFINITY = ascii('-Infinity');
const INFINITY = ascii('Infinity');
const NAN = ascii('NaN');
const NAN_STRING = ascii('"NaN"');
const INF_STRING = ascii('"INF"');

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

function matchAt(b: Uint8Array, i: number, end: number, lit: Uint8Array): boolean {
  const n = lit.length;
  if (i + n > end) return false;
  for (let k = 0; k < n; k++) if (b[i + k] !== lit[k]) return false;
  return true;
}

/**
 * Fast path for the exact bytes the SDK writes for a scalar point,
 * `{"index": N, "data": X, "create_time": "..."}` with X a plain number, NaN/Infinity/-Infinity
 * or "NaN"/"INF". undefined = not that shape, let the general parser decide.
 */
function scanSdkShape(b: Buffer, start: number, end: number, out: ScannedPoint): boolean | undefined {
  // The closing brace bounds every scan below: no digit or number loop can run past it.
  let last = end - 1;
  while (last > start && (b[last] === 32 || b[last] === 9 || b[last] === 13 || b[last] === 10)) last--;
  if (last <= start || b[last] !== 125 /* } */ || !matchAt(b, start, last, HEAD)) return undefined;
  let i = start + HEAD.length;
  // index: a plain integer
  const negStep = b[i] === 45;
  if (negStep) i++;
  const stepStart = i;
  let step = 0;
  for (let c = b[i]; c >= 48 && c <= 57; c = b[++i]) step = step * 10 + (c - 48);
  const stepLen = i - stepStart;
  if (stepLen === 0 || stepLen > 15 || (stepLen > 1 && b[stepStart] === 48)) return undefined;
  if (!matchAt(b, i, last, DATA)) return undefined;
  i += DATA.length;

  // data
  let value: number;
  let legacy = false;
  const c0 = b[i];
  if ((c0 >= 48 && c0 <= 57) || c0 === 45 /* - */) {
    value = scanNumber(b, i);
    if (scanEnd < 0) {
      if (!matchAt(b, i, last, NEG_INFINITY)) return undefined;
      value = -Infinity;
      i += NEG_INFINITY.length;
    } else i = scanEnd;
  } else if (c0 === 34 /* " */) {
    if (matchAt(b, i, last, NAN_STRING)) value = NaN;
    else if (matchAt(b, i, last, INF_STRING)) value = Infinity;
    else return undefined;
    legacy = true;
    i += NAN_STRING.length;
  } else if (matchAt(b, i, last, NAN)) {
    value = NaN;
    i += NAN.length;
  } else if (matchAt(b, i, last, INFINITY)) {
    value = Infinity;
    i += INFINITY.length;
  } else return undefined;

  if (!matchAt(b, i, last, TIME)) return undefined;
  const timeStart = i + TIME.length;
  const timeEnd = b.indexOf(34, timeStart);
  // The closing quote must be the byte just before the brace; anything else (a "more" field …) is not this shape.
  if (timeEnd !== last - 1) return undefined;
  let timeMs = strictIsoTimeMs(b, timeStart, timeEnd);
  if (Number.isNaN(timeMs)) {
    // Not the SDK's own format: make sure it is a plain JSON string before accepting it.
    for (let k = timeStart; k < timeEnd; k++) if (b[k] === 92 || b[k] < 32) return undefined;
    timeMs = looseIsoTimeMs(b.toString('utf8', timeStart, timeEnd));
  }
  out.step = negStep ? -step : step;
  out.value = value;
  out.list = null;
  out.more = null;
  out.timeMs = timeMs;
  out.legacyNonFinite = legacy;
  out.setTimeRange(b, timeStart, timeEnd);
  return true;
}

/** Set by scanNumber: end index of the number, -1 when the bytes there are not a JSON number. */
let scanEnd = -1;

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The JSON number starting at i (the caller guarantees a non-number byte before the buffer
 * ends). Below 2^53 of mantissa and with |exponent| ≤ 22 it is computed
 * directly (one correctly rounded IEEE operation on exact operands, so identical to Number());
 * longer ones (Python's repr often has 17 digits) go through Number().
 */
function scanNumber(b: Buffer, i: number): number {
  const start = i;
  const neg = b[i] === 45;
  if (neg) i++;
  let mant = 0;
  let c = b[i];
  if (c === 48) c = b[++i];
  else if (c >= 49 && c <= 57) {
    do {
      mant = mant * 10 + (c - 48);
      c = b[++i];
    } while (c >= 48 && c <= 57);
  } else {
    scanEnd = -1;
    return NaN;
  }
  let exp = 0;
  if (c === 46 /* . */) {
    c = b[++i];
    if (!(c >= 48 && c <= 57)) {
      scanEnd = -1;
      return NaN;
    }
    do {
      mant = mant * 10 + (c - 48);
      exp--;
      c = b[++i];
    } while (c >= 48 && c <= 57);
  }
  if (c === 101 || c === 69 /* e E */) {
    c = b[++i];
    let eneg = false;
    if (c === 43 || c === 45) {
      eneg = c === 45;
      c = b[++i];
    }
    if (!(c >= 48 && c <= 57)) {
      scanEnd = -1;
      return NaN;
    }
    let e = 0;
    do {
      if (e < 100_000) e = e * 10 + (c - 48);
      c = b[++i];
    } while (c >= 48 && c <= 57);
    exp += eneg ? -e : e;
  }
  scanEnd = i;
  // mant is exact below 2^53; once the true value reaches 2^53 the rounded one cannot drop below.
  if (mant < 9007199254740992 && exp >= -22 && exp <= 22) {
    const v = exp < 0 ? mant / POW10[-exp] : mant * POW10[exp];
    return neg ? -v : v;
  }
  const v = longMantissa(b, start, i, exp);
  if (v === v) return neg ? -v : v;
  return Number(b.toString('latin1', start, i));
}

/**
 * The number at b[start..end) (scanned by scanNumber, exponent `exp` already worked out) when its
 * mantissa has 17–19 significant digits, through decimalToDouble; NaN when that cannot decide.
 */
function longMantissa(b: Buffer, start: number, end: number, exp: number): number {
  // significant digits: from the first non-zero digit to the exponent
  let first = -1;
  let stop = end;
  let n = 0;
  for (let k = start; k < end; k++) {
    const c = b[k];
    if (c === 101 || c === 69) {
      stop = k;
      break;
    }
    if (c < 48 || c > 57) continue; // sign, point
    if (first < 0) {
      if (c === 48) continue;
      first = k;
    }
    n++;
  }
  if (n > 19 || n < 9) return NaN;
  // the last 8 digits in lo, the ones before in hi
  let hi = 0;
  let lo = 0;
  let seen = 0;
  for (let k = first; k < stop; k++) {
    const c = b[k];
    if (c < 48 || c > 57) continue;
    if (seen++ < n - 8) hi = hi * 10 + (c - 48);
    else lo = lo * 10 + (c - 48);
  }
  return decimalToDouble(hi, lo, exp);
}
