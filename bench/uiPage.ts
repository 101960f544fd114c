/**
 * What the UI benchmark measures in the page (Debian's Chromium through Playwright), on a served
 * folder: when the first chart is painted (a preview or the exact series), when every chart of the
 * first screen is, when the first chart shows the exact series, when every chart of the first
 * screen does; bytes of `series.get` per chart;
 * frame times while zooming.
 */
import { chromium, type Browser, type Page, type Response } from '@playwright/test';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The few page globals used below (bench/ compiles without the DOM library). */
interface PanelElement {
  dataset: Record<string, string | undefined>;
  querySelector(selector: string): CanvasElement | null;
  getBoundingClientRect(): { top: number; bottom: number };
}
interface CanvasElement {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}
interface Marks {
  /** ms since navigation start; 0 = not yet. */
  firstPaint: number;
  firstPaintPreview: boolean;
  firstExact: number;
  screenExact: number;
  screenCharts: number;
  /** When each chart (by metric key) was first painted while in view. */
  paintedAt: Record<string, number>;
  /** The metric keys of the charts in view when the first screen became exact. */
  screenKeys: string[];
}
interface PageGlobals {
  document: { querySelectorAll(selector: string): ArrayLike<PanelElement> };
  innerHeight: number;
  performance: { now(): number };
  requestAnimationFrame(callback: (t: number) => void): void;
  benchFrames?: { on: boolean; deltas: number[] };
  benchMarks?: Marks;
}

/**
 * Installed before the page's own scripts (an init script), polled every animation frame:
 * firstPaint = the first chart's canvas has a painted pixel (its data arrived: a preview or the
 * exact series, `data-preview` tells); firstExact = that chart shows the exact series;
 * screenExact = every chart within the viewport does. paintedAt keeps when each chart in view was
 * first painted: the first screen was painted when the last of screenKeys was (known only at the
 * end, as charts are laid out while their sections arrive).
 */
function installMarks(): void {
  const g = globalThis as unknown as PageGlobals;
  const marks: Marks = (g.benchMarks = {
    firstPaint: 0, firstPaintPreview: false, firstExact: 0, screenExact: 0, screenCharts: 0, paintedAt: {}, screenKeys: [],
  });
  const painted = (c: CanvasElement | null): boolean => {
    if (!c || c.width === 0 || c.height === 0) return false;
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return true;
    return false;
  };
  const exact = (p: PanelElement) => p.dataset.seriesCount !== undefined && p.dataset.preview === undefined;
  const poll = () => {
    const panels = Array.from(g.document.querySelectorAll('[data-testid="chart-panel"]'));
    const first = panels[0];
    const now = g.performance.now();
    const inView = panels.filter((p) => {
      const r = p.getBoundingClientRect();
      return r.bottom > 0 && r.top < g.innerHeight;
    });
    // a chart is drawn only once its data are in (data-series-count): reading back the canvases
    // of charts still waiting would only load the page being measured
    const hasData = (p: PanelElement) => p.dataset.seriesCount !== undefined;
    for (const p of inView) {
      const key = p.dataset.metricKey ?? '';
      if (!(key in marks.paintedAt) && hasData(p) && painted(p.querySelector('canvas'))) marks.paintedAt[key] = now;
    }
    if (first) {
      const firstKey = first.dataset.metricKey ?? '';
      if (!marks.firstPaint && firstKey in marks.paintedAt) {
        marks.firstPaint = marks.paintedAt[firstKey];
        marks.firstPaintPreview = first.dataset.preview !== undefined;
      }
      if (marks.firstPaint && !marks.firstExact && exact(first)) marks.firstExact = now;
      if (marks.firstExact && !marks.screenExact) {
        if (inView.every((p) => exact(p) && p.querySelector('canvas') !== null)) {
          marks.screenExact = now;
          marks.screenCharts = inView.length;
          marks.screenKeys = inView.map((p) => p.dataset.metricKey ?? '');
        }
      }
    }
    if (!marks.screenExact) g.requestAnimationFrame(poll);
  };
  g.requestAnimationFrame(poll);
}

/** Records the time between animation frames until stopFrames (run in the page). */
export function startFrames(): void {
  const g = globalThis as unknown as PageGlobals;
  const f = (g.benchFrames = { on: true, deltas: [] as number[] });
  let last = g.performance.now();
  const tick = (t: number) => {
    f.deltas.push(t - last);
    last = t;
    if (f.on) g.requestAnimationFrame(tick);
  };
  g.requestAnimationFrame(tick);
}

export function stopFrames(): number[] {
  const f = (globalThis as unknown as PageGlobals).benchFrames!;
  f.on = false;
  return f.deltas.slice(1);
}

export interface SeriesCall {
  bytes: number;
  /** A zoomed window (the request had a range). */
  zoomed: boolean;
  /** Runs answered with a preview. */
  previews: number;
}

export interface PageResult {
  /** First chart painted (ms since navigation start), whatever it shows. */
  firstChartMs: number;
  /** It was a preview. */
  firstChartPreview: boolean;
  /** Every chart of the first screen painted, whatever it shows (previews or exact series). */
  screenPaintMs: number;
  /** First chart showing the exact series. */
  firstExactMs: number;
  /** Every chart of the first screen showing the exact series, and how many there are. */
  screenExactMs: number;
  screenCharts: number;
  /** `series.get` calls of the first screen (whole series, no zoom). */
  baseCalls: SeriesCall[];
  zoomCalls: SeriesCall[];
  frameMs: number[];
}

/** Every `series.get` response's body size, until the returned function is called. */
function recordSeriesCalls(page: Page): () => Promise<SeriesCall[]> {
  const pending: Promise<SeriesCall>[] = [];
  const onResponse = (r: Response) => {
    if (!r.url().endsWith('/rpc/series.get')) return;
    const zoomed = (JSON.parse(r.request().postData() ?? '{}') as { range?: unknown }).range != null;
    pending.push(r.body().then((b) => ({ bytes: b.length, zoomed, previews: (b.toString().match(/"preview":true/g) ?? []).length })));
  };
  page.on('response', onResponse);
  return () => {
    page.off('response', onResponse);
    return Promise.all(pending);
  };
}

/** Drag-zooms and Ctrl+wheel zooms on the first chart, each followed by its re-downsampled window. */
async function zoomAround(page: Page): Promise<void> {
  const panel = page.locator('[data-testid="chart-panel"]').first();
  const box = (await panel.locator('canvas').first().boundingBox())!;
  const at = (fx: number) => [box.x + box.width * fx, box.y + box.height * 0.5] as const;
  const windowArrives = () => page.waitForResponse((r) => r.url().endsWith('/rpc/series.get'), { timeout: 30_000 });
  for (const [from, to] of [[0.2, 0.7], [0.3, 0.6], [0.1, 0.4]]) {
    await page.mouse.move(...at(from));
    await page.mouse.down();
    const arrived = windowArrives();
    await page.mouse.move(...at(to), { steps: 8 });
    await page.mouse.up();
    await arrived;
    await page.waitForTimeout(200);
    await page.mouse.dblclick(...at(0.5));
    await page.waitForTimeout(200);
  }
  await page.mouse.move(...at(0.5));
  await page.keyboard.down('Control');
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, i < 3 ? -240 : 240);
    await page.waitForTimeout(120);
  }
  await page.keyboard.up('Control');
  await page.waitForTimeout(400);
}

export interface MeasureOptions {
  /** Zoom around after every asked-for chart is exact (else stop once the first screen is exact: no frames). */
  zoom: boolean;
  /** How long the charts may take to show exact series (a cold 50-run folder: about a minute). */
  exactTimeoutMs?: number;
}

export async function measurePage(browser: Browser, url: string, { zoom, exactTimeoutMs = 600_000 }: MeasureOptions): Promise<PageResult> {
  // a fresh context: nothing cached from an earlier load
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(installMarks);
  const page = await context.newPage();
  try {
    const stopRecording = recordSeriesCalls(page);
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).benchMarks!.firstPaint > 0, undefined, { polling: 100, timeout: 120_000 });
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).benchMarks!.screenExact > 0, undefined, { polling: 250, timeout: exactTimeoutMs });
    const marks = await page.evaluate(() => (globalThis as unknown as PageGlobals).benchMarks!);
    const result = {
      firstChartMs: marks.firstPaint,
      firstChartPreview: marks.firstPaintPreview,
      // Infinity when a chart of the first screen never had a painted pixel (an empty chart)
      screenPaintMs: Math.max(...marks.screenKeys.map((k) => marks.paintedAt[k] ?? Infinity)),
      firstExactMs: marks.firstExact,
      screenExactMs: marks.screenExact,
      screenCharts: marks.screenCharts,
    };
    if (!zoom) {
      const calls = await stopRecording();
      return { ...result, baseCalls: calls.filter((c) => !c.zoomed), zoomCalls: [], frameMs: [] };
    }
    // the charts just below the first screen were asked for too: once they are exact the server
    // reads nothing for this page any more (zoom frames and the next, warm load are measured then)
    await page.waitForFunction(() => Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('[data-testid="chart-panel"]'))
      .every((p) => p.dataset.seriesCount === undefined || p.dataset.preview === undefined), undefined, { polling: 250, timeout: exactTimeoutMs });
    await page.waitForTimeout(500);
    await page.evaluate(startFrames);
    await zoomAround(page);
    const frameMs = await page.evaluate(stopFrames);
    const calls = await stopRecording();
    return {
      ...result,
      baseCalls: calls.filter((c) => !c.zoomed),
      zoomCalls: calls.filter((c) => c.zoomed),
      frameMs,
    };
  } finally {
    await context.close();
  }
}
