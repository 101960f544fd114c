import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** One swanlog root folder (what `swanlab.init(logdir=…)` wrote into) and the run folders we show. */
export interface SwanlogRoot {
  dir: string;
  /** Absolute paths of run folders, sorted by name (= by start time). */
  runDirs: string[];
  hasDb: boolean;
  /** Set when the user pointed at one run folder: only that run is shown. */
  singleRun: boolean;
}

export class NotASwanlogError extends Error {
  constructor(readonly target: string, detail: string) {
    super(`${target} is not a swanlog folder: ${detail}`);
    this.name = 'NotASwanlogError';
  }
}

const RUN_DIR = /^run-\d{8}_\d{6}-.+/;
const DB_FILE = 'runs.swanlab';

export function isRunDirName(name: string): boolean {
  return RUN_DIR.test(name);
}

async function listDir(dir: string): Promise<{ name: string; isDir: boolean }[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries.map((e) => ({ name: e.name, isDir: e.isDirectory() }));
}

async function asRoot(dir: string): Promise<SwanlogRoot | null> {
  const entries = await listDir(dir);
  const runDirs = entries.filter((e) => e.isDir && isRunDirName(e.name)).map((e) => path.join(dir, e.name));
  const hasDb = entries.some((e) => !e.isDir && e.name === DB_FILE);
  if (runDirs.length === 0 && !hasDb) return null;
  runDirs.sort();
  return { dir, runDirs, hasDb, singleRun: false };
}

/**
 * Accepts a swanlog root, a single `run-*` folder, or a folder holding several swanlogs
 * (searched two levels deep, e.g. `experiments/<name>/swanlog`).
 */
export async function discoverSwanlogs(target: string): Promise<SwanlogRoot[]> {
  const abs = path.resolve(target);
  let stat;
  try {
    stat = await fs.stat(abs);
  } catch (e) {
    throw new NotASwanlogError(abs, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : String(e));
  }
  if (!stat.isDirectory()) throw new NotASwanlogError(abs, 'it is a file, not a folder');

  if (isRunDirName(path.basename(abs))) {
    const parent = path.dirname(abs);
    const parentHasDb = (await listDir(parent)).some((e) => !e.isDir && e.name === DB_FILE);
    return [{ dir: parent, runDirs: [abs], hasDb: parentHasDb, singleRun: true }];
  }
  const root = await asRoot(abs);
  if (root) return [root];

  const found: SwanlogRoot[] = [];
  for (const child of (await listDir(abs)).filter((e) => e.isDir).sort((a, b) => a.name.localeCompare(b.name))) {
    const childDir = path.join(abs, child.name);
    const r = await asRoot(childDir).catch(() => null);
    if (r) {
      found.push(r);
      continue;
    }
    for (const grand of (await listDir(childDir).catch(() => [])).filter((e) => e.isDir)) {
      const g = await asRoot(path.join(childDir, grand.name)).catch(() => null);
      if (g) found.push(g);
    }
  }
  if (found.length === 0) {
    throw new NotASwanlogError(abs, `no run-<date>_<time>-<id> folders and no ${DB_FILE} in it or below it`);
  }
  return found;
}
