import { applyBackupRecord, decodeBackupRecord } from './backupRecord';
import { FILE_HEADER_SIZE } from './frameFormat';
import { parseFileHeader, visitFrames } from './framing';
import { RecordContentBuilder, type RecordFileContent } from './recordContent';
import { applyRunRecord } from './runRecordApply';
import { decodeRunRecord } from './runRecord';
import { readScalarRecord, type ScalarPoint } from './scalarWire';

/**
 * Decodes a record file from bytes handed in as the file grows; no I/O. Each `feed` must cover
 * the file from `resumeOffset` to the current end of the data.
 */
export class RecordStreamParser {
  readonly builder: RecordContentBuilder;
  private version: number | null = null;
  private gaveUp = false;
  private offset = 0;
  /** Scratch for the scalar fast path. */
  private readonly point: ScalarPoint = { key: '', step: 0, value: 0, timeMs: NaN };

  /** `countOnly`: see RecordContentBuilder. */
  constructor(path: string, countOnly?: (key: string) => boolean) {
    this.builder = new RecordContentBuilder(path, /backup\.swanlab$/.test(path) ? 'B' : 'C', countOnly);
  }

  get content(): RecordFileContent {
    return this.builder.content;
  }

  /** File offset the next `feed` must start at (or before). */
  get resumeOffset(): number {
    return this.offset;
  }

  /** True after a bad header or real corruption: nothing later in the file will be read. */
  get stopped(): boolean {
    return this.gaveUp;
  }

  /** `buf` = file bytes from `bufFileOffset` (≤ resumeOffset) up to the current end of the data. */
  feed(buf: Buffer, bufFileOffset: number): void {
    const content = this.builder.content;
    if (this.gaveUp || bufFileOffset > this.offset) return;
    content.bytesRead = Math.max(content.bytesRead, bufFileOffset + buf.length);
    if (this.version === null && !this.readHeader(buf)) return;

    const scan = visitFrames(buf, bufFileOffset, this.offset, this.visit);
    this.offset = scan.nextOffset;
    content.torn = scan.stop && { offset: scan.stop.offset, reason: scan.stop.reason };
    if (scan.stop && !scan.stop.needsMoreData) this.gaveUp = true;
  }

  private readHeader(buf: Buffer): boolean {
    const content = this.builder.content;
    const header = parseFileHeader(buf); // offset is still 0 here, so buf starts at the file start
    if (header === null) return false; // fewer than 7 bytes so far: not an error
    if ('error' in header) {
      content.torn = { offset: 0, reason: header.error };
      this.gaveUp = true;
      return false;
    }
    this.version = header.version;
    content.version = header.version;
    content.generation = header.version === 2 ? 'C' : 'B';
    this.offset = FILE_HEADER_SIZE;
    return true;
  }

  private readonly visit = (bytes: Buffer, start: number, end: number): void => {
    this.builder.content.records++;
    applyRecordPayload(this.version!, bytes, start, end, this.builder, this.point);
  };
}

/**
 * Decodes one record payload bytes[start..end) of a file with header `version` into `builder`
 * (scalar fast path for generation C). A payload that cannot be decoded (an intact frame with an
 * unknown schema change) is counted in `content.undecodable` and skipped.
 */
export function applyRecordPayload(version: number, bytes: Buffer, start: number, end: number, builder: RecordContentBuilder, scratch: ScalarPoint): void {
  if (version === 2 && readScalarRecord(bytes, start, end, scratch)) {
    builder.scalar(scratch.key, scratch.step, scratch.value, scratch.timeMs, false);
    return;
  }
  const payload = bytes.subarray(start, end);
  try {
    if (version === 2) applyRunRecord(decodeRunRecord(payload), builder);
    else applyBackupRecord(decodeBackupRecord(payload), builder);
  } catch {
    builder.content.undecodable++;
  }
}

/** A fresh scratch point for applyRecordPayload. */
export function scalarScratch(): ScalarPoint {
  return { key: '', step: 0, value: 0, timeMs: NaN };
}
