import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type {
  ConsoleLine, Generation, MediaPoint, MetricKeyInfo, MetricType, NumericSeries, RunInfo, RunIssue,
} from '../../../shared/domain';
import { sectionOf } from '../../../shared/sections';
import { parseIsoMs } from '../../../shared/time';
import { ConsoleReader } from '../legacy/console';
import { MetricFolderReader } from '../legacy/metricFolder';
import { readRunFiles, type RunFiles } from '../legacy/runFiles';
import { RecordFileReader } from '../records/recordFile';
import type { ExperimentRow, TagRow } from '../sqlite/runsDbTypes';
import { resolveMediaFile } from './mediaPath';
import { decideStatus } from './runStatus';
import { servingCopy } from './servingCopy';

/** What grew in one refresh of a run. */
export interface RunDelta {
  runId: string;
  newKeys: string[];
  grownKeys: string[];
  consoleLines: number;
  statusChanged: boolean;
}

interface KeySources {
  info: MetricKeyInfo;
  /** logs/<folder> of generation A, when that folder exists. */
  folder: MetricFolderReader | null;
  folderName: string | null;
}

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

async function findRecordFile(dir: string): Promise<string | null> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const c = names.filter((n) => /^run-.+\.swanlab$/.test(n)).sort();
  if (c.length) return path.join(dir, c[0]);
  return names.includes('backup.swanlab') ? path.join(dir, 'backup.swanlab') : null;
}

/**
 * One run folder of any generation, assembled into the domain model. Reads incrementally:
 * `refresh()` costs what was appended since the previous call.
 */
export class LocalRun {
  readonly id: string;
  files: RunFiles | null = null;
  private record: RecordFileReader | null = null;
  /** Keys with a logs/ folder whose record copy outgrew it: the record reader keeps their values. */
  private recordServed = new Set<string>();
  private consoleReader: ConsoleReader | null = null;
  private keySources = new Map<string, KeySources>();
  private generations = new Set<Generation>();
  private issues: RunIssue[] = [];
  private observedGrowthAt: number | null = null;
  private lastStatus: string | null = null;

  constructor(
    readonly dir: string,
    private dbRowValue: ExperimentRow | null,
    private dbTags: TagRow[],
    private readonly clock: () => number = Date.now,
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
    return { runId: this.id, newKeys: [], grownKeys: [], consoleLines: 0, statusChanged: false };
  }

  /** Loads everything on first call, then only what was appended. */
  async refresh(): Promise<RunDelta> {
    const first = this.files === null;
    const delta: RunDelta = { runId: this.id, newKeys: [], grownKeys: [], consoleLines: 0, statusChanged: false };
    if (first) await this.open();
    if (this.dbRowValue) this.generations.add('A');
    delta.newKeys.push(...(await this.addDbKeys()));

    if (this.record) {
      const before = new Set(this.record.content.columns.keys());
      const d = await this.record.refresh();
      for (const k of d.newKeys) if (!before.has(k) && this.addRecordKey(k)) delta.newKeys.push(k);
      delta.grownKeys.push(...d.grownKeys);
      delta.consoleLines += d.newLogLines;
    }
    for (const [key, src] of this.keySources) {
      if (!src.folder) continue;
      const r = await src.folder.refresh();
      if (r.added > 0 || r.rewritten) delta.grownKeys.push(key);
    }
    if (this.record) delta.grownKeys.push(...(await this.readFullerRecordKeys(delta)));
    if (this.consoleReader) delta.consoleLines += await this.consoleReader.refresh();

    if (first) {
      delta.newKeys = [...this.keySources.keys()];
      delta.grownKeys = [];
    } else {
      delta.newKeys = [...new Set(delta.newKeys)];
      delta.grownKeys = [...new Set(delta.grownKeys)];
      if (delta.grownKeys.length || delta.consoleLines) this.observedGrowthAt = this.clock();
    }
    const status = this.info().status;
    delta.statusChanged = !first && status !== this.lastStatus;
    this.lastStatus = status;
    return delta;
  }

  private async open(): Promise<void> {
    if (!(await exists(this.dir))) this.issues.push({ path: this.dir, reason: 'runs.swanlab lists this run but its folder is missing' });
    this.files = await readRunFiles(this.dir);
    this.issues.push(...this.files.issues);

    const recPath = await findRecordFile(this.dir);
    if (recPath) {
      this.record = new RecordFileReader(recPath, this.countOnly);
      this.generations.add(recPath.endsWith('backup.swanlab') ? 'B' : 'C');
    }
    if (await exists(path.join(this.dir, 'console'))) this.consoleReader = new ConsoleReader(this.dir);

  }

  /** The record reader keeps only point counts for keys that logs/ serve (one copy in memory, not two). */
  private readonly countOnly = (key: string): boolean => !!this.keySources.get(key)?.folder && !this.recordServed.has(key);

  /**
   * Keys whose record copy now has more points than logs/: reads the record file again from the
   * start, this time keeping their values (once per key; a killed run's or a live run's record
   * is ahead of logs/). Returns those keys.
   */
  private async readFullerRecordKeys(delta: RunDelta): Promise<string[]> {
    const old = this.record!;
    const fuller = [...old.content.scalarCounts]
      .filter(([key, count]) => servingCopy(this.keySources.get(key)!.folder!.series().steps.length, count.distinct) === 'record')
      .map(([key]) => key);
    if (!fuller.length) return [];
    for (const key of fuller) this.recordServed.add(key);
    this.record = new RecordFileReader(old.filePath, this.countOnly);
    await this.record.refresh(old.content.bytesRead); // the same bytes: the same state, plus the values
    const d = await this.record.refresh(); // what was appended meanwhile
    for (const k of d.newKeys) if (this.addRecordKey(k)) delta.newKeys.push(k);
    return [...fuller, ...d.grownKeys];
  }

  /** DB tags not yet known (first open, or keys logged since the last read of runs.swanlab). */
  private async addDbKeys(): Promise<string[]> {
    const added: string[] = [];
    for (const tag of this.dbTags) {
      const known = this.keySources.get(tag.name);
      if (known?.folder) continue;
      const folderDir = path.join(this.dir, 'logs', tag.folder);
      const type = normalizeType(tag.type);
      // no folder: the first value had a wrong type (source.error) or nothing was written yet
      const folder = (await exists(folderDir)) ? new MetricFolderReader(folderDir, type) : null;
      if (!known) added.push(tag.name);
      this.keySources.set(tag.name, {
        info: known?.info ?? { key: tag.name, section: sectionOf(tag.name), type, system: false, displayName: null, chartName: null },
        folder,
        folderName: tag.folder,
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
    });
    return true;
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

  /** The fuller of the two copies a local 0.6+ run keeps (see servingCopy). */
  series(key: string): NumericSeries | null {
    const src = this.keySources.get(key);
    if (!src || src.info.type !== 'line') return null;
    const fromLogs = src.folder ? src.folder.series() : null;
    const fromRecord = this.record?.content.scalars.get(key)?.build() ?? null;
    const copy = servingCopy(fromLogs?.steps.length ?? null, fromRecord?.steps.length ?? null);
    return copy === 'logs' ? fromLogs : copy === 'record' ? fromRecord : EMPTY_SERIES;
  }

  media(key: string): MediaPoint[] | null {
    const src = this.keySources.get(key);
    if (!src || src.info.type === 'line') return null;
    const fromLogs = src.folder ? src.folder.mediaPoints() : null;
    const fromRecord = this.record?.content.media.get(key) ?? null;
    if (fromLogs && (!fromRecord || fromLogs.length >= fromRecord.length)) return fromLogs;
    return fromRecord ?? [];
  }

  /** The file behind media item `name` of `key`, only if the run really recorded it. */
  async mediaFile(key: string, name: string): Promise<string | null> {
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

  /** Console lines: console/*.log when the run has them, else the record file's log records. */
  console(): ConsoleLine[] {
    const fromFiles = this.consoleReader?.lines() ?? [];
    const fromRecord = this.record?.content.logs ?? [];
    return fromFiles.length >= fromRecord.filter((l) => l.level !== 'error').length ? fromFiles : fromRecord;
  }

  hasConsoleFolder(): boolean {
    return this.consoleReader !== null;
  }

  /** Lines of console/error.log, or the traceback kept in the record file. */
  errorLines(): string[] | null {
    const fromFile = this.consoleReader?.errorLog() ?? null;
    if (fromFile) return fromFile;
    const rec = this.record?.content;
    if (!rec) return null;
    if (rec.finish?.error) return rec.finish.error.split('\n');
    const errs = rec.logs.filter((l) => l.level === 'error').map((l) => l.text);
    return errs.length ? errs : null;
  }

  recordContent() {
    return this.record?.content ?? null;
  }

  private lastDataTime(): number | null {
    let last = -Infinity;
    for (const k of this.keySources.keys()) {
      const s = this.series(k);
      if (s && s.timestamps.length) last = Math.max(last, s.timestamps[s.timestamps.length - 1]);
      const m = this.media(k);
      if (m && m.length) last = Math.max(last, m[m.length - 1].timestamp);
    }
    const rec = this.record?.content;
    if (rec?.run.startedAt) last = Math.max(last, parseIsoMs(rec.run.startedAt));
    if (this.dbRow) last = Math.max(last, parseIsoMs(this.dbRow.update_time));
    if (this.observedGrowthAt !== null) last = Math.max(last, this.observedGrowthAt);
    return Number.isFinite(last) ? last : null;
  }

  info(): RunInfo {
    const rec = this.record?.content ?? null;
    const db = this.dbRow;
    const meta = this.files?.system ?? null;
    const lastActivity = this.lastDataTime();
    const verdict = decideStatus({
      dbStatus: db ? db.status : null,
      recordFinish: rec?.finish ?? null,
      hasRecordFile: rec !== null,
      hasErrorLog: (this.consoleReader?.errorLog() ?? null) !== null,
      sdkVersion: db?.version ?? meta?.sdkVersion ?? null,
      lastActivity,
      now: this.clock(),
    });
    const issues = [...this.issues];
    if (rec?.torn) issues.push({ path: rec.path, reason: `record file ends in a torn or bad chunk at byte ${rec.torn.offset}: ${rec.torn.reason}; everything before it is shown` });
    for (const [key, s] of this.keySources) {
      if (s.folder) for (const i of s.folder.issues) issues.push({ path: i.path, reason: `${key}: ${i.reason}` });
    }
    const sdkRunId = rec?.run.id ?? (/^run-\d{8}_\d{6}-(.+)$/.exec(this.id)?.[1] ?? null);
    const createdAt = db?.create_time ?? rec?.run.startedAt ?? null;
    const finishedAt = db?.finish_time ?? rec?.finish?.finishedAt ?? null;
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
