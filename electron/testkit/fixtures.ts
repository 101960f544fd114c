// Test helpers around the shared swanlog fixtures: paths, writable temp copies,
// byte-exact snapshots of a folder, and Python's sqlite3 as an oracle.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURES_DIR = path.resolve(__dirname, '../../../shared/fixtures');
export const DB_FIXTURES = ['swanlog-0.4.12', 'swanlog-0.5.9', 'swanlog-0.7.20', 'swanlog-0.9.7'] as const;
export const TABLES = ['project', 'experiment', 'tag', 'chart', 'namespace', 'display', 'source'] as const;

export function fixturePath(name: string): string {
  return path.join(FIXTURES_DIR, name);
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `swanview-${prefix}-`));
}

function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else if (entry.isFile()) fs.chmodSync(full, 0o644);
  }
}

/** Copies a folder (symlinks kept as links, timestamps kept) and makes the copy writable. */
export function writableCopy(source: string, prefix: string): string {
  const target = path.join(makeTempDir(prefix), path.basename(source));
  fs.cpSync(source, target, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  makeWritable(target);
  return target;
}

/** Every entry under `root` (relative path -> kind, size, mtime and content hash / link target). */
export function snapshotTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const rel = path.relative(root, full);
      const stat = fs.lstatSync(full);
      if (stat.isSymbolicLink()) {
        out.set(rel, `link ${fs.readlinkSync(full)} mtime=${stat.mtimeMs}`);
      } else if (stat.isDirectory()) {
        out.set(rel, `dir mtime=${stat.mtimeMs}`);
        walk(full);
      } else {
        const sha = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
        out.set(rel, `file size=${stat.size} mtime=${stat.mtimeMs} sha256=${sha}`);
      }
    }
  };
  out.set('.', `dir mtime=${fs.lstatSync(root).mtimeMs}`);
  walk(root);
  return out;
}

export function hasPython(): boolean {
  try {
    execFileSync('python3', ['-c', 'import sqlite3'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const DUMP_SCRIPT = `
import json, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
out = {}
for table in sys.argv[2:]:
    cur = con.execute('SELECT * FROM "%s" ORDER BY id' % table)
    cols = [d[0] for d in cur.description]
    out[table] = [dict(zip(cols, row)) for row in cur.fetchall()]
con.close()
print(json.dumps(out))
`;

export type TableDump = Record<string, Record<string, unknown>[]>;

/**
 * Every row of every table as Python's sqlite3 reads it. Python opens read-write (and
 * checkpoints), so only ever pass a database inside a private temp folder.
 */
export function pythonDump(dbFile: string): TableDump {
  if (!dbFile.startsWith(os.tmpdir())) throw new Error(`refusing to open ${dbFile} outside the temp dir`);
  const json = execFileSync('python3', ['-c', DUMP_SCRIPT, dbFile, ...TABLES], { encoding: 'utf8' });
  return JSON.parse(json) as TableDump;
}

/** Copies runs.swanlab (+ -wal, + -shm if asked) of a fixture into a fresh temp dir. */
export function copyDbFiles(fixture: string, withShm: boolean): string {
  const dir = makeTempDir('db');
  const suffixes = withShm ? ['', '-wal', '-shm'] : ['', '-wal'];
  for (const suffix of suffixes) {
    const source = path.join(fixturePath(fixture), `runs.swanlab${suffix}`);
    if (fs.existsSync(source)) fs.copyFileSync(source, path.join(dir, `runs.swanlab${suffix}`));
  }
  makeWritable(dir);
  return dir;
}

/** A RunsDb laid out like pythonDump's output, for comparison. */
export function asTableDump(db: {
  project: object | null;
  experiments: object[];
  tags: object[];
  charts: object[];
  namespaces: object[];
  displays: object[];
  sources: object[];
}): TableDump {
  const rows = (list: object[]) => list as Record<string, unknown>[];
  return {
    project: rows(db.project ? [db.project] : []),
    experiment: rows(db.experiments),
    tag: rows(db.tags),
    chart: rows(db.charts),
    namespace: rows(db.namespaces),
    display: rows(db.displays),
    source: rows(db.sources),
  };
}
