/**
 * The UI part of `npm run bench` (issue "The desktop viewer", Speed): `swanview serve` on a
 * generated folder, opened in Chromium. Per dataset, with the folder's files dropped from the
 * page cache first: the server's open time; on the first page load (nothing read by the server
 * yet) the time to the first painted chart (a preview when its series is not read in time), to
 * its exact series and to the exact series of every chart of the first screen; on two more loads
 * (series read by then) the time to the first painted chart; bytes per chart; frame times while
 * zooming. Then whether the bytes per chart grow with the series length (10k against 100k points
 * per key, same runs and width).
 */
import { spawnSync } from 'node:child_process';
import { runProbe } from './child';
import type { Dataset, DatasetSpec } from './datasets';
import { median, percentile } from './stats';
import { atMost, info, type Figure } from './targets';
import { launchChromium, measurePage, type PageResult } from './uiPage';
import { serve } from './uiServe';

export interface UiSuiteOptions {
  /** Leave out the 50-run dataset. */
  skipBig: boolean;
  log: (msg: string) => void;
}

export interface UiSuiteResult {
  figures: Figure[];
  raw: Record<string, { openMs: number; droppedFiles: number | null; pages: PageResult[] }>;
}

const TARGETS = {
  firstChartMs: 1500,
  /** Bytes per chart of a 100k-point key over those of a 10k-point key: flat, up to longer step numbers. */
  chartBytesGrowth: 1.1,
} as const;

const spec = (runs: number, points: number, label: string): DatasetSpec => ({
  name: `AC-${runs}x20x${label}`, runs, keys: 20, points, generation: 'A+C',
});
const SHORT = spec(5, 10_000, '10k');
const LONG = spec(5, 100_000, '100k');
const BIG = spec(50, 100_000, '100k');

/** Page loads per dataset, each in a fresh browser context: the first one cold, the others warm. */
const LOADS = 3;

/**
 * Drops the dataset's files from the page cache (posix_fadvise DONTNEED on each file, nothing
 * else is touched), so that the server reads them from the disk. Returns the number of files, or
 * null when python3 is missing. The VM's host may still cache the disk: "cold" is the guest's
 * page cache.
 */
export function dropFromPageCache(root: string): number | null {
  const script = [
    'import os, sys',
    'n = 0',
    'for d, _, files in os.walk(sys.argv[1]):',
    '    for f in files:',
    '        try:',
    '            fd = os.open(os.path.join(d, f), os.O_RDONLY)',
    '            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)',
    '            os.close(fd)',
    '            n += 1',
    '        except OSError:',
    '            pass',
    'print(n)',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script, root], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
}

const baseCalls = (pages: PageResult[]) => pages.flatMap((p) => p.baseCalls);
const meanBytes = (pages: PageResult[]) => baseCalls(pages).reduce((n, c) => n + c.bytes, 0) / baseCalls(pages).length;
const ms = (v: number) => v.toFixed(0);

function datasetFigures(name: string, openMs: number, pages: PageResult[], dropped: number | null): Figure[] {
  const [cold, ...warm] = pages;
  const first = atMost(`ui-first-chart-${name}`, 'page load to first chart painted (cold)', name, cold.firstChartMs, 'ms', TARGETS.firstChartMs);
  first.note = cold.firstChartPreview
    ? 'a preview (strided reads) — the series was not read yet; the exact one replaces it'
    : 'the exact series (read within the 150 ms the server waits before answering with a preview)';
  const warmFirst = warm.map((p) => p.firstChartMs);
  const frames = pages.flatMap((p) => p.frameMs);
  const previews = cold.baseCalls.reduce((n, c) => n + c.previews, 0);
  const runsAnswered = cold.baseCalls.length;
  return [
    info(`ui-open-${name}`, 'swanview serve: start to listening', name, openMs / 1000, 's',
      dropped === null ? 'page cache not dropped (no python3)' : `${dropped} files dropped from the page cache first`),
    first,
    info(`ui-first-exact-${name}`, '  → first chart exact (cold)', name, cold.firstExactMs, 'ms'),
    info(`ui-screen-exact-${name}`, '  → first screen exact (cold)', name, cold.screenExactMs, 'ms',
      `${cold.screenCharts} charts in the 1440×900 viewport; ${previews} run series answered as previews in ${runsAnswered} calls`),
    info(`ui-first-warm-${name}`, 'page load to first chart painted (warm)', name, median(warmFirst), 'ms',
      `series already read by the server: median of ${warmFirst.length} loads: ${warmFirst.map(ms).join(', ')} ms`),
    info(`ui-bytes-${name}`, 'series.get bytes per chart', name, meanBytes(pages), 'B', `mean of ${baseCalls(pages).length} calls of the first screens (previews and exact answers)`),
    info(`ui-frame-median-${name}`, 'frame time while zooming, median', name, median(frames), 'ms', `${frames.length} frames over ${LOADS} × (3 drag-zooms and 6 Ctrl+wheel steps)`),
    info(`ui-frame-p95-${name}`, '  p95', name, percentile(frames, 95), 'ms'),
  ];
}

export async function runUiSuite(o: UiSuiteOptions): Promise<UiSuiteResult> {
  const figures: Figure[] = [];
  const raw: UiSuiteResult['raw'] = {};
  const browser = await launchChromium();
  try {
    for (const s of o.skipBig ? [SHORT, LONG] : [SHORT, LONG, BIG]) {
      const ds = await runProbe<Dataset>('dataset', s, { maxOldSpaceMb: 8192 });
      o.log(`ui ${s.name}: dropping its files from the page cache …`);
      const dropped = dropFromPageCache(ds.root);
      o.log(`ui ${s.name}: swanview serve …`);
      const server = await serve(ds.root);
      try {
        o.log(`ui ${s.name}: listening after ${(server.openMs / 1000).toFixed(1)} s; pages …`);
        const pages: PageResult[] = [];
        for (let i = 0; i < LOADS; i++) {
          const p = await measurePage(browser, server.url);
          o.log(`  load ${i + 1}: first chart ${ms(p.firstChartMs)} ms${p.firstChartPreview ? ' (preview)' : ''}, exact ${ms(p.firstExactMs)} ms, first screen exact ${ms(p.screenExactMs)} ms`);
          pages.push(p);
        }
        raw[s.name] = { openMs: server.openMs, droppedFiles: dropped, pages };
        figures.push(...datasetFigures(s.name, server.openMs, pages, dropped));
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }
  const ratio = meanBytes(raw[LONG.name].pages) / meanBytes(raw[SHORT.name].pages);
  const f = atMost('ui-bytes-ratio', 'bytes per chart, 100k-point / 10k-point key', `${LONG.name} / ${SHORT.name}`, ratio, '×', TARGETS.chartBytesGrowth);
  f.note = 'a chart is downsampled to its width: its bytes must not grow with the series length';
  figures.push(f);
  return { figures, raw };
}
