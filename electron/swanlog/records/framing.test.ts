import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, CHUNK_HEADER_SIZE, FILE_HEADER_SIZE, chunkCrc, fileHeader } from './frameFormat';
import { FrameWriter, fdSink, parseFileHeader, scanFrames } from './framing';

function payloadOf(size: number, seed: number): Buffer {
  const b = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

function expectSameRecords(actual: Buffer[], expected: Buffer[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((r, i) => expect(r.equals(expected[i])).toBe(true));
}

/** A single hand-built chunk header + payload. */
function chunk(type: number, payload: Buffer, crc = chunkCrc(type, payload)): Buffer {
  const h = Buffer.alloc(CHUNK_HEADER_SIZE);
  h.writeUInt32LE(crc, 0);
  h.writeUInt16LE(payload.length, 4);
  h[6] = type;
  return Buffer.concat([h, payload]);
}

describe('parseFileHeader', () => {
  it('waits for 7 bytes', () => {
    expect(parseFileHeader(Buffer.alloc(0))).toBeNull();
    expect(parseFileHeader(fileHeader(2).subarray(0, 6))).toBeNull();
  });

  it('accepts versions 0, 1, 2', () => {
    for (const v of [0, 1, 2]) expect(parseFileHeader(fileHeader(v))).toEqual({ version: v });
  });

  it('rejects other versions, identifiers and magics', () => {
    expect(parseFileHeader(fileHeader(3))).toEqual({ error: 'unsupported record file version 3' });
    expect(parseFileHeader(Buffer.from('SQLite format 3\0'))).toHaveProperty('error');
    const badMagic = fileHeader(1);
    badMagic[4] ^= 1;
    expect(parseFileHeader(badMagic)).toHaveProperty('error');
  });
});

describe('FrameWriter + scanFrames roundtrip', () => {
  it('roundtrips records of sizes 0, 1, 32760, 100000', () => {
    const records = [0, 1, 32760, 100000, 1, 0].map((n, i) => payloadOf(n, i + 1));
    const file = FrameWriter.encodeFile(records, 2);
    expect(parseFileHeader(file)).toEqual({ version: 2 });
    const scan = scanFrames(file, 0, FILE_HEADER_SIZE);
    expect(scan.stop).toBeNull();
    expectSameRecords(scan.records, records);
    expect(scan.nextOffset).toBe(file.length);
  });

  it('pads block tails shorter than 7 bytes and splits at every block-edge distance', () => {
    // Records that end 0..8 bytes before a block boundary exercise padding and empty FIRST chunks.
    for (let gap = 0; gap <= 8; gap++) {
      const first = BLOCK_SIZE - FILE_HEADER_SIZE - CHUNK_HEADER_SIZE - gap;
      const records = [payloadOf(first, gap + 1), payloadOf(10, 99), payloadOf(0, 3), payloadOf(70000, 5)];
      const file = FrameWriter.encodeFile(records, 1);
      const scan = scanFrames(file, 0, FILE_HEADER_SIZE);
      expect(scan.stop).toBeNull();
      expectSameRecords(scan.records, records);
      if (gap > 0 && gap < CHUNK_HEADER_SIZE) {
        expect(file.subarray(BLOCK_SIZE - gap, BLOCK_SIZE).every((b) => b === 0)).toBe(true);
        expect(scan.recordOffsets[1]).toBe(BLOCK_SIZE);
      }
    }
  });

  it('roundtrips many random sizes and appends to an existing offset', () => {
    const records = Array.from({ length: 300 }, (_, i) => payloadOf((i * 7919) % 40000, i + 7));
    const parts: Buffer[] = [];
    const w1 = new FrameWriter({ write: (b) => parts.push(Buffer.from(b)) }, { version: 2 });
    records.slice(0, 150).forEach((r) => w1.writeRecord(r));
    const w2 = new FrameWriter({ write: (b) => parts.push(Buffer.from(b)) }, { offset: w1.offset });
    records.slice(150).forEach((r) => w2.writeRecord(r));
    const file = Buffer.concat(parts);
    expect(file.length).toBe(w2.offset);
    expectSameRecords(scanFrames(file, 0, FILE_HEADER_SIZE).records, records);
  });
});

describe('fdSink', () => {
  it('writes through a small buffer to a file, including records larger than the buffer', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swanview-frames-'));
    try {
      const file = path.join(dir, 'run-x.swanlab');
      const records = [10, 5000, 0, 70000, 3].map((n, i) => payloadOf(n, i + 40));
      const fd = fs.openSync(file, 'w');
      const writer = new FrameWriter(fdSink(fd, 4096), { version: 2 });
      records.forEach((r) => writer.writeRecord(r));
      writer.flush();
      fs.closeSync(fd);
      const bytes = fs.readFileSync(file);
      expect(bytes.equals(FrameWriter.encodeFile(records, 2))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scanFrames on torn and bad data', () => {
  const records = [5, 40000, 3, 0, 33000, 12].map((n, i) => payloadOf(n, i + 11));
  const file = FrameWriter.encodeFile(records, 2);
  const full = scanFrames(file, 0, FILE_HEADER_SIZE);

  it('every prefix gives a prefix of the records, and resuming with more bytes completes it', () => {
    for (let cut = FILE_HEADER_SIZE; cut <= file.length; cut += cut < 200 ? 1 : 97) {
      const part = scanFrames(file.subarray(0, cut), 0, FILE_HEADER_SIZE);
      expectSameRecords(part.records, records.slice(0, part.records.length));
      if (part.stop) expect(part.stop.needsMoreData).toBe(true);
      // resume from the reported offset with a buffer that starts exactly there
      const rest = scanFrames(file.subarray(part.nextOffset), part.nextOffset, part.nextOffset);
      expectSameRecords([...part.records, ...rest.records], records);
      expect(rest.stop).toBeNull();
    }
  });

  it('reports a chunk header without payload at EOF (like the killed fixtures) and resumes', () => {
    const cut = full.recordOffsets[2] + CHUNK_HEADER_SIZE;
    const part = scanFrames(file.subarray(0, cut), 0, FILE_HEADER_SIZE);
    expect(part.stop).toEqual({ offset: full.recordOffsets[2], reason: 'chunk header without payload', needsMoreData: true });
    expect(part.nextOffset).toBe(full.recordOffsets[2]);
    expect(part.records.length).toBe(2);
  });

  it('a split record cut between its chunks resumes at the FIRST chunk', () => {
    const cut = BLOCK_SIZE + 100; // inside record 1 (40000 bytes)
    const part = scanFrames(file.subarray(0, cut), 0, FILE_HEADER_SIZE);
    expect(part.records.length).toBe(1);
    expect(part.nextOffset).toBe(full.recordOffsets[1]);
    expect(part.stop?.needsMoreData).toBe(true);
  });

  it('stops at a bad crc and keeps what came before', () => {
    const bad = Buffer.from(file);
    bad[full.recordOffsets[2] + CHUNK_HEADER_SIZE] ^= 0x40;
    const scan = scanFrames(bad, 0, FILE_HEADER_SIZE);
    expect(scan.stop).toEqual({ offset: full.recordOffsets[2], reason: 'bad crc', needsMoreData: false });
    expectSameRecords(scan.records, records.slice(0, 2));
  });

  it('stops at MIDDLE/LAST without FIRST, bad types and zero-filled headers', () => {
    const head = fileHeader(2);
    const p = payloadOf(20, 1);
    const cases: [Buffer, string, boolean][] = [
      [chunk(3, p), 'MIDDLE without FIRST', false],
      [chunk(4, p), 'LAST without FIRST', false],
      [chunk(9, p), 'bad chunk type 9', false],
      [Buffer.concat([chunk(2, p), chunk(1, p)]), 'FULL chunk inside a split record', false],
      [Buffer.alloc(40), 'zero-filled chunk header', true],
    ];
    const bodyStart = FILE_HEADER_SIZE + CHUNK_HEADER_SIZE + p.length;
    for (const [body, reason, needsMoreData] of cases) {
      const scan = scanFrames(Buffer.concat([head, chunk(1, p), body]), 0, FILE_HEADER_SIZE);
      expect(scan.records.length).toBe(1);
      const split = reason.includes('inside a split record');
      const offset = split ? bodyStart + CHUNK_HEADER_SIZE + p.length : bodyStart;
      expect(scan.stop).toEqual({ offset, reason, needsMoreData });
      expect(scan.nextOffset).toBe(bodyStart); // the broken record starts there
    }
  });

  it('rejects a chunk whose length runs past its block', () => {
    const h = Buffer.alloc(CHUNK_HEADER_SIZE);
    h.writeUInt16LE(BLOCK_SIZE, 4);
    h[6] = 1;
    const scan = scanFrames(Buffer.concat([fileHeader(1), h, Buffer.alloc(BLOCK_SIZE)]), 0, FILE_HEADER_SIZE);
    expect(scan.stop?.reason).toBe('chunk length exceeds its block');
  });

  it('never throws on random garbage', () => {
    for (let i = 0; i < 300; i++) {
      const junk = Buffer.concat([fileHeader(2), payloadOf(1 + ((i * 131) % 3000), i + 1)]);
      const scan = scanFrames(junk, 0, FILE_HEADER_SIZE);
      expect(scan.records.length).toBe(0);
      expect(scan.stop).not.toBeNull();
    }
  });
});
