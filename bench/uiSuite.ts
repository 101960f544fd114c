/**
 * The UI part of `npm run bench` (issue "The desktop viewer", Speed): `swanview serve` on a
 * generated folder, opened in Chromium. Per dataset, three cold starts (the folder's files
 * dropped from the page cache, a fresh server, one page load: nothing read by the server yet):
 * the server's open time, the time to the first painted chart (a preview when its series is not
 * read in time), to every chart of the first screen painted (the first section drawn), to the
 * first chart's exact series and to the exact series of every chart of the first screen;
 * then two warm loads on the last server (series read by then); bytes per chart; frame times
 * while zooming (last cold load and warm loads). Then whether the bytes per chart grow with the
 * series length (10k against 100k points per key, same runs and width). Then frame times while
 * scrolling a 100k-line log tail (bench/uiLogScroll.ts).
 */
import { spawnSync } from 'node:child_process';
import { runProbe } from './child';
import type { Dataset, DatasetSpec } from './datasets';
import { median, percentile } from './stats';
import { atMost, info, type Figure } from './targets';
import { measureLogScroll } from './uiLogScroll';
import { launchChromium, measurePage, type PageResult } from './uiPage';
import { serve } from './uiServe';

export interface UiSuiteOptions {
  /** Leave out the 50-run dataset. */
  skipBig: boolean;
  /** Only these datasets (by name), when given. */
  only?: string[];
  log: (msg: string) => void;
}

export interface UiSuiteResult {
  figures: Figure[];
  raw: Record<string, DatasetRun>;
}

const TARGETS = {
  /** "Time from opening to the first section drawn" (issue 3): the first chart, and every chart of the first screen. */
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

/** Cold starts per dataset (page cache dropped, fresh server, one page load each), then warm loads on the last server. */
const COLD_STARTS = 3;
const WARM_LOADS = 2;

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

/** Exact answers only (a preview is sampled, usually smaller). */
const baseCalls = (pages: PageResult[]) => pages.flatMap((p) => p.baseCalls).filter((c) => c.previews === 0);
const meanBytes = (pages: PageResult[]) => baseCalls(pages).reduce((n, c) => n + c.bytes, 0) / baseCalls(pages).length;
const ms = (v: number) => v.toFixed(0);
const list = (xs: number[], unit: string) => `${xs.map((x) => (unit === 's' ? (x / 1000).toFixed(2) : ms(x))).join(', ')} ${unit}`;

interface DatasetRun {
  /** Server start to listening, per cold start (ms). */
  openMs: number[];
  droppedFiles: number | null;
  /** One cold load per fresh server (page cache dropped first). */
  cold: PageResult[];
  /** Loads after the last cold one, on the same server. */
  warm: PageResult[];
}

function datasetFigures(name: string, r: DatasetRun): Figure[] {
  const { cold, warm } = r;
  const coldFirst = cold.map((p) => p.firstChartMs);
  const first = atMost(`ui-first-chart-${name}`, 'page load to first chart painted (cold)', name, median(coldFirst), 'ms', TARGETS.firstChartMs);
  const previews = cold.filter((p) => p.firstChartPreview).length;
  first.note = `median of ${cold.length} cold starts: ${list(coldFirst, 'ms')}; ${previews === cold.length ? 'each a preview (strided reads): the series were not read yet' : previews ? `${previews} of them a preview` : 'each the exact series (read within the server\'s wait)'}`;
  const coldScreen = cold.map((p) => p.screenPaintMs);
  const screen = atMost(`ui-screen-paint-${name}`, '  → first screen painted (cold)', name, median(coldScreen), 'ms', TARGETS.firstChartMs);
  screen.note = `every chart in the 1440×900 viewport (${cold[0].screenCharts}) painted, previews or exact series; cold starts: ${list(coldScreen, 'ms')}`;
  const warmFirst = warm.map((p) => p.firstChartMs);
  const zoomed = [cold[cold.length - 1], ...warm];
  const frames = zoomed.flatMap((p) => p.frameMs);
  const answered = cold.reduce((n, p) => n + p.baseCalls.reduce((m, c) => m + c.previews, 0), 0);
  return [
    info(`ui-open-${name}`, 'swanview serve: start to listening', name, median(r.openMs) / 1000, 's',
      `median of ${r.openMs.length} starts: ${list(r.openMs, 's')}${r.droppedFiles === null ? ' (page cache not dropped: no python3)' : `, ${r.droppedFiles} files dropped from the page cache before each`}`),
    first,
    screen,
    info(`ui-first-exact-${name}`, '  → first chart exact (cold)', name, median(cold.map((p) => p.firstExactMs)), 'ms', `cold starts: ${list(cold.map((p) => p.firstExactMs), 'ms')}`),
    info(`ui-screen-exact-${name}`, '  → first screen exact (cold)', name, median(cold.map((p) => p.screenExactMs)), 'ms',
      `${cold[0].screenCharts} charts in the 1440×900 viewport; cold starts: ${list(cold.map((p) => p.screenExactMs), 'ms')}; ${answered} run series answered as previews`),
    info(`ui-first-warm-${name}`, 'page load to first chart painted (warm)', name, median(warmFirst), 'ms',
      `series already read by the server: ${list(warmFirst, 'ms')}`),
    info(`ui-bytes-${name}`, 'series.get bytes per chart', name, meanBytes([...cold, ...warm]), 'B', `mean of ${baseCalls([...cold, ...warm]).length} exact answers (no preview in them) of the first screens`),
    info(`ui-frame-median-${name}`, 'frame time while zooming, median', name, median(frames), 'ms', `${frames.length} frames over ${zoomed.length} × (3 drag-zooms and 6 Ctrl+wheel steps)`),
    info(`ui-frame-p95-${name}`, '  p95', name, percentile(frames, 95), 'ms'),
  ];
}

export async function runUiSuite(o: UiSuiteOptions): Promise<UiSuiteResult> {
  const figures: Figure[] = [];
  const raw: UiSuiteResult['raw'] = {};
  const browser = await launchChromium();
  try {
    const sets = (o.skipBig ? [SHORT, LONG] : [SHORT, LONG, BIG]).filter((s) => !o.only || o.only.includes(s.name));
    for (const s of sets) {
      const ds = await runProbe<Dataset>('dataset', s, { maxOldSpaceMb: 8192 });
      const run: DatasetRun = { openMs: [], droppedFiles: null, cold: [], warm: [] };
      for (let i = 0; i < COLD_STARTS; i++) {
        const last = i === COLD_STARTS - 1;
        run.droppedFiles = dropFromPageCache(ds.root);
        const server = await serve(ds.root);
        try {
          run.openMs.push(server.openMs);
          const p = await measurePage(browser, server.url, { zoom: last });
          o.log(`ui ${s.name}: cold start ${i + 1}: listening after ${ms(server.openMs)} ms, first chart ${ms(p.firstChartMs)} ms${p.firstChartPreview ? ' (preview)' : ''}, first screen ${ms(p.screenPaintMs)} ms, exact ${ms(p.firstExactMs)} ms, first screen exact ${ms(p.screenExactMs)} ms`);
          run.cold.push(p);
          if (!last) continue;
          for (let j = 0; j < WARM_LOADS; j++) {
            const w = await measurePage(browser, server.url, { zoom: true });
            o.log(`ui ${s.name}: warm load ${j + 1}: first chart ${ms(w.firstChartMs)} ms`);
            run.warm.push(w);
          }
        } finally {
          await server.stop();
        }
      }
      raw[s.name] = run;
      figures.push(...datasetFigures(s.name, run));
    }
    figures.push(...(await measureLogScroll(browser, o.log)));
  } finally {
    await browser.close();
  }
  if (!raw[LONG.name] || !raw[SHORT.name]) return { figures, raw };
  const all = (name: string) => [...raw[name].cold, ...raw[name].warm];
  const ratio = meanBytes(all(LONG.name)) / meanBytes(all(SHORT.name));
  const f = atMost('ui-bytes-ratio', 'bytes per chart, 100k-point / 10k-point key', `${LONG.name} / ${SHORT.name}`, ratio, '×', TARGETS.chartBytesGrowth);
  f.note = 'a chart is downsampled to its width: its bytes must not grow with the series length';
  figures.push(f);
  return { figures, raw };
}
