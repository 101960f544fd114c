import * as path from 'node:path';
import type { MetricKeyInfo, MetricType, NumericSeries } from '../../../shared/domain';
import { sampleLogFolder, type LogSample } from '../legacy/logSample';
import { LogTailProbe } from '../legacy/logTail';
import { MetricFolderReader } from '../legacy/metricFolder';
import { LoadScheduler, RANK, type LoadPriority } from '../loadScheduler';

/** Where one key's points come from, besides the record file. */
export interface KeySource {
  info: MetricKeyInfo;
  /** logs/<folder> of generation A, when that folder exists. */
  folder: MetricFolderReader | null;
  folderName: string | null;
  /** The folder's first read finished: its points are in the reader and follow refreshes. */
  loaded: boolean;
  loading: Promise<void> | null;
  /** Class of the pending first read (raised when someone waits for it). */
  priority: LoadPriority;
  /** The folder's last point, for runs whose status depends on it while the points are not loaded. */
  probe: LogTailProbe | null;
  preview: Promise<LogSample | null> | null;
  /** Estimated points of the series, once `preview` has settled with a sample (null before, and once read). */
  sampledTotal: number | null;
}

/** A coarse picture of a series, from strided reads (never the series itself). */
export interface PreviewSeries {
  series: NumericSeries;
  /** Estimated number of points of the full series. */
  total: number;
}

export const EMPTY_SERIES: NumericSeries = {
  steps: new Float64Array(0), values: new Float64Array(0), timestamps: new Float64Array(0), legacyNonFinite: false,
};

export function newKeySource(info: MetricKeyInfo, folder: MetricFolderReader | null, folderName: string | null): KeySource {
  return { info, folder, folderName, loaded: false, loading: null, priority: 'background', probe: null, preview: null, sampledTotal: null };
}

export function normalizeType(t: string | null | undefined): MetricType {
  const s = (t ?? 'line').toLowerCase();
  if (s === 'default' || s === 'float' || s === 'scalar' || s === 'line') return 'line';
  return s as MetricType;
}

export function folderDir(runDir: string, src: KeySource): string {
  return path.join(runDir, 'logs', src.folderName ?? '');
}

/** Reads a key's logs/ folder once (later refreshes follow it), at `priority` or better. */
export function loadFolder(scheduler: LoadScheduler, src: KeySource, priority: LoadPriority): Promise<void> {
  if (src.loaded || !src.folder) return Promise.resolve();
  if (RANK[priority] < RANK[src.priority]) src.priority = priority;
  src.loading ??= scheduler.run(() => src.priority, () => src.folder!.refresh()).then(
    () => {
      src.loaded = true;
      src.preview = null;
      src.sampledTotal = null;
      src.probe = null;
    },
    (e: unknown) => {
      src.loading = null;
      throw e;
    },
  );
  return src.loading;
}

/** Strided reads of a folder not loaded yet (logSample.ts), once per key. */
export async function folderPreview(scheduler: LoadScheduler, runDir: string, src: KeySource, windows: number): Promise<PreviewSeries | null> {
  src.preview ??= scheduler.run('preview', () => sampleLogFolder(folderDir(runDir, src), windows)).then(
    (sample) => {
      if (!src.loaded && sample?.series.steps.length) src.sampledTotal = sample.estimatedTotal;
      return sample;
    },
    () => null,
  );
  const s = await src.preview;
  return s && s.series.steps.length ? { series: s.series, total: s.estimatedTotal } : null;
}

/** Follows the last point of each folder not loaded, without loading it. True when one of them moved. */
export async function refreshProbes(runDir: string, sources: Iterable<KeySource>): Promise<boolean> {
  let moved = false;
  for (const src of sources) {
    if (!src.folder || src.loaded) continue;
    const first = src.probe === null;
    src.probe ??= new LogTailProbe(folderDir(runDir, src));
    if ((await src.probe.refresh()) && !first) moved = true;
  }
  return moved;
}
