import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareLogNames } from './metricFolder';
import { ScannedPoint, scanLogLine } from './logLine';

/** The end of a metric folder `logs/<folder>/`, read without its points. */
export interface LogTail {
  /** `.log` files in reading order (numeric). */
  files: string[];
  /** Step and time (ms, NaN when unknown) of the last point of the last file that has one; null when none. */
  lastStep: number | null;
  lastTimeMs: number;
  /** Size of the last file. */
  lastFileSize: number;
}

const WINDOW = 8 * 1024;
const MAX_WINDOW = 1024 * 1024;

/**
 * The last point of a metric folder: the last complete line of its last `.log` file (a last
 * line without `\n` counts when it is already a complete point, as MetricFolderReader takes it).
 * Reads one small window at the end of one file. SDK writers append to the last file only, so
 * this is the newest point (its time tells whether a run is still being written).
 */
export async function readLogTail(dir: string, files?: string[]): Promise<LogTail> {
  const names = files ?? (await readdir(dir)).filter((n) => n.endsWith('.log')).sort(compareLogNames);
  const tail: LogTail = { files: names, lastStep: null, lastTimeMs: NaN, lastFileSize: 0 };
  for (let i = names.length - 1; i >= 0 && i >= names.length - 3; i--) {
    const file = path.join(dir, names[i]);
    const found = await lastPointOf(file).catch(() => null);
    if (i === names.length - 1) tail.lastFileSize = found?.size ?? 0;
    if (found?.point) {
      tail.lastStep = found.point.step;
      tail.lastTimeMs = found.point.timeMs;
      break;
    }
  }
  return tail;
}

async function lastPointOf(file: string): Promise<{ size: number; point: { step: number; timeMs: number } | null }> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const p = new ScannedPoint();
    for (let window = WINDOW; ; window *= 8) {
      const from = Math.max(0, size - window);
      const buf = Buffer.allocUnsafe(size - from);
      const { bytesRead } = await fh.read(buf, 0, buf.length, from);
      const b = buf.subarray(0, bytesRead);
      let end = b.length;
      // the last line first, then earlier ones; the first one of a window that does not start the file may be cut
      while (end > 0) {
        const nl = b.lastIndexOf(10, end - 1);
        const start = nl + 1;
        if (nl < 0 && from > 0) break;
        const lineEnd = end > start && b[end - 1] === 13 ? end - 1 : end;
        if (lineEnd > start && scanLogLine(b, start, lineEnd, p)) return { size, point: { step: p.step, timeMs: p.timeMs } };
        end = nl < 0 ? 0 : nl;
      }
      if (from === 0 || window >= MAX_WINDOW) return { size, point: null };
    }
  } finally {
    await fh.close();
  }
}

/**
 * Re-reads a folder's tail only when it may have changed: the folder's mtime (files added or
 * removed) and the last file's size. For runs whose status depends on when data last arrived,
 * without loading their points.
 */
export class LogTailProbe {
  private dirMtime = -1;
  private last: LogTail | null = null;

  constructor(readonly dir: string) {}

  get current(): LogTail | null {
    return this.last;
  }

  /** True when the folder's last point changed since the previous call (always on the first). */
  async refresh(): Promise<boolean> {
    const st = await stat(this.dir).catch(() => null);
    if (!st) return false;
    let files = this.last?.files;
    if (st.mtimeMs !== this.dirMtime || !files) {
      files = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => n.endsWith('.log')).sort(compareLogNames);
      this.dirMtime = st.mtimeMs;
    }
    if (this.last && files === this.last.files && files.length) {
      const size = (await stat(path.join(this.dir, files[files.length - 1])).catch(() => null))?.size ?? 0;
      if (size === this.last.lastFileSize) return false;
    }
    const next = await readLogTail(this.dir, files);
    const changed = !this.last || next.lastStep !== this.last.lastStep || !Object.is(next.lastTimeMs, this.last.lastTimeMs) || next.files.length !== this.last.files.length;
    this.last = next;
    return changed;
  }
}
