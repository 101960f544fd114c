import type { Request } from '@playwright/test';
import { chart, loaded, runRow, snap } from './support/page';
import { copyFixture, expect, test } from './support/serve';

interface SeriesBody {
  key: string;
  width: number;
  range?: [number, number];
}

test('drag zooms into a step range, re-downsampled at the chart width; reset and double-click restore', async ({ page, serve, tempDir }) => {
  const { url } = await serve(copyFixture('swanlog-0.7.20', tempDir()));
  const requests: SeriesBody[] = [];
  page.on('request', (r: Request) => {
    if (r.url().endsWith('/rpc/series.get')) requests.push(JSON.parse(r.postData() ?? '{}') as SeriesBody);
  });
  await page.goto(url);
  const panel = await loaded(chart(page, 'train/loss'));
  await expect(panel).toHaveAttribute('data-series-count', '3');
  const canvas = panel.locator('canvas').first();
  const box = (await canvas.boundingBox())!;
  const bodyWidth = await panel.locator('.chart-body').evaluate((el) => Math.round(el.getBoundingClientRect().width));
  expect(requests.find((r) => r.key === 'train/loss')!.width).toBe(bodyWidth);

  // hovering lists every run's value at that step
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
  await expect(panel.locator('.tt-row')).toHaveCount(3);

  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  await expect(panel).toHaveAttribute('data-zoomed', 'true');
  await expect.poll(() => requests.filter((r) => r.key === 'train/loss' && r.range).length).toBeGreaterThan(0);
  const zoomed = requests.filter((r) => r.key === 'train/loss' && r.range).at(-1)!;
  expect(zoomed.width).toBe(bodyWidth);
  const [lo, hi] = zoomed.range!;
  expect(lo).toBeGreaterThan(0);
  expect(hi).toBeLessThan(2499);
  expect(hi - lo).toBeGreaterThan(100);
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
  await page.screenshot({ path: 'test-results/screens/zoomed-chart.png', clip: { x: box.x - 16, y: box.y - 40, width: box.width + 32, height: box.height + 50 } });

  await panel.getByTestId('chart-reset-zoom').click();
  await expect(panel).not.toHaveAttribute('data-zoomed', 'true');

  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  await expect(panel).toHaveAttribute('data-zoomed', 'true');
  await page.mouse.dblclick(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(panel).not.toHaveAttribute('data-zoomed', 'true');

  // a plain wheel scrolls the page; Ctrl+wheel (a trackpad pinch) zooms
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await expect(panel).toHaveAttribute('data-zoomed', 'true');
});

test('clicking a run opens its details, Escape closes them', async ({ page, serve, tempDir }) => {
  const { url } = await serve(copyFixture('swanlog-0.9.7', tempDir()));
  await page.goto(url);
  await runRow(page, 'lr0.3-crash').locator('.run-open').click();
  await expect(page.getByTestId('run-details')).toBeVisible();
  await expect(runRow(page, 'lr0.3-crash')).toHaveClass(/selected/);
  await page.waitForTimeout(500);
  await snap(page, 'run-details');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('run-details')).toHaveCount(0);
});

test('a run the reader could not read completely shows its problems at the run', async ({ page, serve, tempDir }) => {
  const { url } = await serve(copyFixture('swanlog-0.7.20', tempDir()));
  await page.goto(url);
  const killed = runRow(page, 'lr0.05-killed');
  await expect(killed.getByTestId('run-issues')).toBeVisible();
  expect(await killed.getByTestId('run-issues').getAttribute('title')).toContain('torn');
  await killed.getByTestId('run-issues').click();
  await expect(killed.getByTestId('issue-list')).toContainText('backup.swanlab');
  await expect(runRow(page, 'baseline-lr0.1').getByTestId('run-issues')).toHaveCount(0);
});
