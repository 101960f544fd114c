// The read-only proof: reading runs.swanlab must not change or create a single file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_FIXTURES, fixturePath, hasPython, snapshotTree, writableCopy } from '../../testkit/fixtures';
import { readRunsDb } from './runsDb';

const copies: string[] = [];
afterAll(() => {
  for (const copy of copies) fs.rmSync(path.dirname(copy), { recursive: true, force: true });
});

function copyOf(fixture: string): string {
  const copy = writableCopy(fixturePath(fixture), 'readonly');
  copies.push(copy);
  return copy;
}

describe.each(DB_FIXTURES)('reading %s changes nothing', (fixture) => {
  it('in place (the shared fixture folder)', async () => {
    const dir = fixturePath(fixture);
    const before = snapshotTree(dir);
    expect(before.has('runs.swanlab-wal') && before.has('runs.swanlab-shm')).toBe(true);
    const result = await readRunsDb(dir);
    expect(result?.db.experiments.length).toBeGreaterThan(0);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('in a writable copy, where SQLite could write', async () => {
    const copy = copyOf(fixture);
    fs.accessSync(path.join(copy, 'runs.swanlab-shm'), fs.constants.W_OK);
    const before = snapshotTree(copy);
    const fromCopy = await readRunsDb(copy);
    const again = await readRunsDb(copy);
    expect(snapshotTree(copy)).toEqual(before);
    expect(again?.db).toEqual(fromCopy?.db);
    expect(fromCopy?.db).toEqual((await readRunsDb(fixturePath(fixture)))?.db);
  });
});

describe('the snapshot would notice a SQLite connection', () => {
  it.skipIf(!hasPython())('a read-only sqlite3 connection on a copy changes the folder', () => {
    const copy = copyOf('swanlog-0.4.12');
    const before = snapshotTree(copy);
    const uri = `file:${path.join(copy, 'runs.swanlab')}?mode=ro`;
    const script = 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1], uri=True); c.execute("select count(*) from experiment").fetchall(); c.close()';
    execFileSync('python3', ['-c', script, uri]);
    expect(snapshotTree(copy)).not.toEqual(before);
  });
});
