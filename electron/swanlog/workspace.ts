import { EventEmitter } from 'node:events';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RunIssue } from '../../shared/domain';
import { discoverSwanlogs, isRunDirName, type SwanlogRoot } from './discover';
import { LocalRun, type RunDelta } from './run/localRun';
import { readRunsDb, RUNS_DB_FILE, type RunsDb } from './sqlite/runsDb';

/** One swanlog folder with its (optional) runs.swanlab rows and its runs. */
export interface LoadedRoot {
  root: SwanlogRoot;
  db: RunsDb | null;
  /** Why runs.swanlab could not be read (the runs are still shown from their folders). */
  dbIssue: RunIssue | null;
  runs: LocalRun[];
  dbStamp: string;
}

export interface WorkspaceChange {
  newRuns: string[];
  runs: RunDelta[];
}

export interface WorkspaceEvents {
  change: [WorkspaceChange];
  error: [Error];
}

async function stamp(file: string): Promise<string> {
  const s = await fs.stat(file).catch(() => null);
  return s ? `${s.size}:${s.mtimeMs}` : '-';
}

async function dbStamp(dir: string): Promise<string> {
  const db = path.join(dir, RUNS_DB_FILE);
  return `${await stamp(db)}|${await stamp(db + '-wal')}`;
}

/**
 * Everything the user opened: one or several swanlog roots. Read-only; `refresh()` picks up
 * new runs, new DB rows and appended data, and emits a change feed for the UI.
 */
export class LocalWorkspace extends EventEmitter<WorkspaceEvents> {
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<WorkspaceChange> | null = null;

  private constructor(readonly target: string, readonly roots: LoadedRoot[], private readonly clock: () => number) {
    super();
  }

  static async open(target: string, clock: () => number = Date.now): Promise<LocalWorkspace> {
    const found = await discoverSwanlogs(target);
    const ws = new LocalWorkspace(path.resolve(target), found.map((root) => ({ root, db: null, dbIssue: null, runs: [], dbStamp: '' })), clock);
    await ws.refresh();
    return ws;
  }

  get runs(): LocalRun[] {
    return this.roots.flatMap((r) => r.runs);
  }

  run(id: string): LocalRun | undefined {
    return this.runs.find((r) => r.id === id);
  }

  /** Reads whatever changed since the last call (everything on the first call). */
  refresh(): Promise<WorkspaceChange> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<WorkspaceChange> {
    const change: WorkspaceChange = { newRuns: [], runs: [] };
    for (const loaded of this.roots) {
      await this.refreshDb(loaded);
      change.newRuns.push(...(await this.addNewRuns(loaded)));
      for (const run of loaded.runs) {
        const rows = this.dbRowsFor(loaded, run.id);
        run.applyDb(rows.row, rows.tags);
        const d = await run.refresh().catch((e: Error) => run.failed(e));
        if (d.newKeys.length || d.grownKeys.length || d.consoleLines || d.statusChanged) change.runs.push(d);
      }
    }
    if (change.newRuns.length || change.runs.length) this.emit('change', change);
    return change;
  }

  private async refreshDb(loaded: LoadedRoot): Promise<void> {
    if (!loaded.root.hasDb && loaded.db === null) {
      loaded.root.hasDb = (await stamp(path.join(loaded.root.dir, RUNS_DB_FILE))) !== '-';
      if (!loaded.root.hasDb) return;
    }
    const s = await dbStamp(loaded.root.dir);
    if (s === loaded.dbStamp) return;
    loaded.dbStamp = s;
    try {
      loaded.db = (await readRunsDb(loaded.root.dir))?.db ?? null;
      loaded.dbIssue = null;
    } catch (e) {
      loaded.dbIssue = { path: path.join(loaded.root.dir, RUNS_DB_FILE), reason: (e as Error).message };
    }
  }

  private dbRowsFor(loaded: LoadedRoot, runId: string) {
    const row = loaded.db?.experiments.find((e) => e.run_id === runId) ?? null;
    const tags = row ? loaded.db!.tags.filter((t) => t.experiment_id === row.id).sort((a, b) => a.sort - b.sort || a.id - b.id) : [];
    return { row, tags };
  }

  /** Run folders that appeared, plus DB rows whose folder is gone (shown with an issue). */
  private async addNewRuns(loaded: LoadedRoot): Promise<string[]> {
    const known = new Set(loaded.runs.map((r) => r.id));
    let dirs = loaded.root.runDirs;
    if (!loaded.root.singleRun) {
      const names = await fs.readdir(loaded.root.dir, { withFileTypes: true }).catch(() => []);
      dirs = names.filter((e) => e.isDirectory() && isRunDirName(e.name)).map((e) => path.join(loaded.root.dir, e.name));
      for (const row of loaded.db?.experiments ?? []) {
        const dir = path.join(loaded.root.dir, row.run_id);
        if (!dirs.includes(dir)) dirs.push(dir);
      }
    }
    const added: string[] = [];
    for (const dir of dirs.sort()) {
      const id = path.basename(dir);
      if (known.has(id)) continue;
      const rows = this.dbRowsFor(loaded, id);
      loaded.runs.push(new LocalRun(dir, rows.row, rows.tags, this.clock));
      added.push(id);
    }
    loaded.runs.sort((a, b) => a.id.localeCompare(b.id));
    return added;
  }

  /** Polls for appended data every `intervalMs` (fs.watch misses writes on network drives). */
  watch(intervalMs = 1000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.refresh().catch((e) => this.emit('error', e as Error));
    }, intervalMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
