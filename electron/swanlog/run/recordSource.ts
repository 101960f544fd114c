import { promises as fs } from 'node:fs';
import type { LoadScheduler } from '../loadScheduler';
import { RecordFileReader, type RecordDelta, type RecordFileContent } from '../records/recordFile';
import { sampleRecordFile, type RecordSample } from '../records/recordSample';
import { scanRecordTail, type RecordTail } from '../records/recordTail';
import type { PreviewSeries } from './keySource';

/** How much of a run is read when its folder is opened (the rest is read when asked for). */
export interface RunOpenOptions {
  /** Record files up to this size are read whole at open. */
  wholeRecordBelow: number;
  /** Bytes read at open from the start of a bigger record file (start record, saved files, first columns). */
  recordHead: number;
}

export const DEFAULT_OPEN_OPTIONS: RunOpenOptions = { wholeRecordBelow: 4 * 1024 * 1024, recordHead: 64 * 1024 };

/** `run-<id>.swanlab` (the first by name) or `backup.swanlab` among a run folder's entries. */
export function recordFileIn(names: string[]): string | null {
  const c = names.filter((n) => /^run-.+\.swanlab$/.test(n)).sort();
  if (c.length) return c[0];
  return names.includes('backup.swanlab') ? 'backup.swanlab' : null;
}

/**
 * A run's record file: read whole at open when small; else its first blocks and its tail (the
 * finish record, last data time and last steps; recordTail.ts) until it is read in slices.
 * Keys that logs/ serve keep only a count of their points here (one copy in memory, not two),
 * unless their record copy outgrew logs/ (`serveFromRecord`).
 */
export class RecordSource {
  private readerValue: RecordFileReader;
  /** Read to its end once: its keys, counts, console and media are complete. */
  scanned = false;
  /** The end of a big record file, read at open, until the full read is done. */
  tail: RecordTail | null = null;
  /** Too big to be read whole at open: its series are big too (a hint for previews). */
  big = false;
  /** Keys with a logs/ folder whose record copy outgrew it: the reader keeps their values. */
  private readonly served = new Set<string>();
  /** Reads and replacements of the reader, one at a time. */
  private lock: Promise<unknown> = Promise.resolve();
  private sample: Promise<RecordSample | null> | null = null;
  private readonly countOnly: (key: string) => boolean;

  constructor(readonly filePath: string, hasFolder: (key: string) => boolean) {
    this.countOnly = (key) => hasFolder(key) && !this.served.has(key);
    this.readerValue = new RecordFileReader(filePath, this.countOnly);
  }

  get reader(): RecordFileReader {
    return this.readerValue;
  }

  get content(): RecordFileContent {
    return this.readerValue.content;
  }

  isServed(key: string): boolean {
    return this.served.has(key);
  }

  withLock<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.lock.then(fn);
    this.lock = next.catch(() => undefined);
    return next;
  }

  /** A small file is read whole; of a big one only the first blocks and the tail. */
  async open(options: RunOpenOptions): Promise<void> {
    const size = (await fs.stat(this.filePath).catch(() => null))?.size ?? 0;
    if (size <= options.wholeRecordBelow) {
      await this.readerValue.refresh();
      this.scanned = true;
    } else {
      const [, tail] = await Promise.all([this.readerValue.refresh(options.recordHead, false), scanRecordTail(this.filePath).catch(() => null)]);
      this.tail = tail;
      this.big = true;
    }
  }

  /** Until the full read is done, a grown file gets its tail read again (a finish record may have arrived). True when newer data was seen. */
  async refreshTail(): Promise<boolean> {
    const size = (await fs.stat(this.filePath).catch(() => null))?.size;
    if (size === undefined || size === this.tail?.size) return false;
    const tail = await scanRecordTail(this.filePath).catch(() => null);
    const grew = !!tail && !!this.tail && tail.lastDataMs > this.tail.lastDataMs;
    if (tail) this.tail = tail;
    return grew;
  }

  /** Reads up to `bytes` more of the full read; `done` once the end (or a stop) is reached. */
  async readSlice(bytes: number): Promise<{ newKeys: string[]; done: boolean }> {
    const rec = this.readerValue;
    const d = await rec.refresh(rec.resumeOffset + bytes, false);
    return { newKeys: d.newKeys, done: rec.reachedEnd || rec.stopped || d.bytes === 0 };
  }

  /** The full read reached the end: the series give back their spare capacity, the tail is no longer needed. */
  finishScan(): void {
    for (const s of this.readerValue.content.scalars.values()) s.trim();
    this.scanned = true;
    this.tail = null;
  }

  /**
   * `keys` are served from the record file from now on: it is read again from the start keeping
   * their values (the same bytes first: the same state plus the values, then what was appended
   * meanwhile). Returns what that last read found.
   */
  async serveFromRecord(keys: string[]): Promise<RecordDelta> {
    for (const key of keys) this.served.add(key);
    const old = this.readerValue;
    const next = new RecordFileReader(old.filePath, this.countOnly);
    await next.refresh(old.content.bytesRead);
    const d = await next.refresh();
    this.readerValue = next;
    return d;
  }

  /** Strided reads of the file (recordSample.ts), once. */
  async preview(scheduler: LoadScheduler, key: string): Promise<PreviewSeries | null> {
    const file = this.filePath;
    this.sample ??= scheduler.run('preview', () => sampleRecordFile(file)).catch(() => null);
    const sample = await this.sample;
    const s = sample?.series.get(key);
    return s && s.steps.length ? { series: s, total: sample!.estimatedTotals.get(key) ?? s.steps.length } : null;
  }
}
