import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Portable, crc32Range } from './crc32';
import { chunkCrc, chunkCrcAt } from './frameFormat';

describe('crc32', () => {
  it('matches the CRC-32/ISO-HDLC check value', () => {
    const check = Buffer.from('123456789');
    expect(crc32Portable(check)).toBe(0xcbf43926);
    expect(crc32(check)).toBe(0xcbf43926);
  });

  it('gives the file magic: crc32("SwanLab") & 0xffff = 0xe1d6', () => {
    expect(crc32Portable(Buffer.from('SwanLab')) & 0xffff).toBe(0xe1d6);
  });

  it('portable and native versions agree, including seeded continuation', () => {
    let x = 12345;
    const data = Buffer.alloc(5000);
    for (let i = 0; i < data.length; i++) data[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    for (const n of [0, 1, 7, 100, 4999]) {
      const part = data.subarray(0, n);
      expect(crc32(part)).toBe(crc32Portable(part));
      expect(crc32(part, 0xdeadbeef)).toBe(crc32Portable(part, 0xdeadbeef));
    }
    expect(crc32Portable(data.subarray(100), crc32Portable(data.subarray(0, 100)))).toBe(crc32Portable(data));
    const native = (zlib as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
    if (native) expect(crc32Portable(data, 77)).toBe(native(data, 77) >>> 0);
  });

  it('returns the seed for empty input, whatever the buffer', () => {
    for (const empty of [Buffer.alloc(0), Buffer.alloc(0).subarray(0, 0), new Uint8Array(0), Buffer.alloc(9).subarray(3, 3)]) {
      expect(crc32(empty, 123)).toBe(123);
      expect(crc32Portable(empty, 123)).toBe(123);
    }
  });

  it('seeds the chunk CRC with the CRC of the type byte', () => {
    const payload = Buffer.from('{"model_type": "Header"}\n');
    expect(chunkCrc(1, payload)).toBe(crc32Portable(payload, crc32Portable(Uint8Array.of(1))));
    expect(chunkCrc(1, payload)).not.toBe(chunkCrc(2, payload));
  });

  it('crc32Range (sliced JS below 512 bytes, native above) equals crc32 of the range', () => {
    let x = 99;
    const data = Buffer.alloc(3000);
    for (let i = 0; i < data.length; i++) data[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    for (let start = 0; start < 20; start++) {
      for (const n of [0, 1, 7, 8, 9, 15, 16, 63, 64, 65, 511, 512, 513, 2000]) {
        expect(crc32Range(data, start, start + n, 0x1234567)).toBe(crc32Portable(data.subarray(start, start + n), 0x1234567));
        expect(crc32Range(data, start, start + n)).toBe(crc32Portable(data.subarray(start, start + n)));
      }
    }
    for (const type of [1, 2, 3, 4, 9]) expect(chunkCrcAt(type, data, 5, 105)).toBe(chunkCrc(type, data.subarray(5, 105)));
  });
});
