import {
  BLOCK_SIZE,
  CHUNK_FIRST,
  CHUNK_FULL,
  CHUNK_HEADER_SIZE,
  CHUNK_LAST,
  CHUNK_MIDDLE,
  FILE_HEADER_SIZE,
  FILE_IDENT,
  FILE_MAGIC,
  SUPPORTED_VERSIONS,
  chunkCrcAt,
} from './frameFormat';

export { FrameWriter, fdSink } from './frameWriter';
export type { ByteSink, FrameWriterOptions } from './frameWriter';

/** `null` while fewer than 7 bytes exist. */
export function parseFileHeader(buf: Buffer): { version: number } | { error: string } | null {
  if (buf.length < FILE_HEADER_SIZE) return null;
  if (buf.toString('latin1', 0, 4) !== FILE_IDENT) return { error: 'not a SwanLab record file (bad identifier)' };
  if (buf.readUInt16LE(4) !== FILE_MAGIC) return { error: 'not a SwanLab record file (bad magic)' };
  const version = buf.readUInt8(6);
  if (!SUPPORTED_VERSIONS.includes(version)) return { error: `unsupported record file version ${version}` };
  return { version };
}

/** Stop reason for a chunk header of zeros (space a writer has not filled yet). */
export const ZERO_FILLED = 'zero-filled chunk header';

export interface FrameStop {
  /** File offset of the chunk (or the position) where reading stopped. */
  offset: number;
  reason: string;
  /**
   * True when the stop is only because the data ended (a writer mid-record, or zero-filled
   * space): the same offset may read fine once more bytes exist. False for real corruption.
   */
  needsMoreData: boolean;
}

export interface FrameScan {
  /** Complete record payloads, in file order (FULL records are views into `buf`). */
  records: Buffer[];
  /** File offset of the first chunk of each record. */
  recordOffsets: number[];
  /** Where to resume: after the last complete record, or the start of the record that stopped us. */
  nextOffset: number;
  stop: FrameStop | null;
}

/**
 * Receives each complete record as bytes[start..end): a range of the scanned buffer for a
 * record in one chunk (valid only during the call), or a new buffer for a split record.
 */
export type RecordVisitor = (bytes: Buffer, start: number, end: number, fileOffset: number) => void;

/**
 * Reassembles records from `buf`, which holds file bytes starting at file offset `bufFileOffset`;
 * reading starts at `startOffset` (a record boundary, ≥ 7). Stops at the first torn or bad chunk.
 */
export function scanFrames(buf: Buffer, bufFileOffset: number, startOffset: number): FrameScan {
  const records: Buffer[] = [];
  const recordOffsets: number[] = [];
  const r = visitFrames(buf, bufFileOffset, startOffset, (bytes, start, end, offset) => {
    records.push(start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end));
    recordOffsets.push(offset);
  });
  return { records, recordOffsets, ...r };
}

/** scanFrames without collecting: each record goes to `visit` as soon as it is complete. */
export function visitFrames(buf: Buffer, bufFileOffset: number, startOffset: number, visit: RecordVisitor): Pick<FrameScan, 'nextOffset' | 'stop'> {
  const end = bufFileOffset + buf.length;
  let pos = Math.max(startOffset, FILE_HEADER_SIZE);
  let afterLastRecord = pos;
  let splitStart = -1;
  let parts: Buffer[] = [];

  const stopAt = (offset: number, reason: string, needsMoreData: boolean): Pick<FrameScan, 'nextOffset' | 'stop'> => ({
    nextOffset: splitStart >= 0 ? splitStart : offset,
    stop: { offset, reason, needsMoreData },
  });

  if (pos < bufFileOffset) return stopAt(pos, 'buffer starts after the start offset', false);

  for (;;) {
    const leftInBlock = BLOCK_SIZE - (pos % BLOCK_SIZE);
    if (leftInBlock < CHUNK_HEADER_SIZE) {
      pos += leftInBlock; // zero padding at the end of a block
      continue;
    }
    if (pos >= end) break;
    if (end - pos < CHUNK_HEADER_SIZE) return stopAt(pos, 'truncated chunk header', true);

    const at = pos - bufFileOffset;
    const crc = buf.readUInt32LE(at);
    const length = buf[at + 4] | (buf[at + 5] << 8);
    const type = buf[at + 6];
    if (crc === 0 && length === 0 && type === 0) return stopAt(pos, ZERO_FILLED, true);
    if (type < CHUNK_FULL || type > CHUNK_LAST) return stopAt(pos, `bad chunk type ${type}`, false);
    if (length > leftInBlock - CHUNK_HEADER_SIZE) return stopAt(pos, 'chunk length exceeds its block', false);
    const payloadStart = at + CHUNK_HEADER_SIZE;
    const payloadEnd = payloadStart + length;
    if (payloadEnd > buf.length) {
      const reason = payloadStart >= buf.length ? 'chunk header without payload' : 'short payload';
      return stopAt(pos, reason, true);
    }
    if (chunkCrcAt(type, buf, payloadStart, payloadEnd) !== crc) return stopAt(pos, 'bad crc', false);

    if (type === CHUNK_FULL) {
      if (splitStart >= 0) return stopAt(pos, 'FULL chunk inside a split record', false);
      visit(buf, payloadStart, payloadEnd, pos);
    } else if (type === CHUNK_FIRST) {
      if (splitStart >= 0) return stopAt(pos, 'FIRST chunk inside a split record', false);
      splitStart = pos;
      parts = [buf.subarray(payloadStart, payloadEnd)];
    } else {
      if (splitStart < 0) return stopAt(pos, `${type === CHUNK_MIDDLE ? 'MIDDLE' : 'LAST'} without FIRST`, false);
      parts.push(buf.subarray(payloadStart, payloadEnd));
      if (type === CHUNK_LAST) {
        const whole = Buffer.concat(parts);
        visit(whole, 0, whole.length, splitStart);
        splitStart = -1;
        parts = [];
      }
    }
    pos += CHUNK_HEADER_SIZE + length;
    if (splitStart < 0) afterLastRecord = pos;
  }

  if (splitStart >= 0) return stopAt(Math.min(pos, end), 'record continues past the end of the data', true);
  return { nextOffset: afterLastRecord, stop: null };
}

/**
 * Where reading can start inside a file region that begins at a block boundary: the offset of
 * the first chunk at or after `blockStart` that begins a record (FULL or FIRST), skipping the
 * MIDDLE/LAST chunks of a record that began before the region. Every chunk starts at a block
 * boundary or right after another chunk (a record never starts inside a block's padding), so
 * this needs no reading from the start of the file. `buf` holds file bytes from
 * `bufFileOffset`. Null when the region holds no intact record start (zero-filled, torn, bad
 * type, length or CRC).
 */
export function firstRecordStart(buf: Buffer, bufFileOffset: number, blockStart: number): number | null {
  const end = bufFileOffset + buf.length;
  let pos = Math.max(blockStart, FILE_HEADER_SIZE);
  if (pos < bufFileOffset) return null;
  for (;;) {
    const leftInBlock = BLOCK_SIZE - (pos % BLOCK_SIZE);
    if (leftInBlock < CHUNK_HEADER_SIZE) {
      pos += leftInBlock;
      continue;
    }
    if (end - pos < CHUNK_HEADER_SIZE) return null;
    const at = pos - bufFileOffset;
    const crc = buf.readUInt32LE(at);
    const length = buf[at + 4] | (buf[at + 5] << 8);
    const type = buf[at + 6];
    if (type < CHUNK_FULL || type > CHUNK_LAST || length > leftInBlock - CHUNK_HEADER_SIZE) return null;
    const payloadEnd = at + CHUNK_HEADER_SIZE + length;
    if (payloadEnd > buf.length || chunkCrcAt(type, buf, at + CHUNK_HEADER_SIZE, payloadEnd) !== crc) return null;
    if (type === CHUNK_FULL || type === CHUNK_FIRST) return pos;
    pos += CHUNK_HEADER_SIZE + length;
  }
}
