import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test as base } from '@playwright/test';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.resolve(ROOT, '..', 'shared', 'fixtures');
const CLI = path.join(ROOT, 'dist', 'electron', 'cli', 'main.js');

export interface Served {
  url: string;
  /** The served folder (a temp copy: tests may write into it). */
  dir: string;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
}

export interface ServeOptions {
  /** Extra environment for the server (SWANVIEW_USER_DATA_DIR, SWANLAB_ROOT, ...). */
  env?: Record<string, string>;
}

/** A temp copy of a fixture set (`swanlog-0.9.7`, …); symlinks stay symlinks. */
export function copyFixture(name: string, into: string): string {
  const dir = path.join(into, name);
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

function record(child: ChildProcess): () => string {
  let all = '';
  child.stdout!.on('data', (d: Buffer) => (all += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (all += d.toString()));
  return () => all;
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const fail = (why: string) => reject(new Error(`swanview serve ${why}\n${err}`));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('http'));
      if (line) resolve(line.trim());
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => fail(`exited with ${code}`));
    setTimeout(() => fail('printed no URL within 20 s'), 20_000).unref();
  });
}

/**
 * `serve(folder)` starts `swanview serve folder --port 0` with its own UI-state file and stops
 * it (and removes every temp dir) after the test. `tempDir()` makes a dir removed likewise.
 */
export const test = base.extend<{ serve(folder: string, opts?: ServeOptions): Promise<Served>; tempDir(): string }>({
  tempDir: async ({}, use) => {
    const dirs: string[] = [];
    await use(() => {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), 'swanview-e2e-'));
      dirs.push(d);
      return d;
    });
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  },
  serve: async ({ tempDir }, use) => {
    const children: ChildProcess[] = [];
    await use(async (folder, opts = {}) => {
      const config = tempDir();
      const child = spawn(process.execPath, [CLI, 'serve', folder, '--port', '0'], {
        env: { ...process.env, XDG_CONFIG_HOME: config, ...opts.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      const output = record(child);
      return { url: await waitForUrl(child), dir: folder, output };
    });
    await Promise.all(children.map((c) => new Promise<void>((resolve) => {
      if (c.exitCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    })));
  },
});

export { expect } from '@playwright/test';
