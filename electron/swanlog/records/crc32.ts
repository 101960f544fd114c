import * as zlib from 'node:zlib';

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** Slicing-by-8 tables: T8[k*256 + b] = CRC of byte b followed by k zero bytes. */
const T8 = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) t[n] = TABLE[n];
  for (let k = 1; k < 8; k++) {
    for (let n = 0; n < 256; n++) {
      const prev = t[(k - 1) * 256 + n];
      t[k * 256 + n] = (prev >>> 8) ^ t[prev & 0xff];
    }
  }
  return t;
})();

/** CRC-32/ISO-HDLC (the zlib one), continuing from `seed` like `zlib.crc32(data, seed)`. */
export function crc32Portable(data: Uint8Array, seed = 0): number {
  let c = ~seed >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Same CRC over data[start..end), eight bytes per step. */
function crc32Sliced(data: Uint8Array, start: number, end: number, seed: number): number {
  let c = ~seed;
  let i = start;
  for (; i + 8 <= end; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      T8[1792 + (a & 0xff)] ^ T8[1536 + ((a >>> 8) & 0xff)] ^ T8[1280 + ((a >>> 16) & 0xff)] ^ T8[1024 + (a >>> 24)] ^
      T8[768 + data[i + 4]] ^ T8[512 + data[i + 5]] ^ T8[256 + data[i + 6]] ^ T8[data[i + 7]];
  }
  for (; i < end; i++) c = T8[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

// zlib.crc32 exists from Node 20.15 / 22.2 on; older runtimes get the table version.
const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** Native when available. Node 20.20's zlib.crc32 returns 0 instead of the seed for some empty buffers. */
export const crc32: (data: Uint8Array, seed?: number) => number = native
  ? (data, seed = 0) => (data.length === 0 ? seed >>> 0 : native(data, seed) >>> 0)
  : crc32Portable;

/** Below this many bytes the JS loop beats zlib.crc32, whose call overhead dominates small inputs. */
const NATIVE_FROM = 512;

/** CRC of data[start..end) without making a view for the small ranges that record chunks mostly are. */
export function crc32Range(data: Uint8Array, start: number, end: number, seed = 0): number {
  if (end - start < NATIVE_FROM || !native) return crc32Sliced(data, start, end, seed);
  return crc32(data.subarray(start, end), seed);
}
