import * as path from 'node:path';
import { SwanlogRunWriter } from '../electron/swanlog/writer/runWriter';
import { openRunDetails } from './support/details';
import { expect, test } from './support/serve';

test('100k console lines: only the visible rows are in the page, and every scroll position shows its rows', async ({ page, serve, tempDir }) => {
  const root = path.join(tempDir(), 'swanlog');
  const w = await SwanlogRunWriter.create(root, { name: 'chatty', banner: false });
  const TOTAL = 100_000;
  for (let chunk = 0; chunk < TOTAL; chunk += 5000) {
    w.print(Array.from({ length: 5000 }, (_, i) => `line ${chunk + i} loss=${((chunk + i) % 977) / 100}`).join('\n'));
  }
  w.log({ 'train/loss': 1 });
  w.finish('finished');
  const s = await serve(root);
  await page.goto(s.url);
  const panel = await openRunDetails(page, 'chatty');
  await panel.getByTestId('details-tab-logs').click();
  await expect(panel.locator('.log-total')).toHaveText('100,000 lines');
  const lines = panel.getByTestId('log-line');
  // follow mode starts at the end
  await expect(lines.last()).toContainText(`line ${TOTAL - 1} `);
  expect(await lines.count()).toBeLessThan(150);

  // 200 jumps across the whole list, one per frame: each frame shows the rows at the new position
  // (how long the frames take is a benchmark figure: bench/uiLogScroll.ts)
  const misplaced = await panel.getByTestId('log-view').evaluate(async (el) => {
    const wrong: string[] = [];
    for (let i = 0; i < 200; i++) {
      el.scrollTop = ((i * 7919) % 200) * (el.scrollHeight / 200);
      await new Promise(requestAnimationFrame);
      const top = el.getBoundingClientRect().top + el.clientHeight / 2;
      const row = Array.from(el.querySelectorAll<HTMLElement>('[data-testid=log-line]')).find((r) => {
        const b = r.getBoundingClientRect();
        return b.top <= top && b.bottom > top;
      });
      const expected = Math.floor(((el.scrollTop + el.clientHeight / 2) / el.scrollHeight) * 100_000);
      const shown = Number(row?.dataset.index ?? -1);
      if (Math.abs(shown - expected) > 2) wrong.push(`jump ${i}: row ${shown} in the middle, expected ~${expected}`);
    }
    return wrong;
  });
  expect(misplaced).toEqual([]);
  expect(await lines.count()).toBeLessThan(150);
  await expect(panel.getByTestId('log-follow')).not.toBeChecked();

  await panel.getByTestId('log-view').evaluate((el) => (el.scrollTop = (el.scrollHeight * 50_000) / 100_000));
  await expect(panel.locator('[data-testid=log-line][data-index="50010"]')).toContainText('line 50010 ');

  // "line 4242" is in line 4242 and 42420..42429
  await panel.getByTestId('log-search').fill('line 4242');
  await expect(panel.getByTestId('log-match-count')).toHaveText('11');
  await expect(panel.locator('[data-testid=log-line].is-current')).toContainText('line 42429 ');
  await panel.getByTestId('log-search').press('Enter');
  await expect(panel.locator('[data-testid=log-line].is-current')).toContainText('line 4242 ');
  await page.screenshot({ path: 'test-results/log-100k.png' });
});

test('follow mode keeps the newest line in view while a live run prints, and stops when scrolled up', async ({ page, serve, tempDir }) => {
  const root = path.join(tempDir(), 'swanlog');
  const w = await SwanlogRunWriter.create(root, { name: 'live-run' });
  for (let i = 0; i < 100; i++) w.print(`warmup ${i}`);
  w.flush();
  const s = await serve(root);
  await page.goto(s.url);
  const panel = await openRunDetails(page, 'live-run');
  await panel.getByTestId('details-tab-logs').click();
  const view = panel.getByTestId('log-view');
  const atEnd = () => view.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 4);
  await expect(panel.getByTestId('log-line').last()).toContainText('warmup 99');
  await expect(panel.getByTestId('log-follow')).toBeChecked();

  for (let batch = 0; batch < 3; batch++) {
    w.print(Array.from({ length: 40 }, (_, i) => `tick ${batch * 40 + i}`).join('\n'));
    w.flush();
    await expect(panel.getByTestId('log-line').last()).toContainText(`tick ${batch * 40 + 39}`, { timeout: 15_000 });
    expect(await atEnd()).toBe(true);
  }
  await page.screenshot({ path: 'test-results/log-follow.png' });

  // scrolling up turns follow off: new output no longer moves the view
  await view.evaluate((el) => (el.scrollTop = 0));
  await expect(panel.getByTestId('log-follow')).not.toBeChecked();
  const total = async () => Number((await panel.locator('.log-total').textContent())!.replace(/\D/g, ''));
  const before = await total();
  w.print('after scroll-up');
  w.flush();
  await expect.poll(total, { timeout: 15_000 }).toBe(before + 1);
  await expect(panel.locator('[data-testid=log-line][data-index="0"]')).toBeVisible();
  expect(await view.evaluate((el) => el.scrollTop)).toBe(0);

  // turning follow back on jumps to the newest line
  await panel.getByTestId('log-follow').check();
  await expect(panel.getByTestId('log-line').last()).toContainText('after scroll-up');
  expect(await atEnd()).toBe(true);
  w.finish('finished');
});

test('a growing log transfers only the new lines: run.console asks from the lines it holds', async ({ page, serve, tempDir }) => {
  const root = path.join(tempDir(), 'swanlog');
  const w = await SwanlogRunWriter.create(root, { name: 'growing', banner: false });
  const WARMUP = 2000;
  w.print(Array.from({ length: WARMUP }, (_, i) => `warmup ${i} ${'x'.repeat(60)}`).join('\n'));
  w.flush();
  const s = await serve(root);

  interface Exchange { since?: number; anchor?: string; from: number; lines: number; total: number; bytes: number }
  const exchanges: Exchange[] = [];
  page.on('response', async (res) => {
    if (!res.url().endsWith('/rpc/run.console')) return;
    const req = res.request().postDataJSON() as { since?: number; anchor?: string };
    const body = await res.text();
    const data = JSON.parse(body) as { from: number; lines: unknown[]; total: number };
    exchanges.push({ since: req.since, anchor: req.anchor, from: data.from, lines: data.lines.length, total: data.total, bytes: body.length });
  });

  await page.goto(s.url);
  const panel = await openRunDetails(page, 'growing');
  await panel.getByTestId('details-tab-logs').click();
  await expect(panel.getByTestId('log-line').last()).toContainText(`warmup ${WARMUP - 1} `);
  await expect.poll(() => exchanges.length).toBeGreaterThan(0);
  // the first load asks for everything
  expect(exchanges[0]).toMatchObject({ since: undefined, from: 0, lines: WARMUP, total: WARMUP });
  const fullBytes = exchanges[0].bytes;

  let held = WARMUP;
  for (let batch = 0; batch < 3; batch++) {
    const seen = exchanges.length;
    w.print(Array.from({ length: 25 }, (_, i) => `tick ${batch * 25 + i}`).join('\n'));
    w.flush();
    await expect(panel.getByTestId('log-line').last()).toContainText(`tick ${batch * 25 + 24}`, { timeout: 15_000 });
    await expect(panel.locator('.log-total')).toHaveText(`${(held + 25).toLocaleString('en-US')} lines`);
    const grown = exchanges.slice(seen);
    expect(grown.length).toBeGreaterThan(0);
    for (const x of grown) {
      // each answer continues exactly what the page held, with only the appended lines
      expect(x.since).toBe(x.from);
      expect(x.from).toBeGreaterThanOrEqual(held);
      expect(x.lines).toBe(x.total - x.from);
      expect(x.bytes).toBeLessThan(fullBytes / 20);
    }
    expect(grown.at(-1)!.anchor).toBeDefined();
    expect(grown.reduce((n, x) => n + x.lines, 0)).toBe(25);
    held += 25;
  }
  // search and the match count cover old and appended lines alike
  await panel.getByTestId('log-search').fill('tick 1');
  await expect(panel.getByTestId('log-match-count')).toHaveText('11'); // tick 1, tick 10..19
  await panel.getByTestId('log-search').fill('warmup 199 ');
  await expect(panel.getByTestId('log-match-count')).toHaveText('1');
  w.finish('finished');
});
