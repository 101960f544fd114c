/**
 * Fast path for the record that fills big generation-C files: a `Record` holding num, timestamp
 * and a `ScalarRecord` (format doc §7), read straight from the protobuf wire bytes without
 * building message objects. It gives exactly what protobufjs + applyRunRecord give (tests compare
 * both on every record of the fixtures and of generated files, and on mutated bytes). Anything
 * else — another record type, an unknown or repeated field, a non-canonical tag, a wire type
 * the schema does not have, a length past the end, text that is not UTF-8 — returns false and
 * is left to protobufjs (decodeRunRecord), which stays the decoder of record.
 */

export interface ScalarPoint {
  key: string;
  step: number;
  value: number;
  /** ms since epoch: the scalar's timestamp, else the record's, else NaN. */
  timeMs: number;
}

// Single-byte tags (field << 3 | wire type) of the only fields accepted.
const RECORD_NUM = 0x08;
const RECORD_TIMESTAMP = 0x12;
const RECORD_SCALAR = 0x6a;
const SCALAR_KEY = 0x0a;
const SCALAR_STEP = 0x10;
const SCALAR_TYPE = 0x18;
const SCALAR_TIMESTAMP = 0x22;
const SCALAR_VALUE = 0x2a;
const VALUE_NUMBER = 0x09;
const TS_SECONDS = 0x08;
const TS_NANOS = 0x10;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);

/** Decoding state, shared so that the hot loop allocates nothing (an object: faster than module-level `let`s). */
const st = { pos: 0, lo: 0, hi: 0, tsMs: NaN };

/**
 * Reads an int64 varint at `st.pos` (before `end`) into st.lo/st.hi the way protobufjs's readLongVarint
 * assembles the bits (at most 10 bytes). False if it does not end before `end`.
 */
function longVarint(b: Uint8Array, end: number): boolean {
  let p = st.pos;
  let lo = 0;
  let hi = 0;
  let c = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (p >= end) return false;
    c = b[p++];
    lo |= (c & 127) << shift;
    if (c < 128) {
      st.lo = lo;
      st.hi = 0;
      st.pos = p;
      return true;
    }
  }
  if (p >= end) return false;
  c = b[p++];
  lo |= (c & 127) << 28;
  hi = (c & 127) >> 4;
  for (let shift = 3; c >= 128; shift += 7) {
    if (shift > 31 || p >= end) return false;
    c = b[p++];
    hi |= (c & 127) << shift;
  }
  st.lo = lo >>> 0;
  st.hi = hi >>> 0;
  st.pos = p;
  return true;
}

/** Signed int64 from st.lo/st.hi, as `int64()` in runRecord.ts computes it from a Long. */
function int64Value(): number {
  return (st.hi | 0) * 4294967296 + st.lo;
}

/** A varint of at most 5 bytes (lengths, int32, enums) as an unsigned 32-bit value; -1 if longer or past `end`. */
function varint32(b: Uint8Array, end: number): number {
  let p = st.pos;
  let v = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (p >= end) return -1;
    const c = b[p++];
    v |= (c & 127) << shift;
    if (c < 128) {
      st.pos = p;
      return v;
    }
  }
  if (p >= end) return -1;
  const c = b[p++];
  if (c >= 128) return -1;
  st.pos = p;
  return (v | ((c & 15) << 28)) >>> 0;
}

/** Length of a length-delimited field at `st.pos`; -1 when it runs past `end`. */
function lengthPrefix(b: Uint8Array, end: number): number {
  const n = varint32(b, end);
  return n < 0 || n > end - st.pos ? -1 : n;
}

/** google.protobuf.Timestamp in b[st.pos..end) → st.tsMs. */
function timestamp(b: Uint8Array, end: number): boolean {
  let seconds = 0;
  let nanos = 0;
  let seen = 0;
  while (st.pos < end) {
    const tag = b[st.pos++];
    if (tag === TS_SECONDS && !(seen & 1)) {
      if (!longVarint(b, end)) return false;
      seconds = int64Value();
      seen |= 1;
    } else if (tag === TS_NANOS && !(seen & 2)) {
      const v = varint32(b, end);
      if (v < 0) return false;
      nanos = v | 0;
      seen |= 2;
    } else return false;
  }
  st.tsMs = seconds * 1000 + nanos / 1e6;
  return true;
}

interface KeyEntry {
  bytes: Uint8Array;
  text: string;
  /** The key that came after this one last time (keys of one log() call come in a fixed order). */
  next: KeyEntry | null;
}

/** Strings seen before, by a hash of their bytes, so that repeated keys cost no decoding. */
const keyCache = new Map<number, KeyEntry>();
const KEY_CACHE_MAX = 4096;
let lastKey: KeyEntry | null = null;

function sameBytes(e: KeyEntry, b: Uint8Array, start: number, end: number): boolean {
  const k = e.bytes;
  if (k.length !== end - start) return false;
  for (let i = start; i < end; i++) if (k[i - start] !== b[i]) return false;
  return true;
}

function keyText(b: Uint8Array, start: number, end: number): string | null {
  const guess = lastKey === null ? null : lastKey.next ?? lastKey;
  if (guess !== null && sameBytes(guess, b, start, end)) return (lastKey = guess).text;
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 0x01000193);
  h ^= end - start;
  let entry = keyCache.get(h);
  if (entry === undefined || !sameBytes(entry, b, start, end)) {
    let text: string;
    try {
      text = strictUtf8.decode(b.subarray(start, end));
    } catch {
      return null; // protobufjs rejects invalid UTF-8 in proto3 strings too
    }
    if (keyCache.size >= KEY_CACHE_MAX) {
      keyCache.clear();
      lastKey = null;
    }
    // a copy: b is usually a Buffer (whose slice() is a view) of a whole read chunk
    entry = { bytes: new Uint8Array(b.subarray(start, end)), text, next: null };
    keyCache.set(h, entry);
  }
  if (lastKey !== null) lastKey.next = entry;
  lastKey = entry;
  return entry.text;
}

/** The ScalarRecord in b[st.pos..end) → out (timeMs left NaN when it has no timestamp). */
function scalar(b: Uint8Array, end: number, out: ScalarPoint): boolean {
  let seen = 0;
  let key = '';
  let step = 0;
  let value = 0;
  let timeMs = NaN;
  while (st.pos < end) {
    const tag = b[st.pos++];
    if (tag === SCALAR_KEY && !(seen & 1)) {
      const n = lengthPrefix(b, end);
      if (n < 0) return false;
      const text = n === 0 ? '' : keyText(b, st.pos, st.pos + n);
      if (text === null) return false;
      key = text;
      st.pos += n;
      seen |= 1;
    } else if (tag === SCALAR_STEP && !(seen & 2)) {
      if (!longVarint(b, end)) return false;
      step = int64Value();
      seen |= 2;
    } else if (tag === SCALAR_TYPE && !(seen & 4)) {
      if (varint32(b, end) < 0) return false;
      seen |= 4;
    } else if (tag === SCALAR_TIMESTAMP && !(seen & 8)) {
      const n = lengthPrefix(b, end);
      if (n < 0 || !timestamp(b, st.pos + n)) return false;
      timeMs = st.tsMs;
      seen |= 8;
    } else if (tag === SCALAR_VALUE && !(seen & 16)) {
      const n = lengthPrefix(b, end);
      if (n < 0) return false;
      const valueEnd = st.pos + n;
      if (st.pos < valueEnd) {
        // ScalarValue: only `double number = 1`, at most once
        if (b[st.pos] !== VALUE_NUMBER || valueEnd - st.pos !== 9) return false;
        for (let i = 0; i < 8; i++) f64Bytes[i] = b[st.pos + 1 + i];
        value = f64[0];
        st.pos = valueEnd;
      }
      seen |= 16;
    } else return false;
  }
  out.key = key;
  out.step = step;
  out.value = value;
  out.timeMs = timeMs;
  return true;
}

/**
 * Reads the Record in b[start..end) into `out` if it is a plain scalar record; false otherwise
 * (nothing is certain about `out` then). Never throws.
 */
export function readScalarRecord(b: Uint8Array, start: number, end: number, out: ScalarPoint): boolean {
  st.pos = start;
  let seen = 0;
  let recordMs = NaN;
  while (st.pos < end) {
    const tag = b[st.pos++];
    if (tag === RECORD_SCALAR && !(seen & 4)) {
      const n = lengthPrefix(b, end);
      if (n < 0 || !scalar(b, st.pos + n, out)) return false;
      seen |= 4;
    } else if (tag === RECORD_TIMESTAMP && !(seen & 2)) {
      const n = lengthPrefix(b, end);
      if (n < 0 || !timestamp(b, st.pos + n)) return false;
      recordMs = st.tsMs;
      seen |= 2;
    } else if (tag === RECORD_NUM && !(seen & 1)) {
      if (!longVarint(b, end)) return false;
      seen |= 1;
    } else return false;
  }
  if (!(seen & 4)) return false;
  if (Number.isNaN(out.timeMs)) out.timeMs = recordMs;
  return true;
}
