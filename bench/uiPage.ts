/**
 * What the UI benchmark measures in the page (Debian's Chromium through Playwright), on a served
 * folder: time to the first painted chart, bytes of `series.get` per chart, frame times while
 * zooming.
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
interface PageGlobals {
  document: { querySelector(selector: string): { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } } | null };
  performance: { now(): number };
  requestAnimationFrame(callback: (t: number) => void): void;
  benchFrames?: { on: boolean; deltas: number[] };
}

/** Truthy once the first chart's canvas has a painted pixel: the ms since navigation start. */
function firstChartPainted(): number | false {
  const g = globalThis as unknown as PageGlobals;
  const c = g.document.querySelector('[data-testid="chart-panel"] canvas');
  if (!c || c.width === 0 || c.height === 0) return false;
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return g.performance.now();
  return false;
}

function startFrames(): void {
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

function stopFrames(): number[] {
  const f = (globalThis as unknown as PageGlobals).benchFrames!;
  f.on = false;
  return f.deltas.slice(1);
}

export interface SeriesCall {
  bytes: number;
  /** A zoomed window (the request had a range). */
  zoomed: boolean;
}

export interface PageResult {
  firstChartMs: number;
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
    pending.push(r.body().then((b) => ({ bytes: b.length, zoomed })));
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

export async function measurePage(browser: Browser, url: string): Promise<PageResult> {
  // a fresh context: nothing cached from an earlier load
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    const stopRecording = recordSeriesCalls(page);
    await page.goto(url);
    const painted = await page.waitForFunction(firstChartPainted, undefined, { polling: 'raf', timeout: 120_000 });
    const firstChartMs = (await painted.jsonValue()) as number;
    // the other charts of the first screen load next to it
    await page.waitForTimeout(2000);
    await page.evaluate(startFrames);
    await zoomAround(page);
    const frameMs = await page.evaluate(stopFrames);
    const calls = await stopRecording();
    return { firstChartMs, baseCalls: calls.filter((c) => !c.zoomed), zoomCalls: calls.filter((c) => c.zoomed), frameMs };
  } finally {
    await context.close();
  }
}
