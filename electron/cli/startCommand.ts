import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { writeDemoSwanlog } from '../swanlog/writer/generate';
import { electronBinary, hasDisplay } from './electronBinary';
import { openBrowser } from './openBrowser';
import { serveCommand } from './serveCommand';

export const START_USAGE = 'swanview [start] [PATH]   (desktop app; falls back to serve mode where Electron cannot start)';

/** Where the built-in demo swanlog lives (written by our own writer on first use). */
export function demoDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'swanview', 'demo-swanlog');
}

/**
 * Writes the demo afresh (its times are relative to now) and keeps its running run training
 * while swanview is open, so the live view has something to show.
 */
async function startDemo(): Promise<{ dir: string; stop: () => void }> {
  const dir = demoDir();
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const demo = await writeDemoSwanlog(dir);
  return { dir, stop: demo.live.tick(1000, 5) };
}

export async function startCommand(argv: string[]): Promise<void> {
  const demo = argv[0] ? null : await startDemo();
  const target = argv[0] ?? demo!.dir;
  if (!argv[0]) process.stderr.write(`swanview: no folder given, opening the demo swanlog at ${target} (one run keeps training)\n`);
  const e = electronBinary({ download: true });
  const main = path.resolve(__dirname, '..', 'main.js');
  if ('bin' in e && existsSync(main)) {
    const child = spawn(e.bin, [main, target], { stdio: 'inherit' });
    await new Promise<void>((resolve) => child.on('exit', () => resolve()));
    demo?.stop();
    return;
  }
  const why = 'why' in e ? e.why : 'the desktop shell is not built';
  process.stderr.write(`swanview: cannot open the desktop window: ${why}.\nswanview: falling back to serve mode: the same UI in a browser, at the URL below.\n`);
  const url = await serveCommand([target]);
  if (hasDisplay()) openBrowser(url);
}
