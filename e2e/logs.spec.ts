import * as fs from 'node:fs';
import * as path from 'node:path';
import { openRunDetails } from './support/details';
import { consoleFileLines, runFact } from './support/fixtureFacts';
import { copyFixture, expect, test } from './support/serve';

const countContaining = (lines: string[], term: string) => lines.filter((l) => l.toLowerCase().includes(term.toLowerCase())).length;

for (const set of ['swanlog-0.4.12', 'swanlog-0.5.9', 'swanlog-0.9.7']) {
  test(`${set}: log search counts the console lines containing the term`, async ({ page, serve, tempDir }) => {
    const s = await serve(copyFixture(set, tempDir()));
    const fact = runFact(set, 'baseline-lr0.1');
    const lines = consoleFileLines(path.join(s.dir, fact.id));
    expect(lines.length).toBe(fact.consoleLines);
    await page.goto(s.url);
    const panel = await openRunDetails(page, 'baseline-lr0.1');
    await panel.getByTestId('details-tab-logs').click();
    await expect(panel.getByTestId('log-line')).toHaveCount(fact.consoleLines);
    await expect(panel.getByTestId('log-error')).toHaveCount(0);

    for (const term of ['epoch 1 ', 'SWANLAB', 'val/acc=0.9', 'warning']) {
      const expected = countContaining(lines, term);
      await panel.getByTestId('log-search').fill(term);
      await expect(panel.getByTestId('log-match-count')).toHaveText(String(expected));
      await expect(panel.locator('[data-testid=log-line]:has(mark)')).toHaveCount(expected);
    }
    await page.screenshot({ path: `test-results/log-search-${set}.png` });
  });
}

test('next and previous walk the matches, wrapping around', async ({ page, serve, tempDir }) => {
  const s = await serve(copyFixture('swanlog-0.9.7', tempDir()));
  const fact = runFact('swanlog-0.9.7', 'baseline-lr0.1');
  const lines = consoleFileLines(path.join(s.dir, fact.id));
  const hits = lines.flatMap((l, i) => (l.includes('epoch 2 ') ? [i] : []));
  expect(hits.length).toBeGreaterThan(2);
  await page.goto(s.url);
  const panel = await openRunDetails(page, 'baseline-lr0.1');
  await panel.getByTestId('details-tab-logs').click();
  const search = panel.getByTestId('log-search');
  await search.fill('epoch 2 ');
  const current = panel.locator('[data-testid=log-line].is-current');
  // a new term lands on the newest match
  await expect(current).toHaveAttribute('data-index', String(hits.at(-1)));
  await search.press('Enter');
  await expect(current).toHaveAttribute('data-index', String(hits[0]));
  await search.press('Enter');
  await expect(current).toHaveAttribute('data-index', String(hits[1]));
  await search.press('Shift+Enter');
  await search.press('Shift+Enter');
  await expect(current).toHaveAttribute('data-index', String(hits.at(-1)));
  await expect(panel.getByTestId('log-follow')).not.toBeChecked();
});

for (const set of ['swanlog-0.4.12', 'swanlog-0.5.9', 'swanlog-0.9.7']) {
  test(`${set}: a crashed run opens on its logs with console/error.log first`, async ({ page, serve, tempDir }) => {
    const s = await serve(copyFixture(set, tempDir()));
    const fact = runFact(set, 'lr0.3-crash');
    expect(fact.hasErrorLog).toBe(true);
    const errorLog = fs.readFileSync(path.join(s.dir, fact.id, 'console', 'error.log'), 'utf8').trimEnd();
    await page.goto(s.url);
    const panel = await openRunDetails(page, 'lr0.3-crash');
    await expect(panel.getByTestId('details-tab-logs')).toHaveAttribute('aria-selected', 'true');
    const error = panel.getByTestId('log-error');
    await expect(error.locator('pre')).toHaveText(errorLog);
    await expect(error).toContainText('CUDA out of memory');
    const errorBox = (await error.boundingBox())!;
    const logBox = (await panel.getByTestId('log-view').boundingBox())!;
    expect(errorBox.y + errorBox.height).toBeLessThanOrEqual(logBox.y);
    await expect(panel.getByTestId('log-line')).toHaveCount(fact.consoleLines);
    await page.screenshot({ path: `test-results/log-crash-${set}.png` });
  });
}

test('0.9.7 offline: the record file traceback is shown first', async ({ page, serve, tempDir }) => {
  const s = await serve(copyFixture('swanlog-0.9.7-offline', tempDir()));
  await page.goto(s.url);
  const panel = await openRunDetails(page, 'lr0.3-crash');
  await expect(panel.getByTestId('details-tab-logs')).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByTestId('log-error')).toContainText('RuntimeError: CUDA out of memory');
});

test('0.7.20 offline: warning and error lines are highlighted', async ({ page, serve, tempDir }) => {
  const s = await serve(copyFixture('swanlog-0.7.20-offline', tempDir()));
  await page.goto(s.url);
  const panel = await openRunDetails(page, 'lr0.3-crash');
  const errors = panel.locator('[data-testid=log-line][data-level=error]');
  await expect(errors).toHaveCount(5);
  await expect(panel.locator('[data-testid=log-line][data-level=warn]')).toHaveCount(1);
  const plain = await panel.locator('[data-testid=log-line][data-level=info]').first().evaluate((e) => getComputedStyle(e).backgroundColor);
  for (const level of ['error', 'warn']) {
    const bg = await panel.locator(`[data-testid=log-line][data-level=${level}]`).first().evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(bg).not.toBe(plain);
  }
  await page.screenshot({ path: 'test-results/log-levels.png' });
});
