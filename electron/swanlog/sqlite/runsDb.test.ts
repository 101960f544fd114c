import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  asTableDump,
  copyDbFiles,
  DB_FIXTURES,
  FIXTURES_DIR,
  fixturePath,
  hasPython,
  makeTempDir,
  pythonDump,
} from '../../testkit/fixtures';
import { readRunsDb, readRunsDbImage } from './runsDb';
import { loadSqlJs } from './sqlJs';
import { buildWal, transactionFrames } from './walBuilder.testkit';
import { applyWal } from './walReplay';

interface ManifestTag {
  name: string;
  folder: string;
  type: string;
  sort: number;
}
interface ManifestRunDb {
  id: number;
  name: string;
  status: number;
  create_time: string;
  finish_time: string | null;
  version: string;
  tags: ManifestTag[];
}
interface Manifest {
  db: { project: string; project_version: string; experiments: number };
  runs: Record<string, { db?: ManifestRunDb }>;
}

function manifestOf(fixture: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'manifests', `${fixture}.json`), 'utf8')) as Manifest;
}

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(DB_FIXTURES)('readRunsDb(%s)', (fixture) => {
  const manifest = manifestOf(fixture);

  it('returns the experiments, statuses and tags of the manifest', async () => {
    const result = await readRunsDb(fixturePath(fixture));
    expect(result).not.toBeNull();
    const { db, notes, walFramesApplied, bytesRead } = result!;
    expect(notes).toEqual([]);
    expect(walFramesApplied).toBeGreaterThan(0);
    const dir = fixturePath(fixture);
    expect(bytesRead).toBe(fs.statSync(path.join(dir, 'runs.swanlab')).size + fs.statSync(path.join(dir, 'runs.swanlab-wal')).size);

    expect(db.project?.name).toBe(manifest.db.project);
    expect(db.project?.version).toBe(manifest.db.project_version);
    expect(db.experiments).toHaveLength(manifest.db.experiments);

    const expectedRuns = Object.entries(manifest.runs).filter(([, run]) => run.db);
    expect(db.experiments.map((e) => e.run_id).sort()).toEqual(expectedRuns.map(([runId]) => runId).sort());
    for (const [runId, run] of expectedRuns) {
      const expected = run.db!;
      const experiment = db.experiments.find((e) => e.run_id === runId)!;
      expect(experiment).toMatchObject({
        id: expected.id,
        name: expected.name,
        status: expected.status,
        create_time: expected.create_time,
        finish_time: expected.finish_time,
        version: expected.version,
      });
      const tags = db.tags
        .filter((tag) => tag.experiment_id === experiment.id)
        .sort((a, b) => a.sort - b.sort)
        .map(({ name, folder, type, sort }) => ({ name, folder, type, sort }));
      expect(tags).toEqual(expected.tags);
    }
  });

  it('returns rows ordered by id', async () => {
    const { db } = (await readRunsDb(fixturePath(fixture)))!;
    for (const rows of [db.experiments, db.tags, db.charts, db.namespaces, db.displays, db.sources]) {
      const ids = rows.map((row) => row.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });

  it.skipIf(!hasPython())('reads every row exactly as Python sqlite3 reads a copy', async () => {
    const copy = copyDbFiles(fixture, true);
    tempDirs.push(copy);
    const expected = pythonDump(path.join(copy, 'runs.swanlab'));
    const { db } = (await readRunsDb(fixturePath(fixture)))!;
    const actual = asTableDump(db);
    for (const table of Object.keys(expected)) expect(actual[table].length, table).toBe(expected[table].length);
    expect(actual.experiment).toEqual(expected.experiment);
    expect(actual).toEqual(expected);
  });
});

describe('readRunsDb and the WAL', () => {
  it('swanlog-0.4.12: the main file alone has fewer experiments than with its WAL', async () => {
    const dir = fixturePath('swanlog-0.4.12');
    const main = fs.readFileSync(path.join(dir, 'runs.swanlab'));
    const wal = fs.readFileSync(path.join(dir, 'runs.swanlab-wal'));
    const alone = await readRunsDbImage(applyWal(main, null).image, 'main only');
    const replayed = await readRunsDbImage(applyWal(main, wal).image, 'with WAL');
    expect(alone.db.experiments.length).toBeLessThan(replayed.db.experiments.length);
    expect(replayed.db.experiments).toHaveLength(3);
    expect(alone.db.experiments.map((e) => e.name)).not.toContain('lr0.05-killed');
  });
});

// An "old" database: no tag.folder column, no source table.
const OLD_SCHEMA = `
CREATE TABLE "project" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(100) NOT NULL, "description" VARCHAR(255), "sum" INTEGER, "charts" INTEGER NOT NULL, "pinned_opened" INTEGER NOT NULL, "hidden_opened" INTEGER NOT NULL, "more" VARCHAR(255), "version" VARCHAR(30) NOT NULL, "create_time" VARCHAR(30) NOT NULL, "update_time" VARCHAR(30) NOT NULL);
CREATE TABLE "experiment" ("id" INTEGER NOT NULL PRIMARY KEY, "project_id" INTEGER NOT NULL, "run_id" TEXT NOT NULL, "name" VARCHAR(100) NOT NULL, "description" VARCHAR(255), "sort" INTEGER NOT NULL, "status" INTEGER NOT NULL, "show" INTEGER NOT NULL, "light" VARCHAR(20), "dark" VARCHAR(20), "pinned_opened" INTEGER NOT NULL, "hidden_opened" INTEGER NOT NULL, "more" TEXT, "version" VARCHAR(30) NOT NULL, "create_time" VARCHAR(30) NOT NULL, "finish_time" VARCHAR(30), "update_time" VARCHAR(30) NOT NULL);
CREATE TABLE "tag" ("id" INTEGER NOT NULL PRIMARY KEY, "experiment_id" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "type" VARCHAR(10) NOT NULL, "description" VARCHAR(100), "system" INTEGER NOT NULL, "sort" INTEGER NOT NULL, "more" TEXT, "create_time" VARCHAR(30) NOT NULL, "update_time" VARCHAR(30) NOT NULL);
CREATE TABLE "chart" ("id" INTEGER NOT NULL PRIMARY KEY, "experiment_id" INTEGER, "project_id" INTEGER, "name" VARCHAR(100) NOT NULL, "description" VARCHAR(255), "system" INTEGER NOT NULL, "type" VARCHAR(10) NOT NULL, "reference" VARCHAR(10) NOT NULL, "status" INTEGER NOT NULL, "sort" INTEGER, "config" TEXT, "more" TEXT, "create_time" VARCHAR(30) NOT NULL, "update_time" VARCHAR(30) NOT NULL);
CREATE TABLE "namespace" ("id" INTEGER NOT NULL PRIMARY KEY, "experiment_id" INTEGER, "project_id" INTEGER, "name" VARCHAR(100) NOT NULL, "description" VARCHAR(255), "sort" INTEGER NOT NULL, "opened" INTEGER NOT NULL, "more" TEXT, "create_time" VARCHAR(30) NOT NULL, "update_time" VARCHAR(30) NOT NULL);
CREATE TABLE "display" ("id" INTEGER NOT NULL PRIMARY KEY, "chart_id" INTEGER NOT NULL, "namespace_id" INTEGER NOT NULL, "sort" INTEGER NOT NULL, "more" TEXT, "create_time" VARCHAR(30) NOT NULL, "update_time" VARCHAR(30) NOT NULL);
INSERT INTO project VALUES (1, 'old-project', NULL, 1, 0, 1, 0, '', '0.3.5', '2024-05-01T00:00:00+00:00', '2024-05-01T00:00:00+00:00');
INSERT INTO experiment VALUES (1, 1, 'run-20240501_000000-abcdef12', 'exp', NULL, 1, 1, 1, '#528d59', '#528d59', 1, 0, NULL, '0.3.5', '2024-05-01T00:00:00+00:00', '2024-05-01T00:10:00+00:00', '2024-05-01T00:10:00+00:00');
INSERT INTO tag VALUES (2, 1, 'train/loss (avg)*', 'line', NULL, 0, 1, NULL, 't', 't');
INSERT INTO tag VALUES (1, 1, '训练/损失', 'line', NULL, 0, 0, NULL, 't', 't');
`;

async function imageFromSql(sql: string): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.run(sql);
  const image = db.export();
  db.close();
  return image;
}

describe('readRunsDb on unusual folders', () => {
  it('returns null when there is no runs.swanlab', async () => {
    expect(await readRunsDb(fixturePath('swanlog-0.7.20-offline'))).toBeNull();
    expect(await readRunsDb(tempDir('none'))).toBeNull();
  });

  it('tolerates an old schema: missing table and tag.folder derived from the name', async () => {
    const dir = tempDir('old');
    fs.writeFileSync(path.join(dir, 'runs.swanlab'), await imageFromSql(OLD_SCHEMA));
    const result = (await readRunsDb(dir))!;
    expect(result.walFramesApplied).toBe(0);
    expect(result.db.sources).toEqual([]);
    expect(result.db.project?.name).toBe('old-project');
    expect(result.db.tags.map((tag) => [tag.id, tag.folder])).toEqual([
      [1, '%E8%AE%AD%E7%BB%83%2F%E6%8D%9F%E5%A4%B1'],
      [2, 'train%2Floss%20%28avg%29%2A'],
    ]);
    expect(result.notes).toEqual(['table "tag" lacks column(s) folder', 'table "source" is missing']);
  });

  it('fills a NULL tag.folder from the name', async () => {
    const image = await imageFromSql(
      `CREATE TABLE "tag" ("id" INTEGER NOT NULL PRIMARY KEY, "experiment_id" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "folder" VARCHAR(255), "type" VARCHAR(10) NOT NULL, "description" VARCHAR(100), "system" INTEGER NOT NULL, "sort" INTEGER NOT NULL, "more" TEXT, "create_time" VARCHAR(30) NOT NULL, "update_time" VARCHAR(30) NOT NULL);
       INSERT INTO tag VALUES (1, 1, 'a/b', NULL, 'line', NULL, 0, 0, NULL, 't', 't'), (2, 1, 'c/d', '7', 'line', NULL, 0, 1, NULL, 't', 't');`,
    );
    const { db } = await readRunsDbImage(image, 'x');
    expect(db.tags.map((tag) => tag.folder)).toEqual(['a%2Fb', '7']);
  });

  it('reads the rows from the WAL alone when runs.swanlab is missing', async () => {
    const dir = tempDir('walonly');
    const image = await imageFromSql(OLD_SCHEMA);
    fs.writeFileSync(path.join(dir, 'runs.swanlab-wal'), buildWal(transactionFrames(new Uint8Array(0), image, 4096), { pageSize: 4096 }));
    const result = (await readRunsDb(dir))!;
    expect(result.db.experiments.map((e) => e.name)).toEqual(['exp']);
    expect(result.notes).toContain('runs.swanlab is missing; rows come from runs.swanlab-wal alone');
  });

  it('reports an empty runs.swanlab without failing', async () => {
    const dir = tempDir('empty');
    fs.writeFileSync(path.join(dir, 'runs.swanlab'), '');
    const result = (await readRunsDb(dir))!;
    expect(result.db.experiments).toEqual([]);
    expect(result.notes).toEqual([`${path.join(dir, 'runs.swanlab')} is empty`]);
  });

  it('throws an error naming the path for a corrupt database', async () => {
    const dir = tempDir('corrupt');
    const file = path.join(dir, 'runs.swanlab');
    fs.writeFileSync(file, Buffer.alloc(8192, 'not sqlite '));
    await expect(readRunsDb(dir)).rejects.toThrow(`${file}: cannot read the SQLite database (file is not a database)`);

    // a real database whose pages were cut off
    const image = await imageFromSql(OLD_SCHEMA);
    fs.writeFileSync(file, image.subarray(0, 4096));
    await expect(readRunsDb(dir)).rejects.toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read`));
  });
});

describe('readRunsDb while a writer changes the files', () => {
  it('reads again when the WAL changed during the read', async () => {
    const dir = fixturePath('swanlog-0.9.7');
    const once = fs.statSync(path.join(dir, 'runs.swanlab')).size + fs.statSync(path.join(dir, 'runs.swanlab-wal')).size;
    const realStat = fs.promises.stat;
    let calls = 0;
    vi.spyOn(fs.promises, 'stat').mockImplementation(async (file, options) => {
      const stat = await realStat(file, options as undefined);
      calls++;
      // the 3rd stat of an attempt is the WAL after the read: pretend it grew during the first attempt
      if (calls === 3) return Object.assign(Object.create(Object.getPrototypeOf(stat)), stat, { mtimeMs: stat.mtimeMs + 1 });
      return stat;
    });
    const result = (await readRunsDb(dir))!;
    expect(result.bytesRead).toBe(2 * once);
    expect(result.notes).toEqual([]);
    expect(result.db.experiments).toHaveLength(3);
  });

  it('gives up after 3 retries and says so', async () => {
    const dir = fixturePath('swanlog-0.9.7');
    const once = fs.statSync(path.join(dir, 'runs.swanlab')).size + fs.statSync(path.join(dir, 'runs.swanlab-wal')).size;
    const realStat = fs.promises.stat;
    let tick = 0;
    vi.spyOn(fs.promises, 'stat').mockImplementation(async (file, options) => {
      const stat = await realStat(file, options as undefined);
      return Object.assign(Object.create(Object.getPrototypeOf(stat)), stat, { mtimeMs: stat.mtimeMs + tick++ });
    });
    const result = (await readRunsDb(dir))!;
    expect(result.bytesRead).toBe(4 * once);
    expect(result.notes).toEqual(['runs.swanlab kept changing while it was read; rows may be incomplete']);
  });
});
