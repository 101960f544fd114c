import { attrs, chart, loaded, runRow, section, snap } from './support/page';
import { uiState } from './support/rpc';
import { copyFixture, expect, test } from './support/serve';

test('hiding runs removes them from every chart, and is remembered', async ({ page, serve, tempDir }) => {
  const { url } = await serve(copyFixture('swanlog-0.9.7', tempDir()));
  await page.goto(url);
  const loss = await loaded(chart(page, 'train/loss'));
  await expect(loss).toHaveAttribute('data-series-count', '3');

  await runRow(page, 'lr0.3-crash').getByTestId('run-visibility').click();
  await expect(runRow(page, 'lr0.3-crash')).toHaveAttribute('data-visible', 'false');
  await expect(loss).toHaveAttribute('data-series-count', '2');
  await expect(await loaded(chart(page, 'val/acc'))).toHaveAttribute('data-series-count', '2');

  await page.getByTestId('runs-show-none').click();
  await expect(loss).toHaveAttribute('data-series-count', '0');
  await expect(loss.locator('canvas')).toHaveCount(0);

  await page.getByTestId('runs-show-all').click();
  await expect(loss).toHaveAttribute('data-series-count', '3');

  await runRow(page, 'baseline-lr0.1').getByTestId('run-visibility').click();
  await expect.poll(async () => (await uiState(page.request, url)).hiddenRuns.length).toBe(1);
  await page.reload();
  await expect(runRow(page, 'baseline-lr0.1')).toHaveAttribute('data-visible', 'false');
  await expect(await loaded(chart(page, 'train/loss'))).toHaveAttribute('data-series-count', '2');
});

test('pinned, hidden and folded charts are remembered for the folder across reloads', async ({ page, serve, tempDir }) => {
  const { url } = await serve(copyFixture('swanlog-0.7.20', tempDir()));
  await page.goto(url);
  await expect(page.getByTestId('chart-panel')).not.toHaveCount(0);
  const total = await page.getByTestId('chart-panel').count();

  await chart(page, 'val/acc').getByTestId('chart-pin').click();
  await section(page, 'train').getByTestId('section-toggle').click();
  await chart(page, 'epoch').getByTestId('chart-hide').click();

  const check = async () => {
    const sections = await attrs(page.getByTestId('section'), 'data-section');
    expect(sections[0]).toBe('pinned');
    expect(sections.at(-1)).toBe('hidden');
    expect(sections).not.toContain('default'); // epoch was its only chart
    await expect(section(page, 'pinned').getByTestId('chart-panel')).toHaveCount(1);
    await expect(section(page, 'pinned').locator('[data-metric-key="val/acc"]')).toHaveCount(1);
    await expect(section(page, 'val').getByTestId('chart-panel')).toHaveCount(1);
    await expect(section(page, 'train')).toHaveAttribute('data-folded', 'true');
    await expect(section(page, 'train').getByTestId('chart-panel')).toHaveCount(0);
    await expect(section(page, 'hidden')).toHaveAttribute('data-folded', 'true');
  };
  await check();
  await expect.poll(() => uiState(page.request, url)).toEqual({ pinned: ['val/acc'], hidden: ['epoch'], folded: ['train'], hiddenRuns: [] });
  await loaded(chart(page, 'val/acc'));
  await snap(page, 'pinned-folded-hidden');

  await page.reload();
  await expect(page.getByTestId('section').first()).toBeVisible();
  await check();

  // the hidden section opens on demand; un-hiding puts the chart back in its namespace
  await section(page, 'hidden').getByTestId('section-toggle').click();
  await expect(section(page, 'hidden').getByTestId('chart-panel')).toHaveCount(1);
  await chart(page, 'epoch').getByTestId('chart-hide').click();
  await expect(section(page, 'default').getByTestId('chart-panel')).toHaveCount(1);
  await section(page, 'train').getByTestId('section-toggle').click();
  await expect(page.getByTestId('chart-panel')).toHaveCount(total);
});

test('after a reload the charts are asked for without the remembered hidden runs, even when the UI state answers late', async ({ page, serve, tempDir }) => {
  const { url } = await serve(copyFixture('swanlog-0.9.7', tempDir()));
  await page.goto(url);
  await loaded(chart(page, 'train/loss'));
  await runRow(page, 'baseline-lr0.1').getByTestId('run-visibility').click();
  const hidden = (await runRow(page, 'baseline-lr0.1').getAttribute('data-run-id'))!;
  await expect.poll(async () => (await uiState(page.request, url)).hiddenRuns).toEqual([hidden]);

  // the UI state answers 500 ms late: the charts wait for it rather than ask for every run first
  await page.route('**/rpc/state.get', async (route) => {
    await new Promise((r) => setTimeout(r, 500));
    await route.continue();
  });
  const asked: string[][] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/rpc/series.get')) asked.push((JSON.parse(r.postData() ?? '{}') as { runIds?: string[] }).runIds ?? []);
  });
  await page.reload();
  await expect(await loaded(chart(page, 'train/loss'))).toHaveAttribute('data-series-count', '2');
  expect(asked.length).toBeGreaterThan(0);
  expect(asked.filter((ids) => ids.includes(hidden))).toEqual([]);
});
