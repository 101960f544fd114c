import { EventEmitter } from 'node:events';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RunIssue } from '../../shared/domain';
import { discoverSwanlogs, isRunDirName, type SwanlogRoot } from './discover';
import { defaultPoolSize, defaultWorkerScript, FolderReadPool, type FolderReadPoolOptions } from './legacy/folderReadPool';
import { DEFAULT_LIMITS, LoadScheduler, type LoadPriority, type SchedulerLimits } from './loadScheduler';
import { LocalRun, type RunDelta } from './run/localRun';
import { DEFAULT_OPEN_OPTIONS, type RunOpenOptions } from './run/recordSource';
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

export interface WorkspaceOptions {
  clock?: () => number;
  /** How much of each run is read at open (see RunOpenOptions). */
  open?: Partial<RunOpenOptions>;
  scheduler?: Partial<SchedulerLimits>;
  /** Worker threads for the first read of metric folders (size 0: on the main thread). */
  readers?: Partial<FolderReadPoolOptions>;
}

/** Runs opened (or refreshed) at the same time: their reads overlap, the CPU work is small. */
const RUN_CONCURRENCY = 8;
/** While watching, runs that ended (finished, crashed, killed …) are looked at on every this many polls only. */
const ENDED_EVERY = 10;
/** Background reads start this long after watching starts: the first page's requests come first. */
const BACKGROUND_AFTER_MS = 3000;

async function eachLimited<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
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
 *
 * Opening reads each run's metadata, not its points (LocalRun): runs, statuses, keys and issues
 * are known at once, a metric's points are read when first asked for. `watch()` (a viewer
 * session) also reads the big record files in the background, at the lowest priority of the
 * shared LoadScheduler; without it (export, tests) everything is read on demand only.
 */
export class LocalWorkspace extends EventEmitter<WorkspaceEvents> {
  private timer: NodeJS.Timeout | null = null;
  private backgroundTimer: NodeJS.Timeout | null = null;
  private refreshing: Promise<WorkspaceChange> | null = null;
  private background = false;
  private closed = false;
  readonly scheduler: LoadScheduler;
  private readonly clock: () => number;
  private readonly openOptions: RunOpenOptions;
  private readonly readers: FolderReadPool;

  private constructor(readonly target: string, readonly roots: LoadedRoot[], options: WorkspaceOptions) {
    super();
    this.clock = options.clock ?? Date.now;
    this.openOptions = { ...DEFAULT_OPEN_OPTIONS, ...options.open };
    this.scheduler = new LoadScheduler({ ...DEFAULT_LIMITS, ...options.scheduler });
    this.readers = new FolderReadPool({
      size: defaultPoolSize(),
      script: defaultWorkerScript(),
      log: (msg) => process.stderr.write(`swanview: ${msg}\n`),
      ...options.readers,
    });
  }

  /** `options` may be a clock (ms since epoch) for tests. */
  static async open(target: string, options: WorkspaceOptions | (() => number) = {}): Promise<LocalWorkspace> {
    const opts = typeof options === 'function' ? { clock: options } : options;
    const found = await discoverSwanlogs(target);
    const ws = new LocalWorkspace(path.resolve(target), found.map((root) => ({ root, db: null, dbIssue: null, runs: [], dbStamp: '' })), opts);
    await ws.refresh();
    return ws;
  }

  get runs(): LocalRun[] {
    return this.roots.flatMap((r) => r.runs);
  }

  run(id: string): LocalRun | undefined {
    return this.runs.find((r) => r.id === id);
  }

  /**
   * Reads whatever changed since the last call (everything on the first call). `endedToo` false:
   * runs that ended are left for a later call (a big folder of finished runs costs a stat per
   * loaded metric; the SDK appends to an ended run only when it is resumed).
   */
  refresh(endedToo = true): Promise<WorkspaceChange> {
    this.refreshing ??= this.doRefresh(endedToo).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(endedToo: boolean): Promise<WorkspaceChange> {
    const change: WorkspaceChange = { newRuns: [], runs: [] };
    for (const loaded of this.roots) {
      await this.refreshDb(loaded);
      const added = await this.addNewRuns(loaded);
      change.newRuns.push(...added);
      const deltas: (RunDelta | null)[] = new Array(loaded.runs.length).fill(null);
      await eachLimited(loaded.runs, RUN_CONCURRENCY, async (run, i) => {
        if (!endedToo && run.ended) return;
        const rows = this.dbRowsFor(loaded, run.id);
        run.applyDb(rows.row, rows.tags);
        deltas[i] = await run.refresh().catch((e: Error) => run.failed(e));
      });
      for (const d of deltas) if (d && (d.newKeys.length || d.grownKeys.length || d.consoleLines || d.statusChanged)) change.runs.push(d);
      if (this.background) for (const id of added) this.scanInBackground(loaded.runs.find((r) => r.id === id)!);
    }
    if (change.newRuns.length || change.runs.length) this.emit('change', change);
    return change;
  }

  /** What a run found outside of refresh() (keys met by a background read, a status it settled). */
  private readonly notifyRun = (delta: RunDelta): void => {
    if (!this.closed) this.emit('change', { newRuns: [], runs: [delta] });
  };

  /** Announces keys whose series got better without growing (a preview replaced by the read series). */
  announce(change: WorkspaceChange): void {
    if (!this.closed && (change.newRuns.length || change.runs.length)) this.emit('change', change);
  }

  /** A failed background read is reported to 'error' listeners (if any); a later request reads again. */
  private scanInBackground(run: LocalRun): void {
    run.scan('background').catch((e: Error) => {
      if (!this.closed && this.listenerCount('error') > 0) this.emit('error', e);
    });
  }

  /**
   * Reads every run completely: record files and every metric (what opening did before it was
   * lazy). For exports of everything, benchmarks and tests.
   */
  async loadAll(priority: LoadPriority = 'request'): Promise<void> {
    await eachLimited(this.runs, 2, (run) => run.loadAll(priority));
  }

  /** Resolves once every run's keys, console and media are complete (their record files read). */
  async ready(runs: LocalRun[] = this.runs): Promise<void> {
    await Promise.all(runs.map((r) => r.ready()));
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
      loaded.runs.push(new LocalRun(dir, rows.row, rows.tags, this.clock, this.scheduler, this.notifyRun, this.openOptions, this.readers.read));
      added.push(id);
    }
    loaded.runs.sort((a, b) => a.id.localeCompare(b.id));
    return added;
  }

  /**
   * Polls for appended data every `intervalMs` (fs.watch misses writes on network drives), and
   * reads the big record files in the background (keys, counts, console), one at a time, when
   * nothing else is asked for.
   */
  watch(intervalMs = 1000, backgroundAfterMs = BACKGROUND_AFTER_MS): void {
    if (this.timer) return;
    this.backgroundTimer = setTimeout(() => {
      this.backgroundTimer = null;
      this.background = true;
      for (const run of this.runs) this.scanInBackground(run);
    }, backgroundAfterMs);
    this.backgroundTimer.unref();
    let polls = 0;
    this.timer = setInterval(() => {
      this.refresh(++polls % ENDED_EVERY === 0).catch((e) => this.emit('error', e as Error));
    }, intervalMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.backgroundTimer) clearTimeout(this.backgroundTimer);
    this.timer = null;
    this.backgroundTimer = null;
    this.closed = true;
    this.background = false;
    for (const run of this.runs) run.close();
    this.scheduler.close();
    void this.readers.close();
  }
}
