/**
 * The UI part of `npm run bench` (issue "The desktop viewer", Speed): `swanview serve` on a
 * generated folder, opened in Chromium. Per dataset: the server's open time, the time to the
 * first painted chart, bytes per chart, frame times while zooming; then whether the bytes per
 * chart grow with the series length (10k against 100k points per key, same runs and width).
 */
import { runProbe } from './child';
import type { Dataset, DatasetSpec } from './datasets';
import { median, percentile } from './stats';
import { atMost, info, type Figure } from './targets';
import { launchChromium, measurePage, type PageResult } from './uiPage';
import { serve } from './uiServe';

export interface UiSuiteOptions {
  /** Leave out the 50-run dataset (its server takes minutes to open). */
  skipBig: boolean;
  log: (msg: string) => void;
}

export interface UiSuiteResult {
  figures: Figure[];
  raw: Record<string, { openMs: number; pages: PageResult[] }>;
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

/** Page loads per dataset, each in a fresh browser context. */
const LOADS = 3;

const baseCalls = (pages: PageResult[]) => pages.flatMap((p) => p.baseCalls);
const meanBytes = (pages: PageResult[]) => baseCalls(pages).reduce((n, c) => n + c.bytes, 0) / baseCalls(pages).length;

function datasetFigures(name: string, openMs: number, pages: PageResult[]): Figure[] {
  const first = pages.map((p) => p.firstChartMs);
  const frames = pages.flatMap((p) => p.frameMs);
  const f = atMost(`ui-first-chart-${name}`, 'page load to first chart painted', name, median(first), 'ms', TARGETS.firstChartMs);
  f.note = `median of ${LOADS} loads: ${first.map((ms) => ms.toFixed(0)).join(', ')} ms`;
  return [
    info(`ui-open-${name}`, 'swanview serve: start to listening', name, openMs / 1000, 's'),
    f,
    info(`ui-bytes-${name}`, 'series.get bytes per chart', name, meanBytes(pages), 'B', `mean of ${baseCalls(pages).length} calls of the first screen`),
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
      o.log(`ui ${s.name}: swanview serve …`);
      const server = await serve(ds.root);
      try {
        o.log(`ui ${s.name}: listening after ${(server.openMs / 1000).toFixed(1)} s; page …`);
        const pages: PageResult[] = [];
        for (let i = 0; i < LOADS; i++) pages.push(await measurePage(browser, server.url));
        raw[s.name] = { openMs: server.openMs, pages };
        figures.push(...datasetFigures(s.name, server.openMs, pages));
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
