import { crc32, crc32Range } from './crc32';

/** LevelDB-log framing shared by backup.swanlab and run-<id>.swanlab (format doc §5). */
export const FILE_HEADER_SIZE = 7;
export const FILE_IDENT = ':SWL';
/** crc32("SwanLab") & 0xffff */
export const FILE_MAGIC = 0xe1d6;
/** 0 = SDK 0.6.2–0.6.7, 1 = 0.6.8–0.7.x (JSON payloads), 2 = 0.8+ (protobuf payloads). */
export const SUPPORTED_VERSIONS: readonly number[] = [0, 1, 2];

export const BLOCK_SIZE = 32768;
export const CHUNK_HEADER_SIZE = 7;

export const CHUNK_FULL = 1;
export const CHUNK_FIRST = 2;
export const CHUNK_MIDDLE = 3;
export const CHUNK_LAST = 4;

const TYPE_SEEDS = [0, 1, 2, 3, 4].map((t) => crc32(Uint8Array.of(t)));

/** Chunk checksum: CRC-32 of the payload seeded with the CRC of the type byte. */
export function chunkCrc(type: number, payload: Uint8Array): number {
  const seed = TYPE_SEEDS[type] ?? crc32(Uint8Array.of(type & 0xff));
  return crc32(payload, seed);
}

/** chunkCrc of the payload buf[start..end). */
export function chunkCrcAt(type: number, buf: Uint8Array, start: number, end: number): number {
  const seed = TYPE_SEEDS[type] ?? crc32(Uint8Array.of(type & 0xff));
  return crc32Range(buf, start, end, seed);
}

export function fileHeader(version: number): Buffer {
  const b = Buffer.alloc(FILE_HEADER_SIZE);
  b.write(FILE_IDENT, 0, 'latin1');
  b.writeUInt16LE(FILE_MAGIC, 4);
  b.writeUInt8(version, 6);
  return b;
}
