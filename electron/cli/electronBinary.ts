import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export type ElectronBinary = { bin: string } | { why: string };

export interface ElectronLookup {
  /** Let the electron package download its binary (Electron ≥42 does that on first use). */
  download: boolean;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Folder of the electron npm package (tests point it elsewhere). */
  packageDir?: string;
}

function electronPackageDir(): string | null {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Whether windows can be shown at all (Linux needs an X11 or Wayland display). */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * The Electron binary to run, or why there is none: no display, no electron package, or a
 * binary that was never downloaded. Mirrors node_modules/electron/index.js (path.txt, dist/,
 * ELECTRON_OVERRIDE_DIST_PATH), which would download on `require` — only done when asked.
 */
export function electronBinary(lookup: ElectronLookup): ElectronBinary {
  const env = lookup.env ?? process.env;
  const platform = lookup.platform ?? process.platform;
  if (!hasDisplay(env, platform)) return { why: 'no display ($DISPLAY is not set)' };
  const dir = lookup.packageDir ?? electronPackageDir();
  if (!dir) return { why: 'the electron package is not installed' };
  const pathFile = path.join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(bin) ? { bin } : { why: `no Electron binary at ${bin} ($ELECTRON_OVERRIDE_DIST_PATH)` };
  }
  if (relative && existsSync(path.join(dir, 'dist', relative))) return { bin: path.join(dir, 'dist', relative) };
  if (!lookup.download) return { why: 'the Electron binary has not been downloaded (run `npx install-electron`)' };
  return downloadElectron(dir);
}

/**
 * Lets the electron package fetch its binary, in a child process: its progress goes to our
 * stderr, so stdout keeps only what the command itself prints (serve mode's URL).
 */
function downloadElectron(dir: string): ElectronBinary {
  const r = spawnSync(process.execPath, ['-p', `require(${JSON.stringify(dir)})`], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const lines = (r.stdout ?? '').trimEnd().split('\n');
  const bin = r.status === 0 ? lines.pop() ?? '' : '';
  if (lines.length) process.stderr.write(`${lines.join('\n')}\n`);
  return bin && existsSync(bin) ? { bin } : { why: 'the Electron binary is not installed and could not be downloaded' };
}
