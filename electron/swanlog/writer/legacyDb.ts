/**
 * `runs.swanlab` (generation A metadata DB) written with sql.js, rows shaped like the ones
 * swanboard 0.1.10b2 creates for the SDK 0.9.7 local-mode shim (all namespaces `default`,
 * one experiment chart + project chart per key). The file is written with `db.export()`, i.e.
 * a plain rollback-journal database (no WAL), atomically via a temp file + rename.
 *
 * One instance per swanlog root per process; before every change it reloads the file when
 * somebody else rewrote it, so several writers in one process share it safely.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import initSqlJs from 'sql.js';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { isoUtc, type Micros } from './pyTime';

export const DB_FILE = 'runs.swanlab';

// Exact DDL of swanboard (format doc §4.1).
const DDL = `
CREATE TABLE IF NOT EXISTS "project" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(100) NOT NULL, "description" VARCHAR(255), "sum" INTEGER, "charts" INTEGER NOT NULL, "pinned_opened" INTEGER NOT NULL, "hidden_opened" INTEGER NOT NULL, "more" VARCHAR(255), "version" VARCHAR(30) NOT NULL, "create_time" VARCHAR(30) NOT NULL, "update_time" VARCHAR(30) NOT NULL);
CREATE UNIQUE INDEX "project_name" ON "project" ("name");
CREATE TABLE IF NOT EXISTS "experiment" ("id" INTEGER NOT NULL PRIMARY KEY, "project_id" INTEGER NOT NULL, "run_id" TEXT NOT NULL, "name" VARCHAR(100) NOT NULL, "description" VARCHAR(255), "sort" INTEGER NOT NULL, "status" INTEGER NOT NULL, "show" INTEGER NOT NULL, "light" VARCHAR(20), "dark" VARCHAR(20), "pinned_opened" INTEGER NOT NULL, "hidden_opened" INTEGER NOT NULL, "more" TEXT, "version" VARCHAR(30) NOT NULL, "create_time" VARCHAR(30) NOT NULL, "finish_time" VARCHAR(30), "update_time" VARCHAR(30) NOT NULL, FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CHECK (sort >= 0));
CREATE INDEX "experiment_project_id" ON "experiment" ("project_id");
CREATE UNIQUE INDEX "experiment_run_id" ON "experiment" ("run_id");
CREATE UNIQUE INDEX "experiment_name_project_id" ON "experiment" ("name", "project_id");
CREATE UNIQUE INDEX "experiment_sort_project_id" ON "experiment" ("sort", "project_id");
CREATE TABLE IF NOT EXISTS "chart" ("id" INTEGER NOT NULL PRIMARY KEY, "experiment_id" INTEGER, "project_id" INTEGER, "name" VARCHAR(100) NOT NULL, "description" VARCHAR(255), "system" INTEGER NOT NULL, "type" VARCHAR(10) NOT NULL, "reference" VARCHAR(10) NOT NULL, "status" INTEGER NOT NULL, "sort" INTEGER, "config" TEXT, "more" TEXT, "create_time" VARCHAR(30) NOT NULL, "update_time" VARCHAR(30) NOT NULL, FOREIGN KEY ("experiment_id") REFERENCES "experiment" ("id") ON DELETE CASCADE ON UPDATE CASCADE, FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CHECK ((project_id IS NULL AND experiment_id IS NOT NULL) OR (project_id IS NOT NULL AND experiment_id IS NULL)));
CREATE INDEX "chart_experiment_id" ON "chart" ("experiment_id");
CREATE INDEX "chart_project_id" ON "chart" ("project_id");
CREATE UNIQUE INDEX "chart_name_experiment_id" ON "chart" ("name", "experiment_id");
CREATE UNIQUE INDEX "chart_name_project_id" ON "chart" ("name", "project_id");
CREATE TABLE IF NOT EXISTS "namespace" ("id" INTEGER NOT NULL PRIMARY KEY, "experiment_id" INTEGER, "project_id" INTEGER, "name" VARCHAR(100) NOT NULL, "description" VARCHAR(255), "sort" INTEGER NOT NULL, "opened" INTEGER NOT NULL, "more" TEXT, "create_time" VARCHAR(30) NOT NULL, "update_time" VARCHAR(30) NOT NULL, FOREIGN KEY ("experiment_id") REFERENCES "experiment" ("id") ON DELETE CASCADE ON UPDATE CASCADE, FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CHECK ((project_id IS NULL AND experiment_id IS NOT NULL) OR (project_id IS NOT NULL AND experiment_id IS NULL)), CHECK (sort >= 0));
CREATE INDEX "namespace_experiment_id" ON "namespace" ("experiment_id");
CREATE INDEX "namespace_project_id" ON "namespace" ("project_id");
CREATE UNIQUE INDEX "namespace_name_experiment_id" ON "namespace" ("name", "experiment_id");
CREATE UNIQUE INDEX "namespace_name_project_id" ON "namespace" ("name", "project_id");
CREATE TABLE IF NOT EXISTS "display" ("id" INTEGER NOT NULL PRIMARY KEY, "chart_id" INTEGER NOT NULL, "namespace_id" INTEGER NOT NULL, "sort" INTEGER NOT NULL, "more" TEXT, "create_time" VARCHAR(30) NOT NULL, "update_time" VARCHAR(30) NOT NULL, FOREIGN KEY ("chart_id") REFERENCES "chart" ("id") ON DELETE CASCADE ON UPDATE CASCADE, FOREIGN KEY ("namespace_id") REFERENCES "namespace" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CHECK (sort >= 0));
CREATE INDEX "display_chart_id" ON "display" ("chart_id");
CREATE INDEX "display_namespace_id" ON "display" ("namespace_id");
CREATE UNIQUE INDEX "display_chart_id_namespace_id" ON "display" ("chart_id", "namespace_id");
CREATE TABLE IF NOT EXISTS "tag" ("id" INTEGER NOT NULL PRIMARY KEY, "experiment_id" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "folder" VARCHAR(255), "type" VARCHAR(10) NOT NULL, "description" VARCHAR(100), "system" INTEGER NOT NULL, "sort" INTEGER NOT NULL, "more" TEXT, "create_time" VARCHAR(30) NOT NULL, "update_time" VARCHAR(30) NOT NULL, FOREIGN KEY ("experiment_id") REFERENCES "experiment" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
CREATE INDEX "tag_experiment_id" ON "tag" ("experiment_id");
CREATE UNIQUE INDEX "tag_name_experiment_id" ON "tag" ("name", "experiment_id");
CREATE TABLE IF NOT EXISTS "source" ("id" INTEGER NOT NULL PRIMARY KEY, "tag_id" INTEGER NOT NULL, "chart_id" INTEGER NOT NULL, "sort" INTEGER NOT NULL, "error" TEXT, "more" TEXT, "create_time" VARCHAR(30) NOT NULL, "update_time" VARCHAR(30) NOT NULL, FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE, FOREIGN KEY ("chart_id") REFERENCES "chart" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
CREATE INDEX "source_tag_id" ON "source" ("tag_id");
CREATE INDEX "source_chart_id" ON "source" ("chart_id");
CREATE UNIQUE INDEX "source_tag_id_chart_id" ON "source" ("tag_id", "chart_id");
`;

/** Chart types the local shim stores (other column types get no DB rows). */
export type TagType = 'line' | 'image' | 'audio' | 'text';

/** `experiment.status`: 0 running, 1 finished, -1 crashed/aborted. */
export type ExperimentStatus = 0 | 1 | -1;

export interface NewExperiment {
  project: string;
  /** Run folder name (`run_id` column). */
  runFolder: string;
  name: string;
  description: string;
  color: string;
  sdkVersion: string;
  time: Micros;
}

export interface NewTag {
  name: string;
  type: TagType;
  folder: string;
}

let sqlPromise: Promise<SqlJsStatic> | null = null;

function loadSql(): Promise<SqlJsStatic> {
  if (!sqlPromise) sqlPromise = initSqlJs();
  return sqlPromise;
}

const instances = new Map<string, LegacyDb>();

export class LegacyDb {
  private db: Database | null = null;
  /** Size+mtime of the file as we last wrote or read it, to notice outside rewrites. */
  private seen = '';

  private constructor(
    private readonly SQL: SqlJsStatic,
    readonly file: string,
  ) {}

  /** The shared handle for `<root>/runs.swanlab` (created on first change). */
  static async forRoot(root: string): Promise<LegacyDb> {
    const file = path.resolve(root, DB_FILE);
    let inst = instances.get(file);
    if (!inst) {
      inst = new LegacyDb(await loadSql(), file);
      instances.set(file, inst);
    }
    return inst;
  }

  /** Current contents as read-only rows (tests, resuming a run). */
  query(sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
    const db = this.current();
    const stmt = db.prepare(sql, params);
    const rows: Record<string, SqlValue>[] = [];
    while (stmt.step()) rows.push(stmt.getAsObject());
    stmt.free();
    return rows;
  }

  /** Creates the project row (first call names it, like `Project.init`) and the experiment row. */
  createExperiment(e: NewExperiment): { id: number; name: string } {
    return this.change((db) => {
      const t = isoUtc(e.time);
      const project = one(db, 'SELECT id FROM project ORDER BY id LIMIT 1');
      let projectId: number;
      if (project) projectId = Number(project.id);
      else {
        db.run(
          `INSERT INTO project (name, description, sum, charts, pinned_opened, hidden_opened, more, version, create_time, update_time)
           VALUES (?, NULL, 0, 0, 1, 0, '', ?, ?, ?)`,
          [e.project, e.sdkVersion, t, t],
        );
        projectId = lastId(db);
      }
      const name = uniqueName(db, projectId, e.name);
      const sort = Number(one(db, 'SELECT COALESCE(MAX(sort), 0) + 1 AS s FROM experiment WHERE project_id = ?', [projectId])!.s);
      db.run('UPDATE project SET sum = COALESCE(sum, 0) + 1, update_time = ? WHERE id = ?', [t, projectId]);
      db.run(
        `INSERT INTO experiment (project_id, run_id, name, description, sort, status, show, light, dark, pinned_opened,
           hidden_opened, more, version, create_time, finish_time, update_time)
         VALUES (?, ?, ?, ?, ?, 0, 1, ?, ?, 1, 0, '', ?, ?, NULL, ?)`,
        [projectId, e.runFolder, name, e.description, sort, e.color, e.color, e.sdkVersion, isoUtc(e.time + 7), isoUtc(e.time + 9)],
      );
      return { id: lastId(db), name };
    });
  }

  /**
   * Rows for new keys of one experiment, in the order swanboard creates them: experiment chart,
   * namespace `default`, display, tag, source, then the shared project chart (+ project
   * namespace/display when new) and its source.
   */
  addTags(experimentId: number, tags: NewTag[], time: Micros): void {
    if (!tags.length) return;
    this.change((db) => {
      let t = time;
      const stamp = () => isoUtc((t += 3));
      const projectId = Number(one(db, 'SELECT project_id FROM experiment WHERE id = ?', [experimentId])!.project_id);
      for (const tag of tags) {
        const created = stamp();
        db.run(
          `INSERT INTO chart (experiment_id, project_id, name, description, system, type, reference, status, sort, config, more, create_time, update_time)
           VALUES (?, NULL, ?, NULL, 1, ?, 'step', 0, NULL, NULL, NULL, ?, ?)`,
          [experimentId, tag.name, tag.type, created, stamp()],
        );
        const chartId = lastId(db);
        const nsId = ensureNamespace(db, 'experiment_id', experimentId, stamp);
        addDisplay(db, chartId, nsId, stamp);
        const tagSort = Number(one(db, 'SELECT COUNT(*) AS n FROM tag WHERE experiment_id = ?', [experimentId])!.n);
        db.run(
          `INSERT INTO tag (experiment_id, name, folder, type, description, system, sort, more, create_time, update_time)
           VALUES (?, ?, ?, ?, '', 0, ?, NULL, ?, ?)`,
          [experimentId, tag.name, tag.folder, tag.type, tagSort, stamp(), stamp()],
        );
        const tagId = lastId(db);
        addSource(db, tagId, chartId, stamp);
        this.addProjectSource(db, projectId, tag, tagId, stamp);
      }
    });
  }

  /** End of a run: status 1 finished / -1 crashed or aborted, `finish_time` = `update_time`. */
  finishExperiment(experimentId: number, status: ExperimentStatus, time: Micros): void {
    this.change((db) => {
      db.run('UPDATE experiment SET status = ?, finish_time = ?, update_time = ? WHERE id = ?', [
        status,
        status === 0 ? null : isoUtc(time),
        isoUtc(time + 18),
        experimentId,
      ]);
    });
  }

  /** Multi-experiment chart of the project (`add_multi_chart`); skipped on a type clash. */
  private addProjectSource(db: Database, projectId: number, tag: NewTag, tagId: number, stamp: () => string): void {
    const existing = one(db, 'SELECT id, type FROM chart WHERE project_id = ? AND name = ?', [projectId, tag.name]);
    let chartId: number;
    if (existing) {
      if (existing.type !== tag.type) return;
      chartId = Number(existing.id);
    } else {
      const nsId = ensureNamespace(db, 'project_id', projectId, stamp);
      const created = stamp();
      db.run(
        `INSERT INTO chart (experiment_id, project_id, name, description, system, type, reference, status, sort, config, more, create_time, update_time)
         VALUES (NULL, ?, ?, NULL, 0, ?, 'step', 0, NULL, NULL, NULL, ?, ?)`,
        [projectId, tag.name, tag.type, created, stamp()],
      );
      chartId = lastId(db);
      addDisplay(db, chartId, nsId, stamp);
      db.run('UPDATE project SET charts = 1 WHERE id = ?', [projectId]);
    }
    addSource(db, tagId, chartId, stamp);
  }

  /** Runs `fn` in a transaction on the freshest contents, then writes the file. */
  private change<T>(fn: (db: Database) => T): T {
    const db = this.current();
    db.run('BEGIN');
    let result: T;
    try {
      result = fn(db);
      db.run('COMMIT');
    } catch (err) {
      db.run('ROLLBACK');
      throw err;
    }
    this.save(db);
    return result;
  }

  private current(): Database {
    const stat = statKey(this.file);
    if (this.db && stat === this.seen) return this.db;
    this.db?.close();
    if (stat) {
      this.db = new this.SQL.Database(fs.readFileSync(this.file));
    } else {
      this.db = new this.SQL.Database();
      this.db.run(DDL);
    }
    this.db.run('PRAGMA foreign_keys = ON');
    this.seen = stat;
    return this.db;
  }

  private save(db: Database): void {
    const bytes = db.export();
    db.run('PRAGMA foreign_keys = ON'); // export() reopens the database and resets pragmas
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, this.file);
    this.seen = statKey(this.file);
  }
}

function statKey(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return '';
  }
}

function one(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue> | null {
  const stmt = db.prepare(sql, params);
  const row = stmt.step() ? stmt.getAsObject() : null;
  stmt.free();
  return row;
}

function lastId(db: Database): number {
  return Number(one(db, 'SELECT last_insert_rowid() AS id')!.id);
}

/** Experiment names are unique per project: the SDK appends `-1`, `-2`, … on collision. */
function uniqueName(db: Database, projectId: number, wanted: string): string {
  const taken = (n: string) => !!one(db, 'SELECT 1 FROM experiment WHERE project_id = ? AND name = ?', [projectId, n]);
  if (!taken(wanted)) return wanted;
  for (let i = 1; ; i++) if (!taken(`${wanted}-${i}`)) return `${wanted}-${i}`;
}

function ensureNamespace(db: Database, owner: 'experiment_id' | 'project_id', ownerId: number, stamp: () => string): number {
  const row = one(db, `SELECT id FROM namespace WHERE ${owner} = ? AND name = 'default'`, [ownerId]);
  if (row) return Number(row.id);
  const expId = owner === 'experiment_id' ? ownerId : null;
  const projId = owner === 'project_id' ? ownerId : null;
  db.run(
    `INSERT INTO namespace (experiment_id, project_id, name, description, sort, opened, more, create_time, update_time)
     VALUES (?, ?, 'default', NULL, 0, 1, NULL, ?, ?)`,
    [expId, projId, stamp(), stamp()],
  );
  return lastId(db);
}

function addDisplay(db: Database, chartId: number, nsId: number, stamp: () => string): void {
  const sort = Number(one(db, 'SELECT COUNT(*) AS n FROM display WHERE namespace_id = ?', [nsId])!.n);
  db.run(`INSERT INTO display (chart_id, namespace_id, sort, more, create_time, update_time) VALUES (?, ?, ?, '', ?, ?)`, [
    chartId,
    nsId,
    sort,
    stamp(),
    stamp(),
  ]);
}

function addSource(db: Database, tagId: number, chartId: number, stamp: () => string): void {
  const sort = Number(one(db, 'SELECT COUNT(*) AS n FROM source WHERE chart_id = ?', [chartId])!.n);
  db.run(`INSERT INTO source (tag_id, chart_id, sort, error, more, create_time, update_time) VALUES (?, ?, ?, '', '', ?, ?)`, [
    tagId,
    chartId,
    sort,
    stamp(),
    stamp(),
  ]);
}
