import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RecordDelta, RecordFileContent } from './recordContent';
import { ZERO_FILLED } from './framing';
import { RecordStreamParser } from './recordStream';

export type { RecordColumn, RecordDelta, RecordFileContent } from './recordContent';

/** Bytes read per step (the next one is read while this one is parsed). */
const READ_SLICE = 4 * 1024 * 1024;

/**
 * Follows one record file (`backup.swanlab` or `run-<id>.swanlab`): each refresh reads only the
 * bytes appended since the previous one. Opens the file read-only and never writes to the run folder.
 */
export class RecordFileReader {
  private parser: RecordStreamParser;
  private queue: Promise<unknown> = Promise.resolve();

  /** `countOnly(key)`, asked at a key's first scalar: keep only a count of its points (content.scalarCounts). */
  constructor(readonly filePath: string, private readonly countOnly?: (key: string) => boolean) {
    this.parser = new RecordStreamParser(filePath, countOnly);
  }

  get content(): RecordFileContent {
    return this.parser.content;
  }

  /** File offset the next read starts at (after the last complete record). */
  get resumeOffset(): number {
    return this.parser.resumeOffset;
  }

  /** True after a bad header or real corruption: nothing later in the file will be read. */
  get stopped(): boolean {
    return this.parser.stopped;
  }

  /** The last refresh read up to the end of the file (as it was when that read began). */
  reachedEnd = false;

  /**
   * Concurrent calls run one after the other. `upTo`: read no further than this byte (a big file
   * is read in slices this way). `trim`: give back the series' unused capacity at the end (a
   * slice that is not the last one passes false, so the series keep growing by doubling).
   */
  refresh(upTo = Infinity, trim = true): Promise<RecordDelta> {
    const next = this.queue.then(() => this.readAppended(upTo, trim));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readAppended(upTo: number, trim: boolean): Promise<RecordDelta> {
    let bytes = 0;
    let atEnd = false;
    const file = await fs.promises.open(this.filePath, 'r');
    let pending: Promise<Buffer> | null = null;
    try {
      const fileSize = (await file.stat()).size;
      const size = Math.min(upTo, fileSize);
      atEnd = upTo >= fileSize;
      // Record files are append-only; a shorter file was replaced, so start over.
      if (fileSize < this.parser.content.bytesRead) this.parser = new RecordStreamParser(this.filePath, this.countOnly);
      let pos = this.parser.resumeOffset; // next byte to read
      // Bytes read but not consumed (a record cut by the end of a slice), from resumeOffset on.
      let carry: Buffer | null = null;
      const readAt = async (at: number): Promise<Buffer> => {
        const buf = Buffer.allocUnsafe(Math.min(READ_SLICE, size - at));
        const { bytesRead } = await file.read(buf, 0, buf.length, at);
        return buf.subarray(0, bytesRead);
      };
      pending = pos < size ? readAt(pos) : null;
      while (pending !== null && !this.parser.stopped) {
        const chunk: Buffer = await pending;
        bytes += chunk.length;
        pos += chunk.length;
        // the next slice is read while this one is parsed
        pending = chunk.length > 0 && pos < size ? readAt(pos) : null;
        const data: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
        const dataStart = pos - data.length;
        this.parser.feed(data, dataStart);
        const resume = this.parser.resumeOffset;
        carry = resume < pos ? data.subarray(resume - dataStart) : null;
        // zero-filled space (preallocated, or copied while written) does not get better with more of it
        if (resume === dataStart && this.parser.content.torn?.reason === ZERO_FILLED) break;
      }
    } finally {
      await pending?.catch(() => undefined);
      await file.close();
    }
    await this.readTexts();
    if (trim) for (const series of this.parser.content.scalars.values()) series.trim();
    this.reachedEnd = atEnd;
    return this.parser.builder.takeDelta(bytes);
  }

  /** Generation C keeps text media in media/text/<file>; read each once. */
  private async readTexts(): Promise<void> {
    const items = this.parser.builder.unreadTexts.splice(0);
    const runDir = path.dirname(this.filePath);
    for (const item of items) {
      try {
        item.text = await fs.promises.readFile(path.join(runDir, item.file!), 'utf8');
      } catch {
        // missing or unreadable: leave text null, the file name is still there
      }
    }
  }
}

export async function readRecordFile(filePath: string): Promise<RecordFileContent> {
  const reader = new RecordFileReader(filePath);
  await reader.refresh();
  return reader.content;
}
