// The WAL checksum of the SQLite file format (fileformat2 §4.1): a running pair of
// 32-bit sums over 32-bit words, read big- or little-endian as the WAL magic says.

export type ChecksumPair = [number, number];

/** Continues the checksum `start` over `length` bytes of `data` from `offset` (length % 8 == 0). */
export function walChecksum(
  data: Uint8Array,
  offset: number,
  length: number,
  bigEndian: boolean,
  start: ChecksumPair = [0, 0],
): ChecksumPair {
  const view = new DataView(data.buffer, data.byteOffset + offset, length);
  const littleEndian = !bigEndian;
  let s0 = start[0];
  let s1 = start[1];
  for (let i = 0; i < length; i += 8) {
    s0 = (s0 + view.getUint32(i, littleEndian) + s1) >>> 0;
    s1 = (s1 + view.getUint32(i + 4, littleEndian) + s0) >>> 0;
  }
  return [s0, s1];
}
