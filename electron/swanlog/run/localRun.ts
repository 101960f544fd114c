import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ConsoleLine, Generation, MediaPoint, MetricKeyInfo, NumericSeries, RunInfo, RunIssue } from '../../../shared/domain';
import { sectionOf } from '../../../shared/sections';
import { ConsoleReader } from '../legacy/console';
import { SAMPLE_WINDOWS } from '../legacy/logSample';
import { LogTailProbe } from '../legacy/logTail';
import { MetricFolderReader, type FirstFolderRead } from '../legacy/metricFolder';
import { readRunFiles, type RunFiles } from '../legacy/runFiles';
import type { ExperimentRow, TagRow } from '../sqlite/runsDbTypes';
import { LoadScheduler, RANK, type LoadPriority } from '../loadScheduler';
import {
  EMPTY_SERIES, folderDir, folderPreview, loadFolder, newKeySource, normalizeType, refreshProbes, type KeySource, type PreviewSeries,
} from './keySource';
import { recordedMediaFile } from './mediaPath';
import { fullerConsole, fullerMedia, recordErrorLines } from './outputChoice';
import { DEFAULT_OPEN_OPTIONS, RecordSource, recordFileIn, type RunOpenOptions } from './recordSource';
import { runInfo } from './runInfo';
import { servingCopy } from './servingCopy';

/** What grew in one refresh of a run (or what a background read found). */
export interface RunDelta {
  runId: string;
  newKeys: string[];
  grownKeys: string[];
  consoleLines: number;
  statusChanged: boolean;
}

/**
 * Bytes of a record file read per scheduled step of its full read: about 50 ms of parsing when
 * someone waits for it, 7 ms in the background (a step parses without yielding, and the server
 * must stay quick to answer a page loading meanwhile: its static files, workspace.get …).
 */
const SCAN_SLICE = { preview: 8 << 20, request: 8 << 20, background: 1 << 20 } as const;

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
  private record: RecordSource | null = null;
  private scanning: Promise<void> | null = null;
  private scanPriority: LoadPriority = 'background';
  private consoleReader: ConsoleReader | null = null;
  private keySources = new Map<string, KeySource>();
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
    /** Where metric folders get their first read (worker threads), if not here. */
    private readonly firstFolderRead: FirstFolderRead | null = null,
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

    const rec = this.record;
    if (rec) {
      if (first) {
        await rec.open(this.options);
        for (const k of rec.content.columns.keys()) if (this.addRecordKey(k)) delta.newKeys.push(k);
      } else if (rec.scanned) await rec.withLock(() => this.refreshRecord(delta));
      else if (await rec.refreshTail()) this.observedGrowthAt = this.clock();
    }
    for (const [key, src] of this.keySources) {
      if (!src.folder || !src.loaded) continue;
      const r = await src.folder.refresh();
      if (r.added > 0 || r.rewritten) delta.grownKeys.push(key);
    }
    if (rec && rec.scanned && !first) {
      delta.grownKeys.push(...(await rec.withLock(() => this.switchFullerKeys(delta, false))));
    }
    if (this.consoleReader) delta.consoleLines += await this.consoleReader.refresh();
    // runs whose status depends on when data last arrived (no record file, the DB says running, no error.log)
    const probed = !rec && this.statusNeedsActivity() && (await refreshProbes(this.dir, this.keySources.values()));

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
    if (!(await fs.stat(this.dir).then(() => true, () => false))) {
      this.issues.push({ path: this.dir, reason: 'runs.swanlab lists this run but its folder is missing' });
    }
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    this.files = await readRunFiles(this.dir);
    this.issues.push(...this.files.issues);
    const rec = recordFileIn(names);
    if (rec) {
      this.record = new RecordSource(path.join(this.dir, rec), (key) => !!this.keySources.get(key)?.folder);
      this.generations.add(rec === 'backup.swanlab' ? 'B' : 'C');
    }
    if (names.includes('console')) this.consoleReader = new ConsoleReader(this.dir);
  }

  private async refreshRecord(delta: RunDelta): Promise<void> {
    const d = await this.record!.reader.refresh();
    for (const k of d.newKeys) if (this.addRecordKey(k)) delta.newKeys.push(k);
    delta.grownKeys.push(...d.grownKeys);
    delta.consoleLines += d.newLogLines;
  }

  /**
   * Reads the whole record file (once; later refreshes read what is appended) in slices, each
   * one a scheduler task of the given class; keys found on the way are announced. Resolves when
   * the file was read to its end. Calling it again with a higher class speeds up a read under way.
   */
  scan(priority: LoadPriority): Promise<void> {
    if (!this.record || this.record.scanned) return Promise.resolve();
    if (RANK[priority] < RANK[this.scanPriority]) this.scanPriority = priority;
    this.scanning ??= this.scanLoop().finally(() => {
      this.scanning = null;
    });
    return this.scanning;
  }

  private async scanLoop(): Promise<void> {
    const rec = this.record!;
    const before = this.statusSignature();
    for (;;) {
      if (this.closed) throw new Error('the folder was closed');
      const done = await this.scheduler.run(() => this.scanPriority, () => rec.withLock(async () => {
        const slice = await rec.readSlice(SCAN_SLICE[this.scanPriority]);
        const delta = newDelta(this.id);
        for (const k of slice.newKeys) if (this.addRecordKey(k)) delta.newKeys.push(k);
        if (delta.newKeys.length) this.notify(delta);
        return slice.done;
      }));
      if (done) break;
    }
    await rec.withLock(async () => {
      rec.finishScan();
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
    const rec = this.record!;
    const fuller: string[] = [];
    for (const [key, count] of rec.content.scalarCounts) {
      const src = this.keySources.get(key);
      if (!src?.folder || rec.isServed(key)) continue;
      if (src.loaded) {
        if (servingCopy(src.folder.series().steps.length, count.distinct) === 'record') fuller.push(key);
      } else if (probeUnloaded && count.length > 0) {
        const probe = (src.probe ??= new LogTailProbe(folderDir(this.dir, src)));
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
    const d = await rec.serveFromRecord(fuller);
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
      const folder = this.logsNames.has(tag.folder) ? new MetricFolderReader(path.join(this.dir, 'logs', tag.folder), type, this.firstFolderRead) : null;
      if (!known) added.push(tag.name);
      const info = known?.info ?? { key: tag.name, section: sectionOf(tag.name), type, system: false, displayName: null, chartName: null };
      this.keySources.set(tag.name, newKeySource(info, folder, tag.folder));
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
      folder = new MetricFolderReader(path.join(this.dir, 'logs', col.kid), col.type, this.firstFolderRead);
    }
    const info: MetricKeyInfo = {
      key,
      section: col.system ? 'system' : col.sectionName ?? sectionOf(key),
      type: col.type,
      system: col.system,
      displayName: col.displayName,
      chartName: col.chartName,
    };
    this.keySources.set(key, newKeySource(info, folder, col.kid));
    return true;
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
  get big(): boolean {
    return this.record?.big ?? false;
  }

  /** The record file has been read to its end: keys(), console and media are complete. */
  get complete(): boolean {
    return !this.record || this.record.scanned;
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
      await loadFolder(this.scheduler, src, priority);
      if (this.record && !this.record.scanned && this.tailAhead(key, src)) await this.scan(priority);
      const rec = this.record;
      if (rec && rec.scanned && this.mayBeFuller(key, src)) {
        await this.scheduler.run(priority, () => rec.withLock(() => this.switchFullerKeys(newDelta(this.id), true)));
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
  private tailAhead(key: string, src: KeySource): boolean {
    const recordLast = this.record!.tail?.lastSteps.get(key);
    if (recordLast === undefined) return false;
    const steps = src.folder!.series().steps;
    return steps.length === 0 || recordLast > steps[steps.length - 1];
  }

  private mayBeFuller(key: string, src: KeySource): boolean {
    const rec = this.record!;
    const count = rec.content.scalarCounts.get(key);
    return !!count && !rec.isServed(key) && servingCopy(src.folder!.series().steps.length, count.distinct) === 'record';
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
    if (src.folder) return folderPreview(this.scheduler, this.dir, src, windows);
    return this.record ? this.record.preview(this.scheduler, key) : null;
  }

  /** Estimated points of a key whose logs/ folder has a preview sampled and is not read yet (a prefetch, an earlier request), else null. */
  sampledTotal(key: string): number | null {
    return this.keySources.get(key)?.sampledTotal ?? null;
  }

  async media(key: string): Promise<MediaPoint[] | null> {
    const src = this.keySources.get(key);
    if (!src && !this.complete) await this.ready();
    return this.loadMedia(key);
  }

  private async loadMedia(key: string): Promise<MediaPoint[] | null> {
    const src = this.keySources.get(key);
    if (!src || src.info.type === 'line') return null;
    if (src.folder) await loadFolder(this.scheduler, src, 'request');
    await this.ready();
    return fullerMedia(src.folder ? src.folder.mediaPoints() : null, this.record?.content.media.get(key) ?? null);
  }

  /** The file behind media item `name` of `key`, only if the run really recorded it. */
  async mediaFile(key: string, name: string): Promise<string | null> {
    await this.media(key);
    const src = this.keySources.get(key);
    return recordedMediaFile(this.dir, [src?.folder?.mediaPoints() ?? [], this.record?.content.media.get(key) ?? []], name);
  }

  /** Every point of every key read (the record file too): what opening a folder read before it was lazy. */
  async loadAll(priority: LoadPriority = 'request'): Promise<void> {
    await this.scan(priority);
    await Promise.all(this.keys().map((k) => (k.type === 'line' ? this.series(k.key, priority) : this.loadMedia(k.key))));
  }

  /** Console lines: console/*.log when the run has them, else the record file's log records. */
  async console(): Promise<ConsoleLine[]> {
    await this.ready();
    return fullerConsole(this.consoleReader?.lines() ?? [], this.record?.content.logs ?? []);
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
    return recordErrorLines(this.record.content);
  }

  recordContent() {
    return this.record?.content ?? null;
  }

  info(): RunInfo {
    return runInfo({
      id: this.id,
      dir: this.dir,
      db: this.dbRowValue,
      files: this.files,
      record: this.record,
      errorLog: this.consoleReader?.errorLog() ?? null,
      keySources: this.keySources,
      generations: this.generations,
      issues: this.issues,
      observedGrowthAt: this.observedGrowthAt,
      now: this.clock(),
    });
  }
}
