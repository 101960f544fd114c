import { expected, FIXTURE_SETS } from './support/expected';
import { attrs, chart, loaded, runRow, snap } from './support/page';
import { uiState } from './support/rpc';
import { copyFixture, expect, test } from './support/serve';

const STATUS_OF_RUN: Record<string, string> = {
  'baseline-lr0.1': 'finished',
  'lr0.3-crash': 'crashed',
  'lr0.05-killed': 'killed',
};

for (const set of FIXTURE_SETS) {
  test(`${set}: runs with their status, sections, one chart per line key or system chart group, every run overlaid`, async ({ page, serve, tempDir }) => {
    const want = expected(set);
    const { url } = await serve(copyFixture(set, tempDir()));
    await page.goto(url);

    await expect(page.getByTestId('run-row')).toHaveCount(want.runs.length);
    expect((await attrs(page.getByTestId('run-row'), 'data-run-name')).sort()).toEqual([...want.runs].sort());
    for (const [name, status] of Object.entries(STATUS_OF_RUN)) {
      await expect(runRow(page, name).getByTestId('run-status'), name).toHaveAttribute('data-status', status);
    }
    await expect(page.getByTestId('chart-panel')).toHaveCount(want.charts.size);
    expect((await attrs(page.getByTestId('chart-panel'), 'data-metric-key')).sort()).toEqual([...want.charts.keys()].sort());
    expect((await attrs(page.getByTestId('section'), 'data-section')).sort()).toEqual([...want.sections].sort());
    await snap(page, `open-${set}`);

    for (const [id, { keys, lines }] of want.charts) {
      const panel = await loaded(chart(page, id));
      await expect(panel, id).toHaveAttribute('data-series-count', String(lines));
      if (keys.length > 1) await expect(panel, id).toHaveAttribute('data-metric-keys', keys.join(' '));
      else await expect(panel, id).not.toHaveAttribute('data-metric-keys');
    }
  });
}

test('crashed and killed runs show their badge, killed with the evidence on hover', async ({ page, serve, tempDir }) => {
  const { url } = await serve(copyFixture('swanlog-0.9.7', tempDir()));
  const ws = await (await page.request.post(`${url}/rpc/workspace.get`, { data: {} })).json() as {
    runs: { info: { name: string; statusEvidence: string[] } }[];
  };
  await page.goto(url);
  for (const [name, status] of Object.entries(STATUS_OF_RUN)) {
    await expect(runRow(page, name).getByTestId('run-status')).toHaveAttribute('data-status', status);
  }
  const evidence = ws.runs.find((r) => r.info.name === 'lr0.05-killed')!.info.statusEvidence;
  expect(evidence.length).toBeGreaterThan(0);
  const badge = runRow(page, 'lr0.05-killed').getByTestId('run-status');
  for (const line of evidence) expect(await badge.getAttribute('title')).toContain(line);
});

test('0.7.20: system keys sharing a chart name are one panel: a series.get per key, a line per key per run, pinned as one', async ({ page, serve, tempDir }) => {
  const want = expected('swanlog-0.7.20');
  const [id, group] = [...want.charts].find(([, c]) => c.keys.length > 1)!;
  const { url } = await serve(copyFixture('swanlog-0.7.20', tempDir()));
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/rpc/series.get')) asked.push((JSON.parse(r.postData() ?? '{}') as { key: string }).key);
  });
  await page.goto(url);
  const panel = await loaded(chart(page, id));
  await expect(panel).toHaveAttribute('data-series-count', String(group.lines));
  for (const key of group.keys) expect(asked).toContain(key);
  expect(asked).not.toContain(id);
  expect(await attrs(panel.getByTestId('chart-legend-item'), 'data-key')).toEqual(group.keys);
  await expect(panel.locator('.chart-title')).toHaveText(id);

  // the tooltip names run and key on every line
  const box = (await panel.locator('canvas').first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const names = panel.locator('.tt-row .tt-name');
  await expect(names).toHaveCount(group.lines);
  const legend = await panel.getByTestId('chart-legend-item').allTextContents();
  for (const run of want.runs) for (const label of legend) await expect(names.filter({ hasText: `${run} · ${label}` })).toHaveCount(1);
  await snap(page, 'system-chart-group');

  // zoom help is on the chart (Ctrl+wheel is otherwise hard to discover)
  await expect(panel.getByTestId('chart-help')).toHaveAttribute('title', /Ctrl/);

  await panel.getByTestId('chart-pin').click();
  await expect(page.locator(`[data-section=pinned] [data-testid=chart-panel][data-metric-key="${id}"]`)).toHaveCount(1);
  await expect(page.locator(`[data-section=system] [data-testid=chart-panel][data-metric-key="${id}"]`)).toHaveCount(0);
  await expect.poll(async () => (await uiState(page.request, url)).pinned).toEqual([id]);
});
