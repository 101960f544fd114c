import { snap } from './support/page';
import { copyFixture, expect, test } from './support/serve';

// `swanview serve` always has a folder; the desktop app without one answers like this.
const NOTHING_OPEN = { target: null, folderKey: null, runs: [], issues: [], canOpenFolders: true };

test('with no folder open, the page explains how to open one and lists recent folders', async ({ page, serve, tempDir }) => {
  const { url } = await serve(copyFixture('swanlog-0.9.7', tempDir()));
  await page.route('**/rpc/workspace.get', (route) => route.fulfill({ json: NOTHING_OPEN }));
  await page.route('**/rpc/workspace.recent', (route) => route.fulfill({ json: ['/data/runs/swanlog'] }));
  await page.goto(url);
  const empty = page.getByTestId('empty-state');
  await expect(empty).toBeVisible();
  await expect(empty).toContainText('File ▸ Open');
  await expect(empty).toContainText('Drag a folder');
  await expect(empty).toContainText('swanview serve PATH');
  await expect(empty.getByRole('button', { name: '/data/runs/swanlog' })).toBeVisible();
  await expect(page.getByTestId('chart-panel')).toHaveCount(0);
  await snap(page, 'empty-state');
});

test('a folder that cannot be read shows the reason and a retry', async ({ page, serve, tempDir }) => {
  const { url } = await serve(copyFixture('swanlog-0.9.7', tempDir()));
  let calls = 0;
  await page.route('**/rpc/workspace.get', (route) => (++calls === 1 ? route.fulfill({ status: 500, json: { error: 'disk on fire' } }) : route.continue()));
  await page.goto(url);
  await expect(page.getByTestId('load-error')).toContainText('disk on fire');
  await page.getByTestId('load-error').getByRole('button').click();
  await expect(page.getByTestId('run-row')).toHaveCount(3);
});
