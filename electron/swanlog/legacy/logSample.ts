import fs from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { NumericSeries } from '../../../shared/domain';
import { SeriesBuilder } from '../../../shared/seriesBuilder';
import { spreadIndices } from '../records/recordSample';
import { ScannedPoint, scanLogLine } from './logLine';
import { compareLogNames } from './metricFolder';

/** A coarse look at a metric folder's numeric points from a few windows of its files: a preview, never the series. */
export interface LogSample {
  /** The points found, sorted by step (one per step). */
  series: NumericSeries;
  /** A guess at the series length (SDK slicing: `<N>.log` holds points N-999..N). */
  estimatedTotal: number;
  /** Windows read. */
  reads: number;
}

export const SAMPLE_WINDOWS = 16;
export const WINDOW_BYTES = 4096;

interface Window {
  file: string;
  offset: number;
  length: number;
  /** The window starts inside a line: its first (partial) line is dropped. */
  cut: boolean;
  /** The window reaches the end of the file: a last line without `\n` may be a point. */
  atEnd: boolean;
  /** Size of the file, when known. */
  fileSize?: number;
}

/**
 * Strided reads of `logs/<folder>/`: `windows` small windows spread evenly over the folder's
 * points, plus the end of the last file (so the preview ends where the series ends). The SDK
 * writes 1000 points per file (doc §4.2), so a folder of many files is sampled at the start of
 * evenly chosen files without stat-ing the others; a folder of few files at evenly spaced offsets
 * inside each. Only complete lines are taken. A spike between two windows is not in the preview:
 * it is replaced by the min/max-downsampled series once that has been read.
 */
export async function sampleLogFolder(dir: string, windows = SAMPLE_WINDOWS, windowBytes = WINDOW_BYTES, files?: string[]): Promise<LogSample> {
  const names = files ?? (await readdir(dir)).filter((n) => n.endsWith('.log')).sort(compareLogNames);
  const plan = await planWindows(dir, names, windows, windowBytes);
  const builder = new SeriesBuilder(plan.length * 64);
  const p = new ScannedPoint();
  let lines = 0;
  let bytes = 0;
  const reads = await Promise.all(plan.map((w) => readWindow(w).catch(() => null)));
  for (const [i, buf] of reads.entries()) {
    if (!buf) continue;
    const w = plan[i];
    bytes += buf.length;
    let start = 0;
    if (w.cut) {
      const nl = buf.indexOf(10);
      if (nl < 0) continue;
      start = nl + 1;
    }
    while (start < buf.length) {
      let nl = buf.indexOf(10, start);
      if (nl < 0) {
        if (!w.atEnd) break; // cut by the window
        nl = buf.length;
      }
      const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
      if (end > start && scanLogLine(buf, start, end, p) && p.value !== null) {
        builder.push(p.step, p.value, p.timeMs);
        if (p.legacyNonFinite) builder.legacyNonFinite = true;
        lines++;
      }
      start = nl + 1;
    }
  }
  const series = builder.build();
  return { series, estimatedTotal: estimateTotal(names, series, lines, bytes, plan), reads: plan.length };
}

/**
 * One window's bytes. Plain callback fs calls: a preview reads thousands of small windows, and
 * the FileHandle API costs several times more per call here (its close in particular).
 */
function readWindow(w: Window): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    fs.open(w.file, 'r', (err, fd) => {
      if (err) return reject(err);
      const done = (e: Error | null, buf?: Buffer) => fs.close(fd, () => (e ? reject(e) : resolve(buf!)));
      const read = (offset: number, length: number) => {
        const buf = Buffer.allocUnsafe(length);
        fs.read(fd, buf, 0, length, offset, (e, n) => done(e, buf.subarray(0, n)));
      };
      if (w.offset >= 0) return read(w.offset, w.length);
      // the end of the file: its size is known only now
      fs.fstat(fd, (e, st) => {
        if (e) return done(e);
        const offset = Math.max(0, st.size - w.length);
        w.cut = offset > 0;
        w.fileSize = st.size;
        read(offset, st.size - offset);
      });
    });
  });
}

async function planWindows(dir: string, names: string[], windows: number, windowBytes: number): Promise<Window[]> {
  if (!names.length) return [];
  const full = (n: string) => path.join(dir, n);
  if (names.length >= windows) {
    const picked = spreadIndices(names.length, windows);
    const plan: Window[] = picked.map((i) => ({ file: full(names[i]), offset: 0, length: windowBytes, cut: false, atEnd: false }));
    // offset -1: the last windowBytes of the last file
    plan.push({ file: full(names[names.length - 1]), offset: -1, length: windowBytes, cut: true, atEnd: true });
    return plan;
  }
  const sizes = await Promise.all(names.map((n) => stat(full(n)).then((s) => s.size, () => 0)));
  const total = sizes.reduce((a, b) => a + b, 0);
  const plan: Window[] = [];
  for (const [i, n] of names.entries()) {
    const size = sizes[i];
    if (size === 0) continue;
    const k = Math.max(1, Math.round((windows * size) / Math.max(1, total)));
    if (k * windowBytes >= size) {
      plan.push({ file: full(n), offset: 0, length: size, cut: false, atEnd: true, fileSize: size });
      continue;
    }
    for (let j = 0; j < k; j++) {
      const offset = k === 1 ? size - windowBytes : Math.floor((j * (size - windowBytes)) / (k - 1));
      plan.push({ file: full(n), offset, length: windowBytes, cut: offset > 0, atEnd: offset + windowBytes >= size, fileSize: size });
    }
  }
  return plan;
}

function estimateTotal(names: string[], s: NumericSeries, lines: number, bytes: number, plan: Window[]): number {
  const n = s.steps.length;
  if (!n) return 0;
  const lastNumber = Number(names[names.length - 1].slice(0, -4));
  // every window read whole: the sample is the series
  if (plan.every((w) => w.offset === 0 && w.atEnd && !w.cut)) return n;
  if (Number.isInteger(lastNumber) && lastNumber >= 1000 && lastNumber % 1000 === 0) {
    // SDK slicing: the last file holds up to 1000 points after lastNumber - 1000
    const perLine = lines > 0 ? bytes / lines : 100;
    const lastSize = plan[plan.length - 1]?.fileSize ?? 0;
    return Math.max(n, lastNumber - 1000 + Math.min(1000, Math.round(lastSize / perLine)));
  }
  return n;
}
