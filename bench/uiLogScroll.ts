/**
 * Scrolling a run's log tail of 100k console lines in the page (issue 3: "virtualized so 100k
 * lines scroll smoothly"): frame times while the view jumps across the whole list (a scrollbar
 * drag) and while it is wheeled line by line. The e2e test (e2e/logTail.spec.ts) checks that each
 * frame shows the right rows; this measures how long the frames take.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { SwanlogRunWriter } from '../electron/swanlog/writer/runWriter';
import { WORK_DIR } from './paths';
import { median, percentile } from './stats';
import { atMost, info, type Figure } from './targets';
import { startFrames, stopFrames } from './uiPage';
import { serve } from './uiServe';

/** bench/ compiles without the DOM library. */
interface PageFrames {
  requestAnimationFrame(callback: (t: number) => void): void;
}

const LINES = 100_000;
const JUMPS = 200;
const WHEEL_STEPS = 120;
/** Two frames at 60 Hz: a jump may cost one extra frame, never a visible stall. */
const P95_TARGET_MS = 33.4;

async function writeChattyRun(root: string): Promise<void> {
  fs.rmSync(root, { recursive: true, force: true });
  const w = await SwanlogRunWriter.create(root, { name: 'chatty', banner: false });
  for (let chunk = 0; chunk < LINES; chunk += 5000) {
    w.print(Array.from({ length: 5000 }, (_, i) => `step ${chunk + i} loss=${((chunk + i) % 977) / 100} lr=3e-4 grad_norm=${((chunk + i) % 131) / 10}`).join('\n'));
  }
  w.log({ 'train/loss': 1 });
  w.finish('finished');
}

export async function measureLogScroll(browser: Browser, log: (msg: string) => void): Promise<Figure[]> {
  const root = path.join(WORK_DIR, 'log-100k', 'swanlog');
  await writeChattyRun(root);
  const server = await serve(root);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('[data-testid=run-row][data-run-name="chatty"] .run-open').click();
    const panel = page.getByTestId('run-details');
    await panel.getByTestId('details-tab-logs').click();
    const view = panel.getByTestId('log-view');
    await panel.locator('[data-testid=log-line]').first().waitFor();
    await page.waitForTimeout(500);
    const jumps = await view.evaluate(async (el, n) => {
      const deltas: number[] = [];
      let last = performance.now();
      for (let i = 0; i < n; i++) {
        el.scrollTop = ((i * 7919) % n) * (el.scrollHeight / n);
        await new Promise((resolve) => (globalThis as unknown as PageFrames).requestAnimationFrame(resolve));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    }, JUMPS);
    const box = (await view.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await view.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await page.waitForTimeout(200);
    await page.evaluate(startFrames);
    for (let i = 0; i < WHEEL_STEPS; i++) await page.mouse.wheel(0, i % 40 < 20 ? 120 : -120);
    const wheel = await page.evaluate(stopFrames);
    const frames = [...jumps, ...wheel];
    log(`ui log scroll: ${jumps.length} jump frames (median ${median(jumps).toFixed(1)} ms), ${wheel.length} wheel frames (median ${median(wheel).toFixed(1)} ms)`);
    const name = 'log-100k';
    const p95 = atMost('ui-log-scroll-p95', 'log tail scroll frame time, p95', name, percentile(frames, 95), 'ms', P95_TARGET_MS);
    p95.note = `${LINES.toLocaleString('en')} console lines in the run details' log tab: ${JUMPS} jumps across the whole list (one per frame) and ${WHEEL_STEPS} wheel steps; 16.7 ms is one frame at 60 Hz`;
    return [
      info('ui-log-scroll-median', 'log tail scroll frame time, median', name, median(frames), 'ms'),
      p95,
    ];
  } finally {
    await context.close();
    await server.stop();
  }
}
