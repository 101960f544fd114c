import { expected, FIXTURE_SETS } from './support/expected';
import { attrs, chart, loaded, runRow, snap } from './support/page';
import { copyFixture, expect, test } from './support/serve';

const STATUS_OF_RUN: Record<string, string> = {
  'baseline-lr0.1': 'finished',
  'lr0.3-crash': 'crashed',
  'lr0.05-killed': 'killed',
};

for (const set of FIXTURE_SETS) {
  test(`${set}: runs with their status, sections, one chart per line key, every run overlaid`, async ({ page, serve, tempDir }) => {
    const want = expected(set);
    const { url } = await serve(copyFixture(set, tempDir()));
    await page.goto(url);

    await expect(page.getByTestId('run-row')).toHaveCount(want.runs.length);
    expect((await attrs(page.getByTestId('run-row'), 'data-run-name')).sort()).toEqual([...want.runs].sort());
    for (const [name, status] of Object.entries(STATUS_OF_RUN)) {
      await expect(runRow(page, name).getByTestId('run-status'), name).toHaveAttribute('data-status', status);
    }
    await expect(page.getByTestId('chart-panel')).toHaveCount(want.lineKeys.size);
    expect((await attrs(page.getByTestId('chart-panel'), 'data-metric-key')).sort()).toEqual([...want.lineKeys.keys()].sort());
    expect((await attrs(page.getByTestId('section'), 'data-section')).sort()).toEqual([...want.sections].sort());
    await snap(page, `open-${set}`);

    for (const [key, runs] of want.lineKeys) {
      await expect(await loaded(chart(page, key)), key).toHaveAttribute('data-series-count', String(runs));
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
