import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RecordDelta, RecordFileContent } from './recordContent';
import { RecordStreamParser } from './recordStream';

export type { RecordColumn, RecordDelta, RecordFileContent } from './recordContent';

/** Bytes read per step; a record larger than this makes the step grow. */
const READ_SLICE = 4 * 1024 * 1024;

/**
 * Follows one record file (`backup.swanlab` or `run-<id>.swanlab`): each refresh reads only the
 * bytes appended since the previous one. Opens the file read-only and never writes to the run folder.
 */
export class RecordFileReader {
  private parser: RecordStreamParser;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly filePath: string) {
    this.parser = new RecordStreamParser(filePath);
  }

  get content(): RecordFileContent {
    return this.parser.content;
  }

  /** Concurrent calls run one after the other. */
  refresh(): Promise<RecordDelta> {
    const next = this.queue.then(() => this.readAppended());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readAppended(): Promise<RecordDelta> {
    let bytes = 0;
    const file = await fs.promises.open(this.filePath, 'r');
    try {
      const { size } = await file.stat();
      // Record files are append-only; a shorter file was replaced, so start over.
      if (size < this.parser.content.bytesRead) this.parser = new RecordStreamParser(this.filePath);
      let sliceLength = READ_SLICE;
      while (!this.parser.stopped) {
        const start = this.parser.resumeOffset;
        const length = Math.min(sliceLength, size - start);
        if (length <= 0) break;
        const buf = Buffer.allocUnsafe(length);
        const { bytesRead } = await file.read(buf, 0, length, start);
        bytes += bytesRead;
        this.parser.feed(buf.subarray(0, bytesRead), start);
        if (start + bytesRead >= size || bytesRead === 0) break;
        // No progress: one record is bigger than the slice.
        sliceLength = this.parser.resumeOffset === start ? sliceLength * 2 : READ_SLICE;
      }
    } finally {
      await file.close();
    }
    await this.readTexts();
    for (const series of this.parser.content.scalars.values()) series.trim();
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
