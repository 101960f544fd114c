import type { FileHandle } from 'node:fs/promises';
import { FILE_HEADER_SIZE } from './frameFormat';
import { firstRecordStart, parseFileHeader, visitFrames, type FrameStop } from './framing';
import type { RecordContentBuilder } from './recordContent';
import { applyRecordPayload, scalarScratch } from './recordStream';

/**
 * Reading a record file from somewhere in its middle (format doc §5): any 32 KiB block boundary
 * is a chunk boundary, so the records that begin in a region starting at a block boundary can be
 * decoded without the bytes before it. Used by the tail scan and the preview sampler; the full
 * reader (RecordFileReader) still reads from the start.
 */

export interface RegionRead {
  /** Complete records decoded from the region. */
  records: number;
  /** Why decoding stopped before the end of the region (a record cut by the region's end included). */
  stop: FrameStop | null;
}

/** The file header's version, or null (fewer than 7 bytes, or not a record file). */
export async function readHeaderVersion(fh: FileHandle): Promise<number | null> {
  const head = Buffer.alloc(FILE_HEADER_SIZE);
  const { bytesRead } = await fh.read(head, 0, FILE_HEADER_SIZE, 0);
  const h = parseFileHeader(head.subarray(0, bytesRead));
  return h !== null && 'version' in h ? h.version : null;
}

/** Bytes [from, to) of the file (fewer at its end). */
export async function readRange(fh: FileHandle, from: number, to: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(Math.max(0, to - from));
  let got = 0;
  while (got < buf.length) {
    const { bytesRead } = await fh.read(buf, got, buf.length - got, from + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}

/**
 * Decodes every record that begins in `buf` (file bytes from `blockStart`, a multiple of the
 * block size, or 0) into `builder`, skipping the tail of a record that began before it.
 */
export function decodeRegion(version: number, buf: Buffer, blockStart: number, builder: RecordContentBuilder): RegionRead {
  const start = firstRecordStart(buf, blockStart, blockStart);
  if (start === null) return { records: 0, stop: null };
  const scratch = scalarScratch();
  let records = 0;
  const r = visitFrames(buf, blockStart, start, (bytes, s, e) => {
    records++;
    applyRecordPayload(version, bytes, s, e, builder, scratch);
  });
  builder.content.records += records;
  return { records, stop: r.stop };
}
