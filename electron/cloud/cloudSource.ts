import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ChangeEvent, ConsoleResponse, MediaResponse, RunDetails, SeriesData, SeriesResponse, WorkspaceView } from '../../shared/contract';
import type { MediaPoint, MetricKeyInfo, RunIssue } from '../../shared/domain';
import { summarizeSeries } from '../../shared/summary';
import { NotFoundError, type RunSource } from '../api/source';
import { chartSeries } from '../../shared/chartSeries';
import { consoleSince } from '../../shared/consoleTail';
import type { CloudProject, CloudRun, CloudRunDetail } from './cloudTypes';
import { ConsoleCache } from './consoleCache';
import { mapLimited } from './limiter';
import { mediaTypeOfPath } from './mapKeys';
import { SeriesLoader } from './seriesLoader';
import type { SwanlabClient } from './swanlabClient';

export interface CloudSourceOptions {
  client: SwanlabClient;
  project: CloudProject;
  /** Media files fetched for the transport are cached here. */
  cacheDir: string;
  canOpenFolders?: boolean;
  /** Only these runs (ids as `RunInfo.id`, the cuid); all of the project's when absent. */
  runIds?: readonly string[];
  /** The account it is opened for: sources of two accounts on one host get different ids. */
  accountId?: string;
  /** While a shown run is running, `refresh()` every this many ms (none when absent). */
  pollMs?: number;
  /** Called once when the source is closed. */
  onClose?: () => void;
  /** A running run's console fetched this recently (by a poll) is answered from the cache; default 2 s. */
  consoleFreshMs?: number;
}

interface Entry {
  run: CloudRun;
  keys: MetricKeyInfo[];
  detail: CloudRunDetail | null;
  detailLoading: boolean;
  series: SeriesLoader;
  /** Keys whose series download was started (one change event each). */
  requested: Set<string>;
  media: Map<string, Promise<MediaPoint[]>>;
  loadedMedia: Map<string, MediaPoint[]>;
  issues: RunIssue[];
  /** The console lines, kept across refreshes (the log only grows). */
  console: ConsoleCache;
}

/**
 * One project of a SwanLab account as a RunSource, so the UI works unchanged. The interface
 * answers synchronously, so data comes from a cache: a first request starts the download and
 * answers what is known; when the data arrives a change event (grownKeys / statusChanged)
 * makes the UI ask again. Full-resolution series are fetched (one export per 16 keys), then
 * thinned per chart like a local run's.
 */
export class CloudSource implements RunSource {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(e: ChangeEvent) => void>();
  private closed = false;
  readonly id: string;
  private readonly folderKey: string;
  /** The runs shown; null = all of the project's. */
  private wanted: Set<string> | null;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  private constructor(private readonly opts: CloudSourceOptions) {
    const { client, project } = opts;
    const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
    this.folderKey = hash(`swanlab:${client.host.apiHost}/${project.workspace}/${project.name}`);
    this.id = opts.accountId ? `cloud:${hash(`swanlab:${opts.accountId}/${project.workspace}/${project.name}`)}` : `cloud:${this.folderKey}`;
    this.wanted = opts.runIds ? new Set(opts.runIds) : null;
  }

  /** Lists the project's runs and the keys of those shown (4 requests at a time). */
  static async open(opts: CloudSourceOptions): Promise<CloudSource> {
    const source = new CloudSource(opts);
    if (opts.runIds) await source.select(opts.runIds);
    else await source.addRuns(await opts.client.runs(opts.project, { all: true }));
    source.schedulePolling();
    return source;
  }

  get project(): CloudProject {
    return this.opts.project;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Shows these runs from now on: the ones already shown keep their downloaded data, the others
   * are listed; 404 when none of them is in the project.
   */
  async select(runIds: readonly string[]): Promise<void> {
    const listing = runIds.some((id) => !this.entries.has(id)) ? await this.opts.client.runs(this.opts.project, { all: true }) : null;
    const known = (id: string) => this.entries.has(id) || (listing?.some((r) => r.info.id === id) ?? false);
    if (!runIds.some(known)) throw new NotFoundError(`none of the runs ${runIds.slice(0, 3).join(', ')}${runIds.length > 3 ? ', …' : ''} is in ${this.opts.project.webUrl}`);
    this.wanted = new Set(runIds);
    for (const id of [...this.entries.keys()]) if (!this.wanted.has(id)) this.entries.delete(id);
    if (listing) await this.addRuns(listing);
    this.schedulePolling();
  }

  private shown(run: CloudRun): boolean {
    return this.wanted === null || this.wanted.has(run.info.id);
  }

  /** Polls while a shown run is running, stops when none is (or the source is closed). */
  private schedulePolling(): void {
    const ms = this.opts.pollMs;
    if (!ms) return;
    const running = !this.closed && [...this.entries.values()].some((e) => e.run.info.status === 'running');
    if (running && !this.timer) {
      this.timer = setInterval(() => void this.poll(), ms);
      this.timer.unref();
    } else if (!running && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private async poll(): Promise<void> {
    if (this.polling || this.closed) return;
    this.polling = true;
    try {
      await this.refresh();
    } catch {
      // the host is unreachable for now: the account's status says so; the next tick tries again
    } finally {
      this.polling = false;
      this.schedulePolling();
    }
  }

  private async addRuns(all: CloudRun[]): Promise<string[]> {
    const runs = all.filter((r) => this.shown(r));
    const fresh = runs.filter((r) => !this.entries.has(r.info.id)).sort((a, b) => (a.info.createdAt ?? '').localeCompare(b.info.createdAt ?? ''));
    const keys = await mapLimited(fresh, 4, (r) => this.opts.client.metricKeys(r.ref).then((k) => ({ k, issue: null }), (e: Error) => ({ k: [], issue: e.message })));
    fresh.forEach((run, i) => {
      const entry = this.newEntry(run, keys[i].k);
      if (keys[i].issue) entry.issues.push({ path: run.info.dir, reason: `metric keys: ${keys[i].issue}` });
      this.entries.set(run.info.id, entry);
    });
    return fresh.map((r) => r.info.id);
  }

  private newEntry(run: CloudRun, keys: MetricKeyInfo[], console?: ConsoleCache): Entry {
    return {
      run, keys, detail: null, detailLoading: false,
      series: new SeriesLoader((k) => this.opts.client.fullScalars(run.ref, k)),
      requested: new Set(),
      media: new Map(), loadedMedia: new Map(), issues: [],
      console: console ?? new ConsoleCache({ fetchFrom: (shard) => this.opts.client.logsFrom(run.ref, shard), freshMs: this.opts.consoleFreshMs ?? 2000 }),
    };
  }

  private entry(runId: string): Entry {
    const e = this.entries.get(runId);
    if (!e) throw new NotFoundError(`no run ${runId} in ${this.opts.project.webUrl}`);
    return e;
  }

  private emit(runId: string, change: { grownKeys?: string[]; newKeys?: string[]; statusChanged?: boolean }): void {
    if (this.closed) return;
    const e: ChangeEvent = { source: this.id, newRuns: [], runs: [{ runId, newKeys: change.newKeys ?? [], grownKeys: change.grownKeys ?? [], consoleLines: 0, statusChanged: change.statusChanged ?? false }] };
    for (const l of this.listeners) l(e);
  }

  /** A background download failed: the run shows why; the UI is told to look again. */
  private failed(runId: string, what: string, err: unknown): void {
    const entry = this.entries.get(runId);
    if (!entry) return;
    entry.issues.push({ path: entry.run.info.dir, reason: `${what}: ${(err as Error).message}` });
    this.emit(runId, { statusChanged: true });
  }

  view(): WorkspaceView {
    return {
      sourceId: this.id,
      kind: 'cloud',
      target: this.opts.project.webUrl,
      folderKey: this.folderKey,
      // the run page as the SDK 0.9 Api links it: slug preferred, else cuid
      runs: [...this.entries.values()].map((e) => ({ info: this.infoOf(e), keys: e.keys, webUrl: `${this.opts.project.webUrl}/runs/${encodeURIComponent(e.run.ref.slug ?? e.run.ref.cuid)}/chart` })),
      issues: [],
      canOpenFolders: this.opts.canOpenFolders ?? false,
    };
  }

  private infoOf(e: Entry) {
    const info = e.detail?.info ?? e.run.info;
    return e.issues.length ? { ...info, issues: [...info.issues, ...e.issues] } : info;
  }

  series(key: string, runIds: string[], width: number, range?: [number, number]): SeriesResponse {
    const series: SeriesData[] = [];
    for (const id of runIds) {
      const e = this.entry(id);
      if (!e.keys.some((k) => k.key === key && k.type === 'line')) continue;
      const s = e.series.peek(key);
      if (s === undefined && !e.requested.has(key)) {
        e.requested.add(key);
        e.series.load(key).then(() => this.emit(id, { grownKeys: [key] }), (err: unknown) => {
          e.requested.delete(key);
          this.failed(id, key, err);
        });
      } else if (s) series.push(chartSeries(id, s, width, range));
    }
    return { key, series };
  }

  private mediaPoints(runId: string, key: string): Promise<MediaPoint[]> {
    const e = this.entry(runId);
    let p = e.media.get(key);
    if (!p) {
      p = this.opts.client.media(e.run.ref, key).then((points) => {
        e.loadedMedia.set(key, points);
        const first = points.find((pt) => pt.items.some((it) => it.file))?.items.find((it) => it.file)?.file;
        // house key listings carry no media type: take it from the stored file
        if (first) e.keys = e.keys.map((k) => (k.key === key ? { ...k, type: mediaTypeOfPath(first) } : k));
        return points;
      });
      p.catch(() => e.media.delete(key));
      e.media.set(key, p);
    }
    return p;
  }

  media(runId: string, key: string, urlOf: (runId: string, key: string, file: string) => string): MediaResponse {
    const e = this.entry(runId);
    const loaded = e.loadedMedia.get(key);
    if (!loaded) {
      if (!e.media.has(key)) this.mediaPoints(runId, key).then(() => this.emit(runId, { grownKeys: [key] }), (err: unknown) => this.failed(runId, key, err));
      return { key, points: [] };
    }
    return { key, points: loaded.map((p) => ({ ...p, urls: p.items.map((it) => (it.file ? urlOf(runId, key, it.file) : null)) })) };
  }

  /** Profile and every line key's full series, fetched once per run; then a change event. */
  private loadDetails(runId: string, e: Entry): void {
    if (e.detailLoading || e.detail) return;
    e.detailLoading = true;
    const lineKeys = e.keys.filter((k) => k.type === 'line').map((k) => k.key);
    Promise.all([this.opts.client.run(this.opts.project, e.run.ref.cuid), Promise.all(lineKeys.map((k) => e.series.load(k)))]).then(
      ([detail]) => {
        e.detail = detail;
        this.emit(runId, { statusChanged: true, grownKeys: lineKeys });
      },
      (err: unknown) => {
        e.detailLoading = false;
        this.failed(runId, 'details', err);
      },
    );
  }

  details(runId: string): RunDetails {
    const e = this.entry(runId);
    this.loadDetails(runId, e);
    const summaries = [];
    for (const k of e.keys) {
      const s = k.type === 'line' ? e.series.peek(k.key) : null;
      if (s) summaries.push(summarizeSeries(k.key, s));
    }
    const profile = e.detail?.profile ?? null;
    return {
      info: this.infoOf(e),
      summaries,
      config: profile?.config ?? e.run.config,
      system: profile?.system ?? null,
      requirements: profile?.requirements ?? null,
      conda: profile?.conda ?? null,
    };
  }

  /**
   * The console from the cache: a finished run's log is downloaded once, a running run's from
   * the last shard held on; what the renderer holds is not sent again.
   */
  async console(runId: string, since?: number, anchor?: string): Promise<ConsoleResponse> {
    const e = this.entry(runId);
    await e.console.update(e.run.info.status !== 'running');
    const lines = [...e.console.lines];
    const errors = lines.filter((l) => l.level === 'error').map((l) => l.text);
    return consoleSince(lines, errors.length ? errors : null, since, anchor);
  }

  /** Downloads (once) a media file the run really recorded, for the transport to stream. */
  async mediaFile(runId: string, key: string, file: string): Promise<string | null> {
    const e = this.entry(runId);
    const points = await this.mediaPoints(runId, key);
    if (!points.some((p) => p.items.some((it) => it.file === file))) return null;
    const name = createHash('sha256').update(`${this.opts.client.host.apiHost}\n${e.run.ref.cuid}\n${file}`).digest('hex').slice(0, 32) + path.extname(file);
    const target = path.join(this.opts.cacheDir, name);
    if (await fs.stat(target).then(() => true, () => false)) return target;
    const bytes = await this.opts.client.mediaBytes(e.run.ref, file);
    await fs.mkdir(this.opts.cacheDir, { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
    return target;
  }

  /**
   * Looks at the project again: new runs, changed states, and for runs that were running new
   * keys and grown series (their cached data is dropped). Listeners get the same event.
   */
  async refresh(): Promise<ChangeEvent> {
    const runs = (await this.opts.client.runs(this.opts.project, { all: true })).filter((r) => this.shown(r));
    const event: ChangeEvent = { source: this.id, newRuns: await this.addRuns(runs), runs: [] };
    for (const run of runs) {
      const e = this.entries.get(run.info.id);
      if (!e || event.newRuns.includes(run.info.id)) continue;
      const wasRunning = e.run.info.status === 'running';
      const statusChanged = e.run.info.status !== run.info.status;
      e.run = run;
      if (!wasRunning && !statusChanged) continue;
      const before = new Set(e.keys.map((k) => k.key));
      const grownKeys = e.keys.filter((k) => k.type === 'line' && e.series.peek(k.key)).map((k) => k.key);
      const fresh = this.newEntry(run, await this.opts.client.metricKeys(run.ref), e.console);
      this.entries.set(run.info.id, fresh);
      const newKeys = fresh.keys.filter((k) => !before.has(k.key)).map((k) => k.key);
      // a console someone looked at gets its new lines (from the last shard held); failing that, the next poll tries again
      const consoleLines = e.console.loaded ? await e.console.update(run.info.status !== 'running', { force: true }).catch(() => 0) : 0;
      // a running run whose data nobody looked at yet: nothing for the UI to ask again
      if (newKeys.length || grownKeys.length || consoleLines || statusChanged || e.detail) event.runs.push({ runId: run.info.id, newKeys, grownKeys, consoleLines, statusChanged });
    }
    if (!this.closed && (event.newRuns.length || event.runs.length)) for (const l of this.listeners) l(event);
    this.schedulePolling();
    return event;
  }

  onChange(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.schedulePolling();
    this.opts.onClose?.();
  }
}
