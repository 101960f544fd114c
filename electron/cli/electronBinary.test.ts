import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary } from './electronBinary';

let pkg: string;
const display = { DISPLAY: ':0' };

beforeAll(async () => {
  pkg = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-electron-pkg-'));
});
afterAll(() => fs.rm(pkg, { recursive: true, force: true }));

describe('electronBinary', () => {
  it('needs a display on Linux', () => {
    expect(electronBinary({ download: false, env: {}, platform: 'linux', packageDir: pkg })).toEqual({ why: 'no display ($DISPLAY is not set)' });
    expect('why' in electronBinary({ download: false, env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux', packageDir: pkg })).toBe(true);
  });

  it('says the binary was never downloaded, without downloading it', () => {
    expect(electronBinary({ download: false, env: display, platform: 'linux', packageDir: pkg }))
      .toEqual({ why: 'the Electron binary has not been downloaded (run `npx install-electron`)' });
  });

  it('finds the downloaded binary the way the electron package does', async () => {
    await fs.writeFile(path.join(pkg, 'path.txt'), 'electron');
    await fs.mkdir(path.join(pkg, 'dist'));
    expect('why' in electronBinary({ download: false, env: display, platform: 'linux', packageDir: pkg })).toBe(true);
    await fs.writeFile(path.join(pkg, 'dist', 'electron'), '');
    expect(electronBinary({ download: false, env: display, platform: 'linux', packageDir: pkg })).toEqual({ bin: path.join(pkg, 'dist', 'electron') });
    expect(electronBinary({ download: false, env: {}, platform: 'darwin', packageDir: pkg })).toEqual({ bin: path.join(pkg, 'dist', 'electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const env = { ...display, ELECTRON_OVERRIDE_DIST_PATH: path.join(pkg, 'dist') };
    expect(electronBinary({ download: false, env, platform: 'linux', packageDir: pkg })).toEqual({ bin: path.join(pkg, 'dist', 'electron') });
    expect('why' in electronBinary({ download: false, env: { ...env, ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }, platform: 'linux', packageDir: pkg })).toBe(true);
  });
});
