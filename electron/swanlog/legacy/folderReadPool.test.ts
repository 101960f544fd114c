import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricType } from '../../../shared/domain';
import { defaultPoolSize, FolderReadPool, SMALL_FOLDER_POINTS } from './folderReadPool';
import { compiledWorkerScript } from './folderReadWorker.testkit';
import { LOCAL_SETS, manifest, runDir, tempDir } from './fixtures.testkit';
import { MetricFolderReader } from './metricFolder';

const T = '2026-11-24T05:00:31.774976+00:00';
const line = (step: number, data: string) => `{"index": ${step}, "data": ${data}, "create_time": "${T}"}\n`;

let script: string;
const pools: FolderReadPool[] = [];
const logged: string[] = [];

/** A pool whose reads are counted: `adopted` is how many answered with a worker's snapshot. Every folder goes to a worker unless `minPoints` says otherwise. */
function countingPool(size = 2, file: string | null = script, minPoints = 0) {
  const pool = new FolderReadPool({ size, script: file, log: (m) => logged.push(m), minPoints });
  pools.push(pool);
  const counts = { adopted: 0 };
  const read = async (dir: string, type: MetricType, points: number) => {
    const s = await pool.read(dir, type, points);
    if (s) counts.adopted++;
    return s;
  };
  return { pool, read, counts };
}

async function inProcess(dir: string, type: MetricType): Promise<MetricFolderReader> {
  const r = new MetricFolderReader(dir, type);
  await r.refresh();
  return r;
}

/** Everything a reader shows, as plain values. */
function shown(r: MetricFolderReader) {
  const s = r.series();
  return {
    steps: [...s.steps],
    values: [...s.values],
    timestamps: [...s.timestamps],
    legacyNonFinite: s.legacyNonFinite,
    media: r.mediaPoints(),
    files: r.fileNames,
    unparsable: r.unparsableLines,
    issues: r.issues,
  };
}

beforeAll(() => {
  script = compiledWorkerScript();
}, 120_000);

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('FolderReadPool: a first read in a worker thread', () => {
  it('gives, on every folder of the local fixtures, exactly what an in-process read gives', async () => {
    const { read, counts } = countingPool();
    let folders = 0;
    for (const set of LOCAL_SETS) {
      for (const [run, r] of Object.entries(manifest(set).runs)) {
        const types = Object.fromEntries((r.db?.tags ?? []).map((t) => [t.folder, t.type as MetricType]));
        for (const folder of Object.keys(r.logs ?? {})) {
          const dir = path.join(runDir(set, run), 'logs', folder);
          const type = types[folder] ?? 'line';
          const viaWorker = new MetricFolderReader(dir, type, read);
          const result = await viaWorker.refresh();
          const here = await inProcess(dir, type);
          expect(shown(viaWorker), `${set}/${run}/logs/${folder}`).toEqual(shown(here));
          expect(result.added).toBe(here.series().steps.length + here.mediaPoints().length);
          folders++;
        }
      }
    }
    expect(folders).toBeGreaterThan(40);
    expect(counts.adopted).toBe(folders);
    expect(logged).toEqual([]);
  });

  it('carries issues over: unparsable lines, unusable points, an unreadable file, non-finite values', async () => {
    const dir = tempDir('pool-issues');
    fs.writeFileSync(path.join(dir, '1000.log'), line(1, '0.5') + 'not json\n' + line(2, '{"a": 1}') + line(3, 'NaN') + line(4, '-Infinity'));
    fs.mkdirSync(path.join(dir, '2000.log')); // a directory: reading it fails
    fs.writeFileSync(path.join(dir, '3000.log'), line(1001, '2'));
    const { read, counts } = countingPool();
    const viaWorker = new MetricFolderReader(dir, 'line', read);
    await viaWorker.refresh();
    const here = await inProcess(dir, 'line');
    expect(counts.adopted).toBe(1);
    expect(shown(viaWorker)).toEqual(shown(here));
    expect(viaWorker.issues.length).toBe(3);
    expect(viaWorker.series().legacyNonFinite).toBe(here.series().legacyNonFinite);
  });

  it('follows appends, a torn tail, a rewritten file and a new file on the main thread after adopting', async () => {
    const dir = tempDir('pool-follow');
    const file = (n: number) => path.join(dir, `${n}.log`);
    let text = '';
    for (let i = 0; i < 1000; i++) text += line(i, String(i / 10));
    fs.writeFileSync(file(1000), text);
    const { read, counts } = countingPool();
    const reader = new MetricFolderReader(dir, 'line', read);
    await reader.refresh();
    expect(counts.adopted).toBe(1);
    expect(reader.series().steps.length).toBe(1000);

    fs.appendFileSync(file(1000), line(1000, '7') + '{"index": 1001, "da');
    expect(await reader.refresh()).toEqual({ added: 1, rewritten: false });
    expect(reader.series().steps.at(-1)).toBe(1000);
    fs.appendFileSync(file(1000), `ta": 8, "create_time": "${T}"}\n`);
    expect(await reader.refresh()).toEqual({ added: 1, rewritten: false });
    expect(reader.series().values.at(-1)).toBe(8);

    // SDK 0.7.12–0.7.14: temp file + os.replace overwriting step 5
    fs.writeFileSync(path.join(dir, 'tmp'), fs.readFileSync(file(1000), 'utf8') + line(5, '-1'));
    fs.renameSync(path.join(dir, 'tmp'), file(1000));
    const r = await reader.refresh();
    expect(r.rewritten).toBe(true);
    expect(reader.series().values[5]).toBe(-1);

    fs.writeFileSync(file(2000), line(1500, '15'));
    await reader.refresh();
    expect(shown(reader)).toEqual(shown(await inProcess(dir, 'line')));
    expect(reader.series().steps.length).toBe(1003);
    expect(counts.adopted).toBe(1); // later refreshes stay on this thread
  });

  it('keeps concurrent refreshes in order while the first read is in a worker', async () => {
    const dir = tempDir('pool-order');
    fs.writeFileSync(path.join(dir, '1000.log'), line(1, '1'));
    const { read } = countingPool();
    const reader = new MetricFolderReader(dir, 'line', read);
    const first = reader.refresh();
    fs.appendFileSync(path.join(dir, '1000.log'), line(2, '2'));
    const second = reader.refresh();
    expect((await first).added).toBe(2); // the worker saw both lines: the second refresh finds nothing new
    expect((await second).added).toBe(0);
    expect([...reader.series().steps]).toEqual([1, 2]);
  });
});

describe('FolderReadPool: small folders', () => {
  it('reads folders of fewer than SMALL_FOLDER_POINTS points (by their file names) on the main thread, bigger ones in a worker', async () => {
    const dir = tempDir('pool-small');
    let text = '';
    for (let i = 0; i < 1000; i++) text += line(i, String(i / 10));
    for (let f = 1; f <= 3; f++) fs.writeFileSync(path.join(dir, `${f * 1000}.log`), text);
    const small = countingPool(2, script, SMALL_FOLDER_POINTS);
    await new MetricFolderReader(dir, 'line', small.read).refresh();
    expect(small.counts.adopted).toBe(0);
    // 3000.log: 3000 points; small for a limit one over, not for a limit of 3000
    const tight = countingPool(2, script, 3001);
    await new MetricFolderReader(dir, 'line', tight.read).refresh();
    expect(tight.counts.adopted).toBe(0);
    const over = countingPool(2, script, 3000);
    const reader = new MetricFolderReader(dir, 'line', over.read);
    await reader.refresh();
    expect(over.counts.adopted).toBe(1);
    expect(shown(reader)).toEqual(shown(await inProcess(dir, 'line')));
    // files up to 20000.log: a worker's with the default limit, however few lines they hold
    for (let f = 4; f <= 20; f++) fs.writeFileSync(path.join(dir, `${f * 1000}.log`), line(f * 1000, '1'));
    const many = new MetricFolderReader(dir, 'line', small.read);
    await many.refresh();
    expect(small.counts.adopted).toBe(1);
    expect(shown(many)).toEqual(shown(await inProcess(dir, 'line')));
  });
});

describe('FolderReadPool: size', () => {
  it('is min(2, cores) unless $SWANVIEW_READER_THREADS says otherwise', () => {
    expect(defaultPoolSize({})).toBe(Math.min(2, os.availableParallelism()));
    expect(defaultPoolSize({ SWANVIEW_READER_THREADS: '0' })).toBe(0);
    expect(defaultPoolSize({ SWANVIEW_READER_THREADS: '3' })).toBe(3);
    expect(defaultPoolSize({ SWANVIEW_READER_THREADS: 'many' })).toBe(Math.min(2, os.availableParallelism()));
  });
});

describe('FolderReadPool: falling back to in-process reads', () => {
  const dir = path.join(runDir('swanlog-0.9.7', fs.readdirSync(runDir('swanlog-0.9.7', '')).find((n) => n.startsWith('run-'))!), 'logs', '1');

  it('answers null with size 0 or no script, silently', async () => {
    for (const [size, file] of [[0, script], [2, null]] as const) {
      const { pool } = countingPool(size, file);
      expect(await pool.read(dir, 'line')).toBeNull();
    }
    expect(logged).toEqual([]);
  });

  it('turns itself off, said once, when a worker cannot start or dies; the reader still reads everything', async () => {
    const bad = path.join(tempDir('pool-bad'), 'crash.js');
    fs.writeFileSync(bad, 'process.exit(3);\n');
    for (const file of [path.join(path.dirname(bad), 'missing.js'), bad]) {
      logged.length = 0;
      const { read, counts } = countingPool(2, file);
      const readers = [0, 1, 2].map(() => new MetricFolderReader(dir, 'line', read));
      await Promise.all(readers.map((r) => r.refresh()));
      const here = shown(await inProcess(dir, 'line'));
      for (const r of readers) expect(shown(r)).toEqual(here);
      expect(counts.adopted).toBe(0);
      expect(logged.length, file).toBe(1);
      expect(logged[0]).toMatch(/read on the main thread/);
    }
  });

  it('answers reads under way with null when closed (they are then read in-process)', async () => {
    const { pool, read } = countingPool();
    const reader = new MetricFolderReader(dir, 'line', read);
    const pending = reader.refresh();
    await pool.close();
    await pending;
    expect(shown(reader)).toEqual(shown(await inProcess(dir, 'line')));
    expect(await pool.read(dir, 'line')).toBeNull();
  });
});
