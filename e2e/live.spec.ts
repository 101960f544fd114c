import * as path from 'node:path';
import { SwanlogRunWriter } from '../electron/swanlog/writer/runWriter';
import { chart, loaded, runRow, snap } from './support/page';
import { expect, test } from './support/serve';

const loss = (s: number) => 2 * Math.exp(-s / 150) + 0.05 * Math.sin(s / 3);

function logSteps(w: SwanlogRunWriter, from: number, to: number, extra: (s: number) => Record<string, number> = () => ({})): void {
  for (let s = from; s < to; s++) w.log({ 'train/loss': loss(s), ...extra(s) }, { step: s });
  w.flush();
}

test('a run growing while the page is open: points, a new key and a new run appear, zoom is kept', async ({ page, serve, tempDir }) => {
  const root = path.join(tempDir(), 'swanlog');
  const writer = await SwanlogRunWriter.create(root, { project: 'live', name: 'growing', id: 'grow0001' });
  logSteps(writer, 0, 200);
  const { url } = await serve(root);
  await page.goto(url);

  const lossChart = await loaded(chart(page, 'train/loss'));
  await expect(lossChart).toHaveAttribute('data-point-total', '200');
  await expect(runRow(page, 'growing').getByTestId('run-status')).toHaveAttribute('data-status', 'running');

  // zoom into the first part, then let the run grow: the zoom must survive the refetch
  const box = (await lossChart.locator('canvas').first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(lossChart).toHaveAttribute('data-zoomed', 'true');

  logSteps(writer, 200, 500, (s): Record<string, number> => (s % 10 === 0 ? { 'train/acc': 1 - loss(s) / 2 } : {}));
  await expect(lossChart).toHaveAttribute('data-point-total', '500', { timeout: 15_000 });
  await expect(lossChart).toHaveAttribute('data-zoomed', 'true');
  const acc = chart(page, 'train/acc');
  await expect(acc).toHaveCount(1, { timeout: 15_000 });
  await expect(await loaded(acc)).toHaveAttribute('data-point-total', '30');
  await expect(page.getByTestId('live-indicator')).toBeVisible();

  const second = await SwanlogRunWriter.create(root, { project: 'live', name: 'second', id: 'grow0002' });
  logSteps(second, 0, 50);
  await expect(runRow(page, 'second')).toHaveCount(1, { timeout: 15_000 });
  await expect(lossChart).toHaveAttribute('data-series-count', '2', { timeout: 15_000 });

  writer.finish('finished');
  second.finish('crashed', { error: 'RuntimeError: simulated' });
  await expect(runRow(page, 'growing').getByTestId('run-status')).toHaveAttribute('data-status', 'finished', { timeout: 15_000 });
  await expect(runRow(page, 'second').getByTestId('run-status')).toHaveAttribute('data-status', 'crashed', { timeout: 15_000 });
  await snap(page, 'live');
});
