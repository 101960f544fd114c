import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  addAccount, cloudRunRow, project, SecretWatch, sidebarAccount, startFakeHosts, tableNames, workspace, type FakeHosts,
} from './support/accounts';
import { attrs, chart, loaded, runRow, snap } from './support/page';
import { copyFixture, expect, test as base } from './support/serve';

/** Two fake SwanLab hosts (cloud-style and private) for each test, stopped after it. */
const test = base.extend<{ hosts: FakeHosts }>({
  hosts: async ({}, use) => {
    const hosts = await startFakeHosts({ points: 3000 });
    await use(hosts);
    await hosts.close();
  },
});

/** A server on a fixture copy with its own user-data dir (keys, accounts.json) and no netrc to import. */
async function serveIsolated(serve: (f: string, o?: { env?: Record<string, string> }) => Promise<{ url: string; output(): string }>, tempDir: () => string) {
  const dataDir = tempDir();
  const swanlabRoot = tempDir();
  const s = await serve(copyFixture('swanlog-0.9.7', tempDir()), {
    env: { SWANVIEW_USER_DATA_DIR: dataDir, SWANLAB_ROOT: swanlabRoot, SWANLAB_API_KEY: '', SWANLAB_API_HOST: '', SWANLAB_WEB_HOST: '' },
  });
  return { ...s, dataDir, swanlabRoot };
}

test('two accounts side by side: browse, filter and sort runs, charts and details, switching keeps each view, offline banner', async ({ page, serve, tempDir, hosts }) => {
  test.setTimeout(120_000);
  const s = await serveIsolated(serve, tempDir);
  const secrets = Object.values(hosts.keys);
  const watch = new SecretWatch(page, s.url);
  await page.goto(s.url);

  // the local folder is shown, and the sidebar says where keys are kept
  await expect(page.getByTestId('sidebar-folder')).toHaveAttribute('data-active', 'true');
  await expect(runRow(page, 'baseline-lr0.1')).toBeVisible();
  await expect(page.getByTestId('key-storage')).toContainText(path.join(s.dataDir, 'swanlab-keys.json'));
  await expect(page.getByTestId('key-storage')).toContainText('0600');

  // a refused key: an error, and the key field is empty again
  await page.getByTestId('account-add-first').click();
  const form = page.getByTestId('account-form');
  await form.getByTestId('account-host').fill(hosts.cloud.origin);
  await form.getByTestId('account-key').fill('WrongKey0123456789abc');
  await form.getByTestId('account-submit').click();
  await expect(form.getByTestId('account-form-error')).toBeVisible();
  await expect(form.getByTestId('account-key')).toHaveValue('');

  // the cloud-style host
  const cloudId = await addAccount(page, hosts.cloud.origin, hosts.keys.alice, 'alice');
  const cloudItem = sidebarAccount(page, cloudId);
  await expect(cloudItem).toContainText('alice');
  await expect(cloudItem.getByTestId('account-kind')).toHaveText('cloud');
  await expect(cloudItem).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('account-added')).toContainText('alice');
  await expect(page.getByTestId('account-pane')).toHaveAttribute('data-account-id', cloudId);

  // workspace ▸ projects (paged, searched) ▸ runs
  await expect(workspace(page, 'vision-lab')).toBeVisible();
  await snap(page, 'accounts-workspaces');
  await workspace(page, 'alice').click();
  await expect(page.getByTestId('cloud-project')).toHaveCount(20);
  await expect(page.getByTestId('project-page')).toContainText('25');
  await page.getByTestId('project-page-next').click();
  await expect(page.getByTestId('cloud-project')).toHaveCount(5);
  await page.getByTestId('project-search').fill('proj-1');
  await expect(page.getByTestId('cloud-project')).toHaveCount(10);
  await page.getByTestId('project-search').fill('');
  await page.getByTestId('project-sort').selectOption('name');
  await expect(page.getByTestId('cloud-project').first()).toHaveAttribute('data-project', 'mnist');
  await expect(project(page, 'mnist').getByTestId('project-item-web-link')).toHaveAttribute('target', '_blank');
  await snap(page, 'accounts-projects');
  await project(page, 'mnist').locator('.project-open').click();

  await expect(page.getByTestId('cloud-run-row')).toHaveCount(4);
  await expect(page.getByTestId('project-web-link')).toHaveAttribute('href', /mnist/);
  await expect(page.getByTestId('project-web-link')).toHaveAttribute('rel', /noopener/);
  // config columns: the keys whose values differ between runs
  expect(await attrs(page.getByTestId('runs-sort'), 'data-column')).toEqual(
    expect.arrayContaining(['state', 'name', 'created', 'config:lr', 'config:optimizer']),
  );
  await expect(cloudRunRow(page, 'baseline').locator('td[data-key=lr]')).toHaveText('0.01');
  await expect(cloudRunRow(page, 'baseline').getByTestId('cloud-run-web-link')).toHaveAttribute('href', /baseline|r0baseline/);

  // filter by state, name, config value; sort by a config column
  await page.locator('[data-testid=runs-filter-state][data-state=crashed]').click();
  expect(await tableNames(page)).toEqual(['lr0.3-crash']);
  await page.locator('[data-testid=runs-filter-state][data-state=crashed]').click();
  await page.getByTestId('runs-filter-name').fill('base');
  await expect(page.getByTestId('cloud-run-row')).toHaveCount(1);
  await page.getByTestId('runs-filter-name').fill('');
  await page.getByTestId('runs-filter-config-key').selectOption('optimizer');
  await page.getByTestId('runs-filter-config-value').fill('adam');
  await expect(page.getByTestId('cloud-run-row')).toHaveCount(2);
  expect((await tableNames(page)).sort()).toEqual(['baseline', 'still-going']);
  await page.getByTestId('runs-filter-clear').click();
  await expect(page.getByTestId('cloud-run-row')).toHaveCount(4);
  await page.locator('[data-testid=runs-sort][data-column="config:lr"]').click();
  await expect.poll(() => tableNames(page)).toEqual(['baseline', 'still-going', 'lr0.3-crash', 'cloned']);
  await page.locator('[data-testid=runs-sort][data-column="config:lr"]').click();
  await expect.poll(() => tableNames(page)).toEqual(['lr0.3-crash', 'still-going', 'baseline', 'cloned']);

  // choose the config columns
  await page.getByTestId('runs-columns').locator('summary').click();
  await page.locator('[data-testid=runs-column-option][data-key="model.act"]').uncheck();
  await expect(page.locator('[data-testid=runs-sort][data-column="config:model.act"]')).toHaveCount(0);
  await page.getByTestId('runs-columns-auto').click();
  await expect(page.locator('[data-testid=runs-sort][data-column="config:model.act"]')).toHaveCount(1);
  await page.getByTestId('runs-columns').locator('summary').click();

  // select every filtered run at once
  await page.locator('[data-testid=runs-filter-state][data-state=finished]').click();
  await page.getByTestId('runs-select-all').check();
  await expect(page.getByTestId('runs-count')).toContainText('2 selected');
  expect((await tableNames(page)).sort()).toEqual(['baseline', 'cloned']);
  await page.getByTestId('runs-select-none').click();
  await page.locator('[data-testid=runs-filter-state][data-state=finished]').click();
  await expect(page.getByTestId('cloud-run-row')).toHaveCount(4);

  // select two runs, show their charts
  await cloudRunRow(page, 'baseline').getByTestId('run-select').check();
  await cloudRunRow(page, 'lr0.3-crash').getByTestId('run-select').check();
  await expect(page.getByTestId('runs-count')).toContainText('2 selected');
  await snap(page, 'accounts-runs-table');
  await page.locator('.sidebar').screenshot({ path: path.join('test-results', 'screens', 'accounts-sidebar.png') });
  await page.getByTestId('runs-show-charts').click();

  await expect(await loaded(chart(page, 'train/loss'))).toHaveAttribute('data-series-count', '2');
  await expect(page.getByTestId('run-row')).toHaveCount(2);

  // a reload comes back to this account's charts of the same runs (the runs table's choices kept behind them)
  const chartedRuns = () => page.getByTestId('run-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-run-name')).sort());
  const stored = await page.evaluate(() => localStorage.getItem('swanview.views'));
  expect(stored).toContain('mnist');
  for (const key of [...secrets, 'WrongKey0123456789abc']) expect(stored, 'API key in the saved views').not.toContain(key);
  await page.reload();
  await expect(page.getByTestId('account-pane')).toHaveAttribute('data-account-id', cloudId);
  await expect(page.getByTestId('account-pane')).toHaveAttribute('data-mode', 'charts');
  await expect(sidebarAccount(page, cloudId)).toHaveAttribute('data-active', 'true');
  await expect(page.getByTestId('crumb-project')).toHaveText('mnist');
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  expect(await chartedRuns()).toEqual(['baseline', 'lr0.3-crash']);
  const loss = await loaded(chart(page, 'train/loss'));
  await expect(loss).toHaveAttribute('data-series-count', '2');
  await expect(page.getByTestId('restore-notice')).toHaveCount(0);
  await watch.assertAbsent([...secrets, 'WrongKey0123456789abc']);
  await expect(page.getByTestId('section').first()).toBeVisible();
  await snap(page, 'accounts-cloud-charts');
  // system metrics under SwanLab's names, like a folder's (the key listing carries none)
  await expect(chart(page, '__swanlab__.cpu.pct').locator('.chart-title')).toHaveText('CPU Utilization (%)');
  // zoom into the loss chart: kept for this account only
  const box = (await loss.locator('canvas').first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  await expect(loss).toHaveAttribute('data-zoomed', 'true');

  // run details and the log tail, through the same drawer as a folder
  await runRow(page, 'lr0.3-crash').locator('.run-open').click();
  const details = page.getByTestId('run-details');
  await expect(details.locator('h2')).toHaveText('lr0.3-crash');
  await expect(details.getByTestId('run-web-link')).toHaveAttribute('href', /lr03|r1crashed/);
  await details.getByTestId('details-tab-logs').click();
  await expect(details.getByTestId('log-line').first()).toBeVisible();
  await expect(details.getByTestId('log-error')).toContainText('RuntimeError: loss is inf');
  await snap(page, 'accounts-cloud-details');
  await page.locator('.chart-area').evaluate((el) => el.scrollTo(0, 300));

  // the private host: another account, its own view
  await page.getByTestId('account-add').click();
  const privateId = await addAccount(page, hosts.private.origin, hosts.keys.alice, 'alice');
  await expect(sidebarAccount(page, privateId).getByTestId('account-kind')).toHaveText('private');
  await expect(page.getByTestId('account-pane')).toHaveAttribute('data-account-id', privateId);
  await expect(page.getByTestId('run-details')).toHaveCount(0);
  await workspace(page, 'alice').click();
  await project(page, 'lab-only').locator('.project-open').click();
  await expect(page.getByTestId('cloud-run-row')).toHaveCount(1);
  await cloudRunRow(page, 'lab-run').getByTestId('run-select').check();

  // back to the cloud account: charts, details drawer and selection as they were, in one click
  await sidebarAccount(page, cloudId).click();
  await expect(page.getByTestId('account-pane')).toHaveAttribute('data-mode', 'charts');
  await expect(chart(page, 'train/loss')).toHaveAttribute('data-series-count', '2');
  await expect(page.getByTestId('run-details').locator('h2')).toHaveText('lr0.3-crash');
  await expect(chart(page, 'train/loss')).toHaveAttribute('data-zoomed', 'true');
  await expect.poll(() => page.locator('.chart-area').evaluate((el) => el.scrollTop)).toBe(300);
  await page.getByTestId('run-details').locator('.close-button').click();
  await page.getByTestId('back-to-runs').click();
  await expect(cloudRunRow(page, 'baseline')).toHaveAttribute('data-selected', 'true');
  await expect.poll(() => tableNames(page)).toEqual(['lr0.3-crash', 'still-going', 'baseline', 'cloned']);
  await page.getByTestId('show-opened-charts').click();
  await expect(chart(page, 'train/loss')).toBeVisible();

  // and the private one still at its runs table with its selection
  await sidebarAccount(page, privateId).click();
  await expect(cloudRunRow(page, 'lab-run')).toHaveAttribute('data-selected', 'true');

  // the folder, one click away, untouched
  await page.getByTestId('sidebar-folder').click();
  await expect(runRow(page, 'baseline-lr0.1')).toBeVisible();
  await expect(await loaded(chart(page, 'train/loss'))).toHaveAttribute('data-series-count', '3');
  await expect(chart(page, 'train/loss')).not.toHaveAttribute('data-zoomed', 'true');

  // the cloud host goes away: a banner on that account, the folder and the other account keep working
  await hosts.stop('cloud');
  await sidebarAccount(page, cloudId).click();
  const banner = page.getByTestId('offline-banner');
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner).toContainText(new URL(hosts.cloud.origin).host);
  await expect(sidebarAccount(page, cloudId)).toHaveAttribute('data-status', 'offline');
  await snap(page, 'accounts-offline');
  await page.getByTestId('sidebar-folder').click();
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
  await expect(await loaded(chart(page, 'train/loss'))).toHaveAttribute('data-series-count', '3');
  await sidebarAccount(page, privateId).click();
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
  await expect(cloudRunRow(page, 'lab-run')).toBeVisible();

  // back up: Retry clears the banner
  await sidebarAccount(page, cloudId).click();
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await hosts.restart('cloud');
  await page.getByTestId('banner-retry').click();
  await expect(page.getByTestId('offline-banner')).toHaveCount(0, { timeout: 20_000 });
  await expect(sidebarAccount(page, cloudId)).toHaveAttribute('data-status', 'online');

  // the key never reached the page, its storage or the server's output
  // the recording is real: it holds the answers and the feed the page got
  expect(watch.bodies.some((b) => b.startsWith('/rpc/accounts.add') && b.includes('alice'))).toBe(true);
  expect(watch.bodies.some((b) => b.startsWith('/rpc/series.get'))).toBe(true);
  expect(watch.events.join('')).toContain('connected');
  await watch.assertAbsent(secrets, { 'server output': s.output() });
  expect(fs.statSync(path.join(s.dataDir, 'swanlab-keys.json')).mode & 0o777).toBe(0o600);
  watch.close();
});

test('import from ~/.swanlab, a refused key re-entered, remove with confirm, collapsed sidebar, dark theme', async ({ page, serve, tempDir, hosts }) => {
  test.setTimeout(90_000);
  const s = await serveIsolated(serve, tempDir);
  // what `swanlab login` leaves: machine = API host, login = web host, password = key
  fs.writeFileSync(path.join(s.swanlabRoot, '.netrc'), [
    `machine ${hosts.private.origin}\n  login ${hosts.private.origin}\n  password ${hosts.keys.bob}\n`,
    `machine ${hosts.cloud.origin}\n  login ${hosts.cloud.origin}\n  password NotAKey0123456789abcd\n`,
  ].join(''));
  const newKey = 'B0bNewKey0123456789xy';
  const secrets = [...Object.values(hosts.keys), newKey, 'NotAKey0123456789abcd'];
  const watch = new SecretWatch(page, s.url);
  await page.goto(s.url);

  await page.getByTestId('account-import-first').click();
  const result = page.getByTestId('import-result');
  await expect(result.getByTestId('import-item')).toHaveCount(2);
  await expect(result.locator('[data-testid=import-item][data-ok=true]')).toContainText('bob');
  await expect(result.locator('[data-testid=import-item][data-ok=false]')).toContainText(new URL(hosts.cloud.origin).host);
  const bobId = `${hosts.private.origin}#bob`;
  await expect(sidebarAccount(page, bobId)).toHaveAttribute('data-status', 'online');
  await page.locator('.sidebar').screenshot({ path: path.join('test-results', 'screens', 'accounts-sidebar-import.png') });

  await sidebarAccount(page, bobId).click();
  await workspace(page, 'vision-lab').click();
  await project(page, 'detector').locator('.project-open').click();
  await expect(cloudRunRow(page, 'yolo')).toBeVisible();

  // the key is reset on the server: the account says so and offers to re-enter it
  const bob = hosts.private.model.users.find((u) => u.username === 'bob')!;
  bob.apiKey = newKey;
  hosts.private.sessions.expireAll();
  await page.getByTestId('account-refresh').click();
  await expect(page.getByTestId('signed-out-banner')).toBeVisible({ timeout: 20_000 });
  await expect(sidebarAccount(page, bobId)).toHaveAttribute('data-status', 'signed-out');
  await page.getByTestId('banner-reenter').click();
  const form = page.getByTestId('account-form');
  await expect(form.getByTestId('account-host')).toHaveValue(hosts.private.origin);
  await form.getByTestId('account-key').fill(newKey);
  await form.getByTestId('account-submit').click();
  await expect(page.getByTestId('signed-out-banner')).toHaveCount(0);
  await expect(sidebarAccount(page, bobId)).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('sidebar-account')).toHaveCount(1);
  await expect(cloudRunRow(page, 'yolo')).toBeVisible();

  // dark theme and a collapsed rail: still one click per view
  await page.getByTestId('toggle-theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await cloudRunRow(page, 'yolo').getByTestId('run-select').check();
  await snap(page, 'accounts-runs-table-dark');
  await page.getByTestId('sidebar-toggle').click();
  await expect(page.getByTestId('sidebar')).toHaveAttribute('data-collapsed', 'true');
  await page.getByTestId('sidebar-folder').click();
  await expect(runRow(page, 'baseline-lr0.1')).toBeVisible();
  await sidebarAccount(page, bobId).click();
  await expect(cloudRunRow(page, 'yolo')).toHaveAttribute('data-selected', 'true');
  await snap(page, 'accounts-collapsed-dark');
  await page.getByTestId('sidebar-toggle').click();

  // the host goes away, the page is reloaded: the folder is shown, saying why, with the account's own banner
  await hosts.stop('private');
  await page.reload();
  await expect(page.getByTestId('restore-notice')).toContainText('bob', { timeout: 30_000 });
  await expect(page.getByTestId('sidebar-folder')).toHaveAttribute('data-active', 'true');
  await expect(runRow(page, 'baseline-lr0.1')).toBeVisible();
  await expect(page.getByTestId('offline-banner')).toContainText(new URL(hosts.private.origin).host);
  await expect(sidebarAccount(page, bobId)).toHaveAttribute('data-status', 'offline');
  await snap(page, 'accounts-restore-offline');
  // back up: Retry shows the account's view as it was left
  await hosts.restart('private');
  await page.getByTestId('banner-retry').click();
  await expect(page.getByTestId('account-pane')).toHaveAttribute('data-account-id', bobId, { timeout: 20_000 });
  await expect(cloudRunRow(page, 'yolo')).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId('restore-notice')).toHaveCount(0);

  // remove asks first; the folder comes back to the front and the key is deleted
  await sidebarAccount(page, bobId).locator('xpath=..').getByTestId('account-remove').click();
  await page.getByTestId('account-remove-no').click();
  await expect(page.getByTestId('sidebar-account')).toHaveCount(1);
  await sidebarAccount(page, bobId).locator('xpath=..').getByTestId('account-remove').click();
  await page.getByTestId('account-remove-yes').click();
  await expect(page.getByTestId('sidebar-account')).toHaveCount(0);
  await expect(page.getByTestId('sidebar-folder')).toHaveAttribute('data-active', 'true');
  await expect(runRow(page, 'baseline-lr0.1')).toBeVisible();
  const keys = JSON.parse(fs.readFileSync(path.join(s.dataDir, 'swanlab-keys.json'), 'utf8')) as Record<string, string>;
  expect(Object.keys(keys)).toEqual([]);

  await watch.assertAbsent(secrets, { 'server output': s.output() });
  watch.close();
});
