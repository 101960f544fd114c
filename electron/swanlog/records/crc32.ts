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

/** CRC-32/ISO-HDLC (the zlib one), continuing from `seed` like `zlib.crc32(data, seed)`. */
export function crc32Portable(data: Uint8Array, seed = 0): number {
  let c = ~seed >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

// zlib.crc32 exists from Node 20.15 / 22.2 on; older runtimes get the table version.
const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** Native when available. Node 20.20's zlib.crc32 returns 0 instead of the seed for some empty buffers. */
export const crc32: (data: Uint8Array, seed?: number) => number = native
  ? (data, seed = 0) => (data.length === 0 ? seed >>> 0 : native(data, seed) >>> 0)
  : crc32Portable;
