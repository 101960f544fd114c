import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest folder above this file with swanview's package.json. */
function findRepo(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'swanview') return dir;
    } catch {
      // no package.json here
    }
    if (path.dirname(dir) === dir) return path.resolve(from, '../..');
  }
}

export const REPO_DIR = findRepo(__dirname);
/** Git-ignored. */
export const OUT_DIR = path.join(REPO_DIR, 'bench', 'out');
export const DATASETS_DIR = path.join(OUT_DIR, 'datasets');
export const WORK_DIR = path.join(OUT_DIR, 'work');
