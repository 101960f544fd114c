import { formatMetricValue } from '../renderer/src/details/summaryFormat';
import { openRunDetails } from './support/details';
import { runFact } from './support/fixtureFacts';
import { copyFixture, expect, test } from './support/serve';

const SETS = ['swanlog-0.4.12', 'swanlog-0.5.9', 'swanlog-0.7.20', 'swanlog-0.7.20-offline', 'swanlog-0.9.7', 'swanlog-0.9.7-offline'];

for (const set of SETS) {
  test(`${set}: summary table shows the manifest's last values and counts`, async ({ page, serve, tempDir }) => {
    const s = await serve(copyFixture(set, tempDir()));
    await page.goto(s.url);
    for (const name of ['baseline-lr0.1', 'lr0.05-killed']) {
      const fact = runFact(set, name);
      expect(fact.keys.length).toBeGreaterThan(0);
      const panel = await openRunDetails(page, name);
      await panel.getByTestId('details-tab-summary').click();
      for (const k of fact.keys) {
        const row = panel.locator(`[data-testid=summary-row][data-key="${k.key}"]`);
        await expect(row).toHaveAttribute('data-last', String(k.last));
        await expect(row.locator('[data-cell=last]')).toHaveText(formatMetricValue(k.last));
        await expect(row.locator('[data-cell=count]')).toHaveText(String(k.points));
      }
      if (set === 'swanlog-0.9.7' && name === 'baseline-lr0.1') {
        await page.screenshot({ path: 'test-results/details-summary.png' });
      }
      await panel.getByRole('button', { name: /close/i }).click();
      await expect(panel).toBeHidden();
    }
  });
}

test('summary sorts by a column and back', async ({ page, serve, tempDir }) => {
  const s = await serve(copyFixture('swanlog-0.9.7', tempDir()));
  await page.goto(s.url);
  const panel = await openRunDetails(page, 'baseline-lr0.1');
  await panel.getByTestId('details-tab-summary').click();
  const lasts = () => panel.getByTestId('summary-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-last'))));
  await panel.getByRole('columnheader', { name: /last/i }).getByRole('button').click();
  const asc = await lasts();
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
  await panel.getByRole('columnheader', { name: /last/i }).getByRole('button').click();
  const desc = await lasts();
  expect(desc).toEqual([...asc].sort((a, b) => b - a));
});

test('overview, config search, system and requirements of a finished run', async ({ page, serve, tempDir }) => {
  const s = await serve(copyFixture('swanlog-0.9.7', tempDir()));
  await page.goto(s.url);
  const panel = await openRunDetails(page, 'baseline-lr0.1');

  await expect(panel.getByTestId('details-tab-overview')).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByTestId('details-status')).toHaveText('finished');
  await expect(panel.locator('[data-field=description] td')).toHaveText('SGD baseline, cosine schedule');
  await expect(panel.locator('[data-field=sdkVersion] td')).toHaveText('0.9.7');
  await expect(panel.locator('[data-field=duration] td')).toHaveText('25s');
  await page.screenshot({ path: 'test-results/details-overview.png' });

  await panel.getByTestId('details-tab-config').click();
  await expect(panel.getByTestId('config-row')).toHaveCount(21);
  await panel.getByTestId('config-search').fill('name');
  // model.name and optimizer.name, each shown under its (auto-expanded) parent
  await expect(panel.getByTestId('config-match-count')).toHaveText('2');
  await expect(panel.getByTestId('config-row')).toHaveCount(4);
  await expect(panel.locator('[data-testid=config-row] mark')).toHaveCount(2);
  await panel.getByTestId('config-search').fill('');
  await panel.getByRole('button', { name: /collapse all/i }).click();
  await expect(panel.getByTestId('config-row')).toHaveCount(6);
  await panel.getByTestId('config-search').fill('FLIP');
  await expect(panel.getByTestId('config-match-count')).toHaveText('1');
  await expect(panel.getByTestId('config-row')).toHaveText([/data/, /augment/, /flip.*true/]);
  await page.screenshot({ path: 'test-results/details-config.png' });

  await panel.getByTestId('details-tab-system').click();
  await expect(panel.locator('[data-field=python] td')).toHaveText('3.11.7');
  await expect(panel.locator('[data-field=command] td')).toContainText('train.py baseline');
  await page.screenshot({ path: 'test-results/details-system.png' });

  await panel.getByTestId('details-tab-requirements').click();
  await expect(panel.getByTestId('requirements')).toContainText('swanlab==0.9.7');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});
