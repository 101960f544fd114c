// The desktop window itself: it opens the folder from the command line, the page gets the
// preload bridge and no Node, leaving the page is blocked, and IPC refuses what is not the contract.
import type { PreloadBridge } from '../../shared/client';
import type { WorkspaceView } from '../../shared/contract';
import { expect, skipReason, test } from './desktopApp';

declare global {
  interface Window {
    swanview?: PreloadBridge;
  }
}

const reason = skipReason();
test.skip(reason !== null, reason ?? '');

test('opens the folder given on the command line', async ({ page, swanlog }) => {
  await expect.poll(() => page.evaluate(async () => (await window.swanview!.invoke('workspace.get', {})) as WorkspaceView).then((w) => w.target))
    .toBe(swanlog);
  const view = (await page.evaluate(() => window.swanview!.invoke('workspace.get', {}))) as WorkspaceView;
  expect(view.runs.map((r) => r.info.name)).toEqual(['baseline-lr0.1', 'lr0.3-crash', 'lr0.05-killed']);
  expect(view.canOpenFolders).toBe(true);
  await expect(page).toHaveTitle('swanlog — swanview'); // the renderer names the open folder
});

test('the page has window.swanview and nothing of Node', async ({ page }) => {
  const globals = await page.evaluate(() => ({
    bridge: Object.keys(window.swanview ?? {}).sort(),
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    module: typeof (globalThis as Record<string, unknown>).module,
    Buffer: typeof (globalThis as Record<string, unknown>).Buffer,
  }));
  expect(globals).toEqual({ bridge: ['invoke', 'onChange', 'onCommand'], require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
});

test('navigation away and new windows are blocked; http(s) links go to the OS browser', async ({ app, page }) => {
  // record instead of opening a real browser on the test machine
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as Record<string, unknown>).__opened = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  const start = page.url();
  await page.evaluate(() => {
    location.href = 'https://example.invalid/away';
  });
  await page.evaluate(() => window.open('https://example.invalid/popup'));
  await page.evaluate(() => {
    location.href = 'file:///etc/';
  });
  await expect.poll(() => app.evaluate(() => (globalThis as Record<string, unknown>).__opened)).toEqual(['https://example.invalid/away', 'https://example.invalid/popup']);
  expect(page.url()).toBe(start);
  expect(app.windows()).toHaveLength(1);
  expect(await page.evaluate(() => typeof window.swanview)).toBe('object');
});

test('IPC rejects unknown channels and invalid requests, and answers with messages', async ({ page }) => {
  const outcome = (channel: string, request: unknown) =>
    page.evaluate(([c, r]) => window.swanview!.invoke(c as string, r).then(() => 'resolved', (e: Error) => e.message), [channel, request] as const);
  expect(await outcome('fs.readFile', { path: '/etc/passwd' })).toMatch(/unknown channel "fs.readFile"/);
  expect(await outcome('series.get', { key: 'train/loss' })).toMatch(/series.get: invalid request at source/);
  const source = await page.evaluate(async () => ((await window.swanview!.invoke('workspace.get', {})) as WorkspaceView).sourceId);
  expect(await outcome('series.get', { source, key: 'train/loss' })).toMatch(/series.get: invalid request at runIds/);
  expect(await outcome('run.details', { source, runId: 'run-nope' })).toMatch(/no run run-nope/);
});
