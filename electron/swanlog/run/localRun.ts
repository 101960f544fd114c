import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type {
  ConsoleLine, Generation, MediaPoint, MetricKeyInfo, MetricType, NumericSeries, RunInfo, RunIssue,
} from '../../../shared/domain';
import { sectionOf } from '../../../shared/sections';
import { parseIsoMs } from '../../../shared/time';
import { ConsoleReader } from '../legacy/console';
import { SAMPLE_WINDOWS, sampleLogFolder, type LogSample } from '../legacy/logSample';
import { LogTailProbe } from '../legacy/logTail';
import { MetricFolderReader } from '../legacy/metricFolder';
import { readRunFiles, type RunFiles } from '../legacy/runFiles';
import { RecordFileReader } from '../records/recordFile';
import { sampleRecordFile, type RecordSample } from '../records/recordSample';
import { scanRecordTail, type RecordTail } from '../records/recordTail';
import type { ExperimentRow, TagRow } from '../sqlite/runsDbTypes';
import { LoadScheduler, type LoadPriority } from '../loadScheduler';
import { resolveMediaFile } from './mediaPath';
import { decideStatus } from './runStatus';
import { servingCopy } from './servingCopy';

/** What grew in one refresh of a run (or what a background read found). */
export interface RunDelta {
  runId: string;
  newKeys: string[];
  grownKeys: string[];
  consoleLines: number;
  statusChanged: boolean;
}

/** How much of a run is read when its folder is opened (the rest is read when asked for). */
export interface RunOpenOptions {
  /** Record files up to this size are read whole at open. */
  wholeRecordBelow: number;
  /** Bytes read at open from the start of a bigger record file (start record, saved files, first columns). */
  recordHead: number;
}

export const DEFAULT_OPEN_OPTIONS: RunOpenOptions = { wholeRecordBelow: 4 * 1024 * 1024, recordHead: 64 * 1024 };

/**
 * Bytes of a record file read per scheduled step of its full read: about 50 ms of parsing when
 * someone waits for it, 7 ms in the background (a step parses without yielding, and the server
 * must stay quick to answer a page loading meanwhile: its static files, workspace.get …).
 */
const SCAN_SLICE = { preview: 8 << 20, request: 8 << 20, background: 1 << 20 } as const;

/** A coarse picture of a series, from strided reads (never the series itself). */
export interface PreviewSeries {
  series: NumericSeries;
  /** Estimated number of points of the full series. */
  total: number;
}

interface KeySources {
  info: MetricKeyInfo;
  /** logs/<folder> of generation A, when that folder exists. */
  folder: MetricFolderReader | null;
  folderName: string | null;
  /** The folder's first read finished: its points are in the reader and follow refreshes. */
  loaded: boolean;
  loading: Promise<void> | null;
  /** Class of the pending first read (raised when someone waits for it). */
  priority: LoadPriority;
  /** The folder's last point, for runs whose status depends on it while the points are not loaded. */
  probe: LogTailProbe | null;
  preview: Promise<LogSample | null> | null;
}

const RANK: Record<LoadPriority, number> = { preview: 0, request: 1, background: 2 };

const EMPTY_SERIES: NumericSeries = {
  steps: new Float64Array(0), values: new Float64Array(0), timestamps: new Float64Array(0), legacyNonFinite: false,
};

function normalizeType(t: string | null | undefined): MetricType {
  const s = (t ?? 'line').toLowerCase();
  if (s === 'default' || s === 'float' || s === 'scalar' || s === 'line') return 'line';
  return s as MetricType;
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(() => true, () => false);
}

function recordFileIn(names: string[]): string | null {
  const c = names.filter((n) => /^run-.+\.swanlab$/.test(n)).sort();
  if (c.length) return c[0];
  return names.includes('backup.swanlab') ? 'backup.swanlab' : null;
}

function newDelta(runId: string): RunDelta {
  return { runId, newKeys: [], grownKeys: [], consoleLines: 0, statusChanged: false };
}

/**
 * One run folder of any generation, assembled into the domain model, read lazily:
 *  - open (the first `refresh()`): files/, the DB's keys, the logs/ folder list, console, and of
 *    a record file either all of it (small) or its first blocks plus its tail (the finish record,
 *    lastest data time and last steps; recordTail.ts) — no metric point of a big run;
 *  - a metric's points are read when first asked for (`series`, `media`), at the scheduler's
 *    request priority; a big record file is read in the background (`scan`) or when someone
 *    needs what only it has (record-only keys, console, media, the full key list);
 *  - `preview` gives a coarse picture from strided reads while the points are being read.
 * Later `refresh()` calls cost what was appended since, for what is loaded.
 */
export class LocalRun {
  readonly id: string;
  files: RunFiles | null = null;
  private record: RecordFileReader | null = null;
  /** The record file was read to its end once: its keys, counts, console and media are complete. */
  private recordScanned = false;
  private scanning: Promise<void> | null = null;
  private scanPriority: LoadPriority = 'background';
  /** The end of a big record file, read at open (its finish record) until the full read is done. */
  private tail: RecordTail | null = null;
  private recordSample: Promise<RecordSample | null> | null = null;
  /** Reads and replacements of the record reader, one at a time. */
  private recordLock: Promise<unknown> = Promise.resolve();
  /** Keys with a logs/ folder whose record copy outgrew it: the record reader keeps their values. */
  private recordServed = new Set<string>();
  private consoleReader: ConsoleReader | null = null;
  private keySources = new Map<string, KeySources>();
  private generations = new Set<Generation>();
  private issues: RunIssue[] = [];
  private observedGrowthAt: number | null = null;
  private lastStatus: string | null = null;
  private logsNames: Set<string> | null = null;
  private closed = false;

  constructor(
    readonly dir: string,
    private dbRowValue: ExperimentRow | null,
    private dbTags: TagRow[],
    private readonly clock: () => number = Date.now,
    private readonly scheduler: LoadScheduler = new LoadScheduler(),
    /** Told what a background or on-demand read found (new keys, a changed status). */
    private readonly notify: (delta: RunDelta) => void = () => {},
    private readonly options: RunOpenOptions = DEFAULT_OPEN_OPTIONS,
  ) {
    this.id = path.basename(dir);
  }

  get dbRow(): ExperimentRow | null {
    return this.dbRowValue;
  }

  /** A newer read of runs.swanlab: status/finish time may have changed, new keys may have tags. */
  applyDb(row: ExperimentRow | null, tags: TagRow[]): void {
    this.dbRowValue = row;
    this.dbTags = tags;
  }

  /** A refresh that threw: the run stays listed with the reason; the other runs are unaffected. */
  failed(e: Error): RunDelta {
    const reason = `could not be read: ${e.message}`;
    if (!this.issues.some((i) => i.reason === reason)) this.issues.push({ path: this.dir, reason });
    this.files ??= { configRaw: null, config: null, metadataRaw: null, system: null, requirements: null, conda: null, issues: [] };
    return newDelta(this.id);
  }

  /** Stops background reads (pending ones are dropped by the scheduler). */
  close(): void {
    this.closed = true;
  }

  /** Opens the run on first call (no metric points of big runs, see the class comment), then reads what was appended. */
  async refresh(): Promise<RunDelta> {
    const first = this.files === null;
    const delta = newDelta(this.id);
    if (first) await this.openFiles();
    if (this.dbRowValue) this.generations.add('A');
    delta.newKeys.push(...(await this.addDbKeys(first)));

    if (this.record) {
      if (first) await this.readRecordAtOpen(delta);
      else if (this.recordScanned) await this.withRecordLock(() => this.refreshRecord(delta));
      else await this.refreshTail();
    }
    for (const [key, src] of this.keySources) {
      if (!src.folder || !src.loaded) continue;
      const r = await src.folder.refresh();
      if (r.added > 0 || r.rewritten) delta.grownKeys.push(key);
    }
    if (this.record && this.recordScanned && !first) {
      delta.grownKeys.push(...(await this.withRecordLock(() => this.switchFullerKeys(delta, false))));
    }
    if (this.consoleReader) delta.consoleLines += await this.consoleReader.refresh();
    const probed = await this.refreshProbes();

    if (first) {
      delta.newKeys = [...this.keySources.keys()];
      delta.grownKeys = [];
    } else {
      delta.newKeys = [...new Set(delta.newKeys)];
      delta.grownKeys = [...new Set(delta.grownKeys)];
      if (delta.grownKeys.length || delta.consoleLines || probed) this.observedGrowthAt = this.clock();
    }
    const status = this.info().status;
    delta.statusChanged = !first && status !== this.lastStatus;
    this.lastStatus = status;
    return delta;
  }

  private async openFiles(): Promise<void> {
    if (!(await exists(this.dir))) this.issues.push({ path: this.dir, reason: 'runs.swanlab lists this run but its folder is missing' });
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    this.files = await readRunFiles(this.dir);
    this.issues.push(...this.files.issues);
    const rec = recordFileIn(names);
    if (rec) {
      this.record = new RecordFileReader(path.join(this.dir, rec), this.countOnly);
      this.generations.add(rec === 'backup.swanlab' ? 'B' : 'C');
    }
    if (names.includes('console')) this.consoleReader = new ConsoleReader(this.dir);
  }

  /** A small record file is read whole; of a big one only the first blocks and the tail. */
  private async readRecordAtOpen(delta: RunDelta): Promise<void> {
    const rec = this.record!;
    const size = (await fs.stat(rec.filePath).catch(() => null))?.size ?? 0;
    if (size <= this.options.wholeRecordBelow) {
      await rec.refresh();
      this.recordScanned = true;
    } else {
      const [, tail] = await Promise.all([rec.refresh(this.options.recordHead, false), scanRecordTail(rec.filePath).catch(() => null)]);
      this.tail = tail;
      this.big = true;
    }
    for (const k of rec.content.columns.keys()) if (this.addRecordKey(k)) delta.newKeys.push(k);
  }

  /** The record reader keeps only point counts for keys that logs/ serve (one copy in memory, not two). */
  private readonly countOnly = (key: string): boolean => !!this.keySources.get(key)?.folder && !this.recordServed.has(key);

  private withRecordLock<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.recordLock.then(fn);
    this.recordLock = next.catch(() => undefined);
    return next;
  }

  private async refreshRecord(delta: RunDelta): Promise<void> {
    const d = await this.record!.refresh();
    for (const k of d.newKeys) if (this.addRecordKey(k)) delta.newKeys.push(k);
    delta.grownKeys.push(...d.grownKeys);
    delta.consoleLines += d.newLogLines;
  }

  /** Until the full read is done, a grown record file gets its tail read again (a finish record may have arrived). */
  private async refreshTail(): Promise<void> {
    const size = (await fs.stat(this.record!.filePath).catch(() => null))?.size;
    if (size === undefined || size === this.tail?.size) return;
    const tail = await scanRecordTail(this.record!.filePath).catch(() => null);
    if (tail && this.tail && tail.lastDataMs > this.tail.lastDataMs) this.observedGrowthAt = this.clock();
    if (tail) this.tail = tail;
  }

  /**
   * Reads the whole record file (once; later refreshes read what is appended) in slices, each
   * one a scheduler task of the given class; keys found on the way are announced. Resolves when
   * the file was read to its end. Calling it again with a higher class speeds up a read under way.
   */
  scan(priority: LoadPriority): Promise<void> {
    if (!this.record || this.recordScanned) return Promise.resolve();
    if (RANK[priority] < RANK[this.scanPriority]) this.scanPriority = priority;
    this.scanning ??= this.scanLoop().finally(() => {
      this.scanning = null;
    });
    return this.scanning;
  }

  private async scanLoop(): Promise<void> {
    const before = this.statusSignature();
    for (;;) {
      if (this.closed) throw new Error('the folder was closed');
      const done = await this.scheduler.run(() => this.scanPriority, () => this.withRecordLock(async () => {
        const rec = this.record!;
        const d = await rec.refresh(rec.resumeOffset + SCAN_SLICE[this.scanPriority], false);
        const delta = newDelta(this.id);
        for (const k of d.newKeys) if (this.addRecordKey(k)) delta.newKeys.push(k);
        if (delta.newKeys.length) this.notify(delta);
        return rec.reachedEnd || rec.stopped || d.bytes === 0;
      }));
      if (done) break;
    }
    await this.withRecordLock(async () => {
      for (const s of this.record!.content.scalars.values()) s.trim();
      this.recordScanned = true;
      this.tail = null;
      const delta = newDelta(this.id);
      delta.grownKeys = await this.switchFullerKeys(delta, true);
      delta.statusChanged = this.statusSignature() !== before;
      if (delta.statusChanged) this.lastStatus = this.info().status;
      if (delta.newKeys.length || delta.grownKeys.length || delta.statusChanged) this.notify(delta);
    });
  }

  /** Status, evidence and issues as the UI shows them: a change after a background read is announced. */
  private statusSignature(): string {
    const i = this.info();
    return JSON.stringify([i.status, i.statusEvidence, i.issues.length, i.finishedAt]);
  }

  /**
   * After the record file was read (or grew): keys whose record copy has more points than
   * logs/ are served from the record file from now on, which then has to be read again from the
   * start keeping their values (once per batch of keys: a killed or live run's record file is
   * ahead of logs/). Exact for loaded folders; for folders not loaded yet (when `probeUnloaded`)
   * the folder's last step is compared with the record's highest one. Returns the keys switched.
   */
  private async switchFullerKeys(delta: RunDelta, probeUnloaded: boolean): Promise<string[]> {
    const old = this.record!;
    const fuller: string[] = [];
    for (const [key, count] of old.content.scalarCounts) {
      const src = this.keySources.get(key);
      if (!src?.folder || this.recordServed.has(key)) continue;
      if (src.loaded) {
        if (servingCopy(src.folder.series().steps.length, count.distinct) === 'record') fuller.push(key);
      } else if (probeUnloaded && count.length > 0) {
        const probe = (src.probe ??= new LogTailProbe(this.folderDir(src)));
        await probe.refresh();
        // a request may have read the folder meanwhile (and dropped its probe): compare exactly then
        if (src.loaded) {
          if (servingCopy(src.folder.series().steps.length, count.distinct) === 'record') fuller.push(key);
          continue;
        }
        const last = probe.current?.lastStep ?? null;
        if (last === null || count.maxStep > last) fuller.push(key);
      }
    }
    if (!fuller.length) return [];
    for (const key of fuller) this.recordServed.add(key);
    const next = new RecordFileReader(old.filePath, this.countOnly);
    await next.refresh(old.content.bytesRead); // the same bytes: the same state, plus the values
    const d = await next.refresh(); // what was appended meanwhile
    this.record = next;
    for (const k of d.newKeys) if (this.addRecordKey(k)) delta.newKeys.push(k);
    return [...fuller, ...d.grownKeys];
  }

  /** DB tags not yet known (first open, or keys logged since the last read of runs.swanlab). */
  private async addDbKeys(first: boolean): Promise<string[]> {
    const added: string[] = [];
    const todo = this.dbTags.filter((tag) => !this.keySources.get(tag.name)?.folder);
    if (!todo.length) return added;
    // one listing of logs/ instead of a stat per key; listed again only when a key still lacks its folder
    if (first || this.logsNames === null || todo.some((t) => !this.logsNames!.has(t.folder))) {
      this.logsNames = new Set(await fs.readdir(path.join(this.dir, 'logs')).catch(() => [] as string[]));
    }
    for (const tag of todo) {
      const known = this.keySources.get(tag.name);
      const type = normalizeType(tag.type);
      // no folder: the first value had a wrong type (source.error) or nothing was written yet
      const folder = this.logsNames.has(tag.folder) ? new MetricFolderReader(path.join(this.dir, 'logs', tag.folder), type) : null;
      if (!known) added.push(tag.name);
      this.keySources.set(tag.name, {
        info: known?.info ?? { key: tag.name, section: sectionOf(tag.name), type, system: false, displayName: null, chartName: null },
        folder,
        folderName: tag.folder,
        loaded: false,
        loading: null,
        priority: 'background',
        probe: null,
        preview: null,
      });
    }
    return added;
  }

  /** A key first seen in the record file (offline runs, system metrics, keys the DB lacks). */
  private addRecordKey(key: string): boolean {
    const col = this.record!.content.columns.get(key);
    if (!col || this.keySources.has(key)) return false;
    let folder: MetricFolderReader | null = null;
    // 0.6/0.7 local mode writes system metrics to logs/<kid>/ without a DB row
    if (col.kid !== null && this.generations.has('A')) {
      folder = new MetricFolderReader(path.join(this.dir, 'logs', col.kid), col.type);
    }
    this.keySources.set(key, {
      info: {
        key,
        section: col.system ? 'system' : col.sectionName ?? sectionOf(key),
        type: col.type,
        system: col.system,
        displayName: col.displayName,
        chartName: col.chartName,
      },
      folder,
      folderName: col.kid,
      loaded: false,
      loading: null,
      priority: 'background',
      probe: null,
      preview: null,
    });
    return true;
  }

  private folderDir(src: KeySources): string {
    return path.join(this.dir, 'logs', src.folderName ?? '');
  }

  /** Reads a key's logs/ folder once (later refreshes follow it), at `priority` or better. */
  private loadFolder(src: KeySources, priority: LoadPriority): Promise<void> {
    if (src.loaded || !src.folder) return Promise.resolve();
    if (RANK[priority] < RANK[src.priority]) src.priority = priority;
    src.loading ??= this.scheduler.run(() => src.priority, () => src.folder!.refresh()).then(
      () => {
        src.loaded = true;
        src.preview = null;
        src.probe = null;
      },
      (e: unknown) => {
        src.loading = null;
        throw e;
      },
    );
    return src.loading;
  }

  /**
   * Runs whose status depends on when data last arrived (no record file, the DB says running,
   * no error.log) follow the last point of each folder not loaded, without loading it.
   * True when one of them moved.
   */
  private async refreshProbes(): Promise<boolean> {
    if (this.record || !this.statusNeedsActivity()) return false;
    let moved = false;
    for (const src of this.keySources.values()) {
      if (!src.folder || src.loaded) continue;
      const first = src.probe === null;
      src.probe ??= new LogTailProbe(this.folderDir(src));
      if ((await src.probe.refresh()) && !first) moved = true;
    }
    return moved;
  }

  private statusNeedsActivity(): boolean {
    const s = this.dbRowValue?.status;
    return s !== 1 && s !== -1 && !this.consoleReader?.errorLog();
  }

  keys(): MetricKeyInfo[] {
    return [...this.keySources.values()].map((s) => s.info);
  }

  /** Custom keys as swanboard lists them: the DB's tags for DB runs, the record's columns otherwise. */
  customKeys(): MetricKeyInfo[] {
    return this.keys().filter((k) => !k.system);
  }

  folderOf(key: string): string | null {
    return this.keySources.get(key)?.folderName ?? null;
  }

  /** The run's status at its last refresh was not `running` (it finished, crashed, was killed …). */
  get ended(): boolean {
    return this.lastStatus !== null && this.lastStatus !== 'running';
  }

  /** The run's record file was too big to be read whole at open: its series are big too (a hint for previews). */
  big = false;

  /** The record file has been read to its end: keys(), console and media are complete. */
  get complete(): boolean {
    return !this.record || this.recordScanned;
  }

  /** Resolves once keys(), console and media are complete (the record file read, at request priority). */
  ready(): Promise<void> {
    return this.scan('request');
  }

  /**
   * The points of a line key (null for other keys and unknown ones), read now if they were not:
   * the fuller of the two copies a local 0.6+ run keeps (see servingCopy). A big record file not
   * read yet is waited for only when the key has no logs/ folder, or when the record file's tail
   * shows it ahead of logs/ (a killed or live run); a difference found by the later full read is
   * announced as a grown key.
   */
  async series(key: string, priority: LoadPriority = 'request'): Promise<NumericSeries | null> {
    let src = this.keySources.get(key);
    if (!src && !this.complete) {
      await this.scan(priority);
      src = this.keySources.get(key);
    }
    if (!src || src.info.type !== 'line') return null;
    if (src.folder) {
      await this.loadFolder(src, priority);
      if (this.record && !this.recordScanned && this.tailAhead(key, src)) await this.scan(priority);
      if (this.record && this.recordScanned && this.mayBeFuller(key, src)) {
        await this.scheduler.run(priority, () => this.withRecordLock(() => this.switchFullerKeys(newDelta(this.id), true)));
      }
    } else if (this.record) {
      await this.scan(priority);
    }
    return this.servedSeries(key);
  }

  /** The series if its points are read (no waiting), else undefined. */
  loadedSeries(key: string): NumericSeries | null | undefined {
    const src = this.keySources.get(key);
    if (!src || src.info.type !== 'line') return src || this.complete ? null : undefined;
    if (src.folder ? !src.loaded : !this.complete) return undefined;
    return this.servedSeries(key);
  }

  /** The record file's last blocks have points of `key` past the last one logs/ has. */
  private tailAhead(key: string, src: KeySources): boolean {
    const recordLast = this.tail?.lastSteps.get(key);
    if (recordLast === undefined) return false;
    const steps = src.folder!.series().steps;
    return steps.length === 0 || recordLast > steps[steps.length - 1];
  }

  private mayBeFuller(key: string, src: KeySources): boolean {
    const count = this.record!.content.scalarCounts.get(key);
    return !!count && !this.recordServed.has(key) && servingCopy(src.folder!.series().steps.length, count.distinct) === 'record';
  }

  private servedSeries(key: string): NumericSeries | null {
    const src = this.keySources.get(key);
    if (!src || src.info.type !== 'line') return null;
    const fromLogs = src.folder && src.loaded ? src.folder.series() : null;
    const fromRecord = this.record?.content.scalars.get(key)?.build() ?? null;
    const copy = servingCopy(fromLogs?.steps.length ?? null, fromRecord?.steps.length ?? null);
    return copy === 'logs' ? fromLogs : copy === 'record' ? fromRecord : EMPTY_SERIES;
  }

  /**
   * A coarse picture of a line key while its points are being read: strided reads of its logs/
   * folder (logSample.ts) or of the record file (recordSample.ts). Null when the points are
   * already read (ask `series`), for other keys, or when nothing could be sampled.
   */
  async preview(key: string, windows = SAMPLE_WINDOWS): Promise<PreviewSeries | null> {
    const src = this.keySources.get(key);
    if (!src || src.info.type !== 'line' || this.loadedSeries(key) !== undefined) return null;
    if (src.folder) {
      src.preview ??= this.scheduler.run('preview', () => sampleLogFolder(this.folderDir(src), windows)).catch(() => null);
      const s = await src.preview;
      return s && s.series.steps.length ? { series: s.series, total: s.estimatedTotal } : null;
    }
    if (!this.record) return null;
    const file = this.record.filePath;
    this.recordSample ??= this.scheduler.run('preview', () => sampleRecordFile(file)).catch(() => null);
    const sample = await this.recordSample;
    const s = sample?.series.get(key);
    return s && s.steps.length ? { series: s, total: sample!.estimatedTotals.get(key) ?? s.steps.length } : null;
  }

  async media(key: string): Promise<MediaPoint[] | null> {
    const src = this.keySources.get(key);
    if (!src && !this.complete) await this.ready();
    return this.loadMedia(key);
  }

  private async loadMedia(key: string): Promise<MediaPoint[] | null> {
    const src = this.keySources.get(key);
    if (!src || src.info.type === 'line') return null;
    if (src.folder) await this.loadFolder(src, 'request');
    await this.ready();
    const fromLogs = src.folder ? src.folder.mediaPoints() : null;
    const fromRecord = this.record?.content.media.get(key) ?? null;
    if (fromLogs && (!fromRecord || fromLogs.length >= fromRecord.length)) return fromLogs;
    return fromRecord ?? [];
  }

  /** The file behind media item `name` of `key`, only if the run really recorded it. */
  async mediaFile(key: string, name: string): Promise<string | null> {
    await this.media(key);
    const src = this.keySources.get(key);
    const lists = [src?.folder?.mediaPoints() ?? [], this.record?.content.media.get(key) ?? []];
    for (const list of lists) {
      for (const p of list) {
        for (const it of p.items) {
          if (!it.file || path.basename(it.file) !== name) continue;
          const real = await resolveMediaFile(this.dir, it.file);
          if (real) return real;
        }
      }
    }
    return null;
  }

  /** Every point of every key read (the record file too): what opening a folder read before it was lazy. */
  async loadAll(priority: LoadPriority = 'request'): Promise<void> {
    await this.scan(priority);
    await Promise.all(this.keys().map((k) => (k.type === 'line' ? this.series(k.key, priority) : this.loadMedia(k.key))));
  }

  /** Console lines: console/*.log when the run has them, else the record file's log records. */
  async console(): Promise<ConsoleLine[]> {
    await this.ready();
    const fromFiles = this.consoleReader?.lines() ?? [];
    const fromRecord = this.record?.content.logs ?? [];
    return fromFiles.length >= fromRecord.filter((l) => l.level !== 'error').length ? fromFiles : fromRecord;
  }

  hasConsoleFolder(): boolean {
    return this.consoleReader !== null;
  }

  /** Lines of console/error.log, or the traceback kept in the record file. */
  async errorLines(): Promise<string[] | null> {
    const fromFile = this.consoleReader?.errorLog() ?? null;
    if (fromFile) return fromFile;
    if (!this.record) return null;
    await this.ready();
    const rec = this.record.content;
    if (rec.finish?.error) return rec.finish.error.split('\n');
    const errs = rec.logs.filter((l) => l.level === 'error').map((l) => l.text);
    return errs.length ? errs : null;
  }

  recordContent() {
    return this.record?.content ?? null;
  }

  /** Newest data time known without reading more: loaded series, folder tails, the record file (or its tail). */
  private lastDataTime(): number | null {
    let last = -Infinity;
    const take = (t: number | undefined) => {
      if (t !== undefined && Number.isFinite(t) && t > last) last = t;
    };
    for (const src of this.keySources.values()) {
      if (src.folder && src.loaded) {
        const s = src.folder.series();
        if (s.timestamps.length) take(s.timestamps[s.timestamps.length - 1]);
        const m = src.folder.mediaPoints();
        if (m.length) take(m[m.length - 1].timestamp);
      } else if (src.probe?.current) take(src.probe.current.lastTimeMs);
    }
    const rec = this.record?.content;
    if (rec) {
      take(rec.lastDataMs);
      if (!this.recordScanned) take(this.tail?.lastDataMs);
      if (rec.run.startedAt) take(parseIsoMs(rec.run.startedAt));
    }
    if (this.dbRow) take(parseIsoMs(this.dbRow.update_time));
    if (this.observedGrowthAt !== null) take(this.observedGrowthAt);
    return Number.isFinite(last) ? last : null;
  }

  info(): RunInfo {
    const rec = this.record?.content ?? null;
    const db = this.dbRow;
    const meta = this.files?.system ?? null;
    const lastActivity = this.lastDataTime();
    const finish = rec === null ? null : this.recordScanned ? rec.finish : this.tail?.finish ?? rec.finish;
    const verdict = decideStatus({
      dbStatus: db ? db.status : null,
      recordFinish: finish,
      hasRecordFile: rec !== null,
      hasErrorLog: (this.consoleReader?.errorLog() ?? null) !== null,
      sdkVersion: db?.version ?? meta?.sdkVersion ?? null,
      lastActivity,
      now: this.clock(),
    });
    const issues = [...this.issues];
    if (rec?.torn && this.recordScanned) issues.push({ path: rec.path, reason: `record file ends in a torn or bad chunk at byte ${rec.torn.offset}: ${rec.torn.reason}; everything before it is shown` });
    for (const [key, s] of this.keySources) {
      if (s.folder) for (const i of s.folder.issues) issues.push({ path: i.path, reason: `${key}: ${i.reason}` });
    }
    const sdkRunId = rec?.run.id ?? (/^run-\d{8}_\d{6}-(.+)$/.exec(this.id)?.[1] ?? null);
    const createdAt = db?.create_time ?? rec?.run.startedAt ?? null;
    const finishedAt = db?.finish_time ?? finish?.finishedAt ?? null;
    return {
      id: this.id,
      sdkRunId,
      dir: this.dir,
      project: rec?.project ?? null,
      name: db?.name ?? rec?.run.name ?? sdkRunId ?? this.id,
      description: db ? db.description : rec?.run.description ?? null,
      tags: rec?.run.tags ?? [],
      colors: {
        light: db?.light ?? rec?.run.colors?.[0] ?? null,
        dark: db?.dark ?? rec?.run.colors?.[1] ?? rec?.run.colors?.[0] ?? null,
      },
      sdkVersion: db?.version ?? meta?.sdkVersion ?? null,
      generations: (['A', 'B', 'C'] as Generation[]).filter((g) => this.generations.has(g)),
      createdAt,
      finishedAt: verdict.status === 'running' || verdict.status === 'killed' ? null : finishedAt,
      status: verdict.status,
      statusEvidence: verdict.evidence,
      lastActivity,
      issues,
    };
  }
}
