/**
 * Starts `swanview serve FOLDER --port 0` as the user would and times it from the spawn to the
 * URL on stdout: the server opens the folder (metadata only: runs, statuses, keys) before it listens.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_DIR } from './paths';

export interface Served {
  url: string;
  openMs: number;
  stop(): Promise<void>;
}

const CLI = path.join(REPO_DIR, 'dist', 'electron', 'cli', 'main.js');
const OPEN_TIMEOUT_MS = 15 * 60_000;

export function serve(folder: string): Promise<Served> {
  // its own UI-state file: a remembered zoom or hidden run must not change what is measured
  const config = fs.mkdtempSync(path.join(os.tmpdir(), 'swanview-bench-ui-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', folder, '--port', '0'], {
    env: { ...process.env, XDG_CONFIG_HOME: config },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(config, { recursive: true, force: true });
  };
  return new Promise<Served>((resolve, reject) => {
    let out = '';
    let err = '';
    let listening = false;
    const timer = setTimeout(() => fail(`printed no URL within ${OPEN_TIMEOUT_MS / 1000} s`), OPEN_TIMEOUT_MS);
    function fail(why: string) {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`swanview serve ${folder} ${why}\n${err.slice(-2000)}`)));
    }
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('http'));
      if (!line || listening) return;
      listening = true;
      clearTimeout(timer);
      resolve({ url: line.trim(), openMs: performance.now() - t0, stop });
    });
    child.once('exit', (code) => {
      if (!listening) fail(`exited with ${code}`);
    });
  });
}
