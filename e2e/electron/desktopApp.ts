import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from '../../electron/cli/electronBinary';

const ROOT = path.resolve(__dirname, '..', '..');
export const MAIN = path.join(ROOT, 'dist', 'electron', 'main.js');
const FIXTURE = path.resolve(ROOT, '..', 'shared', 'fixtures', 'swanlog-0.9.7');

/** Why these tests cannot run here, or null. Never downloads Electron. */
export function skipReason(): string | null {
  const found = electronBinary({ download: false });
  if ('why' in found) return `no Electron to launch: ${found.why}`;
  return existsSync(MAIN) ? null : 'dist/electron/main.js is missing: run `npm run build` first';
}

interface Fixtures {
  /** A temp copy of a real SDK swanlog, opened from the command line. */
  swanlog: string;
  app: ElectronApplication;
  page: Page;
}

/** The built app started as `electron dist/electron/main.js <swanlog>`, with its own user-data folder. */
export const test = base.extend<Fixtures>({
  swanlog: async ({}, use) => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-e2e-electron-'));
    const dir = path.join(tmp, 'swanlog');
    await fs.cp(FIXTURE, dir, { recursive: true, verbatimSymlinks: true });
    await use(dir);
    await fs.rm(tmp, { recursive: true, force: true });
  },
  app: async ({ swanlog }, use) => {
    const userData = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-e2e-userdata-'));
    const found = electronBinary({ download: false });
    if ('why' in found) throw new Error(found.why);
    const app = await _electron.launch({
      executablePath: found.bin,
      args: [MAIN, swanlog],
      env: { ...process.env, SWANVIEW_USER_DATA_DIR: userData },
    });
    await use(app);
    await app.close();
    await fs.rm(userData, { recursive: true, force: true });
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
});

export { expect } from '@playwright/test';
