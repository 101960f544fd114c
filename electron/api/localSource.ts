import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { buildSections, leadingCharts } from '../../shared/chartSections';
import type { ChangeEvent, ConsoleResponse, MediaResponse, RunDetails, SeriesData, SeriesResponse, UiState, WorkspaceView } from '../../shared/contract';
import { chartSeries } from '../../shared/chartSeries';
import { consoleSince } from '../../shared/consoleTail';
import type { NumericSeries } from '../../shared/domain';
import { summarizeSeries } from '../../shared/summary';
import type { LocalRun } from '../swanlog/run/localRun';
import type { LocalWorkspace, WorkspaceChange } from '../swanlog/workspace';
import { NotFoundError, type RunSource } from './source';

/** How long series.get waits for series still being read before it answers with previews for them. */
export const EXACT_WAIT_MS = 150;
/** Series not read after this long get a preview sampled (small series are read before: no preview at all). */
const PREVIEW_AFTER_MS = 50;
/** About what that wait reads of a cold folder here (~1M points/s, docs/performance.md). */
const READ_IN_WAIT_POINTS = 50_000;
/** Windows per preview of a chart of many runs (each line needs fewer points among the others; half the reads). */
const MANY_RUNS = 20;
const WINDOWS_MANY_RUNS = 8;
const previewWindows = (runs: number) => (runs >= MANY_RUNS ? WINDOWS_MANY_RUNS : undefined);
/** Charts whose previews are sampled as soon as the folder is open: about what a window shows first. */
export const FIRST_SCREEN_CHARTS = 6;

const EMPTY: NumericSeries = { steps: new Float64Array(0), values: new Float64Array(0), timestamps: new Float64Array(0), legacyNonFinite: false };

/** Resolves when `p` settles or after `ms`, whichever comes first. */
async function waitAtMost(p: Promise<unknown>, ms: number): Promise<void> {
  if (ms <= 0) return;
  let timer: NodeJS.Timeout | null = null;
  await Promise.race([p, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  if (timer) clearTimeout(timer);
}

/** Downsampled answers kept per series object (a series is replaced, not changed, when it grows). */
const PER_SERIES = 6;
const downsampled = new WeakMap<NumericSeries, Map<string, SeriesData>>();

/**
 * chartSeries, remembered for the last few widths and zoom windows of each series: a page that
 * is loaded again (or a chart scrolled back) asks the same again, and thinning 50 runs of 100k
 * points costs ~15 ms per chart of the server's one thread.
 */
function thinned(runId: string, s: NumericSeries, width: number, range?: [number, number]): SeriesData {
  let byRequest = downsampled.get(s);
  if (!byRequest) downsampled.set(s, (byRequest = new Map()));
  const id = `${runId}|${width}|${range ? range.join(',') : ''}`;
  let d = byRequest.get(id);
  if (d) {
    byRequest.delete(id);
  } else {
    d = chartSeries(runId, s, width, range);
    if (byRequest.size >= PER_SERIES) byRequest.delete(byRequest.keys().next().value!);
  }
  byRequest.set(id, d);
  return d;
}

interface Outcome {
  done: boolean;
  value: NumericSeries | null;
  error: unknown;
}

export class LocalSource implements RunSource {
  readonly id: string;
  private readonly folderKey: string;
  /** Keys answered with previews: runs whose series are still being read, and those done since. */
  private readonly refining = new Map<string, { waiting: Set<string>; done: Set<string> }>();

  constructor(readonly ws: LocalWorkspace, private readonly canOpenFolders: boolean, private readonly exactWaitMs = EXACT_WAIT_MS) {
    this.folderKey = createHash('sha256').update(ws.target).digest('hex').slice(0, 16);
    this.id = `folder:${this.folderKey}`;
  }

  private run(runId: string): LocalRun {
    const r = this.ws.run(runId);
    if (!r) throw new NotFoundError(`no run ${runId} in ${this.ws.target}`);
    return r;
  }

  view(): WorkspaceView {
    this.ws.scheduler.touch(); // a page is loading: background reads wait
    return {
      sourceId: this.id,
      kind: 'folder',
      target: this.ws.target,
      folderKey: this.folderKey,
      runs: this.ws.runs.map((r) => ({ info: r.info(), keys: r.keys(), webUrl: null })),
      issues: this.ws.roots.flatMap((r) => (r.dbIssue ? [r.dbIssue] : [])),
      canOpenFolders: this.canOpenFolders,
    };
  }

  /**
   * The key's series of each run, downsampled to `width` (shared/chartSeries.ts). Series not read
   * yet are read now (request priority, in the order asked). Those still unread after 50 ms get
   * a preview sampled (strided reads, run before any series read) and are answered with it
   * (`preview: true`) as soon as the previews are ready (at the latest after `exactWaitMs`,
   * unless a preview takes longer); once every one of them is read, a change event lists the key
   * as grown for those runs, so the chart asks again and gets the exact min/max-downsampled series.
   */
  async series(key: string, runIds: string[], width: number, range?: [number, number]): Promise<SeriesResponse> {
    const runs = runIds.map((id) => this.run(id));
    const outcomes: Outcome[] = runs.map(() => ({ done: false, value: null, error: null }));
    // a run with a big record file has big series too: its preview is queued first, before any
    // read; previews sampled already (a prefetch) of more points than the wait could read are
    // answered without waiting
    const windows = previewWindows(runs.length);
    const unread = runs.map((r) => r.loadedSeries(key) === undefined);
    const sampledPoints = runs.reduce((n, r, i) => n + (unread[i] ? r.sampledTotal(key) ?? 0 : 0), 0);
    const sampledEarly = (r: LocalRun) => sampledPoints >= READ_IN_WAIT_POINTS && r.sampledTotal(key) !== null;
    const early = runs.map((r, i) => (unread[i] && (r.big || sampledEarly(r)) ? r.preview(key, windows).catch(() => null) : null));
    const exact = runs.map((r, i) => r.series(key).then(
      (v) => Object.assign(outcomes[i], { done: true, value: v }),
      (e: unknown) => Object.assign(outcomes[i], { done: true, error: e }),
    ));
    const allRead = Promise.all(exact);
    const started = performance.now();
    if (early.some((p) => p === null)) await waitAtMost(allRead, Math.min(PREVIEW_AFTER_MS, this.exactWaitMs));
    // previews are sampled while the series are read (the scheduler runs them first): on a big
    // folder the answer does not wait for the rest of the budget before sampling
    const previews = runs.map((r, i) => early[i] ?? (outcomes[i].done ? Promise.resolve(null) : r.preview(key, windows).catch(() => null)));
    // answered once every series is read, or every preview is ready (the reads have only just
    // resumed then: waiting longer would mostly delay the first picture), or the budget is spent
    await waitAtMost(Promise.race([allRead, Promise.all(previews)]), this.exactWaitMs - (performance.now() - started));

    const out: (SeriesData | null)[] = runs.map(() => null);
    const fromExact = (i: number): void => {
      const o = outcomes[i];
      if (o.error) throw o.error;
      if (o.value) out[i] = thinned(runIds[i], o.value, width, range);
    };
    await Promise.all(runs.map(async (_run, i) => {
      if (outcomes[i].done) return fromExact(i);
      const p = await previews[i];
      if (!outcomes[i].done && !p) await exact[i]; // nothing to sample (or no longer): the run is not left out
      if (outcomes[i].done) return fromExact(i); // read meanwhile
      out[i] = { ...chartSeries(runIds[i], p!.series, width, range), total: p!.total, preview: true };
      this.refineLater(key, runIds[i], exact[i]);
    }));
    return { key, series: out.filter((s): s is SeriesData => s !== null) };
  }

  /**
   * Samples the previews of the charts the window opens on (`ui`: the folder's pins, folds and
   * hidden runs, so the same charts and runs the page will ask for, in its order) while the page
   * is still loading. On a cold folder of many long runs these previews are most of the time to
   * the first screen; series.get then finds them sampled (they are kept per key until it is read).
   */
  async prefetch(ui: UiState, charts = FIRST_SCREEN_CHARTS): Promise<void> {
    const hidden = new Set(ui.hiddenRuns);
    const sampling: Promise<unknown>[] = [];
    const views = this.ws.runs.map((r) => ({ run: r, keys: r.keys() }));
    const sections = buildSections(views.map((v) => ({ info: v.run.info(), keys: v.keys, webUrl: null })), ui);
    for (const chart of leadingCharts(sections, ui, charts)) {
      for (const { key } of chart.keys) {
        const runs = views.filter((v) => !hidden.has(v.run.id) && v.keys.some((k) => k.key === key)).map((v) => v.run);
        const windows = previewWindows(runs.length);
        for (const r of runs) sampling.push(r.preview(key, windows).catch(() => null));
      }
    }
    await Promise.all(sampling);
  }

  /** Announces `key` as grown for the runs answered with a preview, once all of them are read. */
  private refineLater(key: string, runId: string, read: Promise<unknown>): void {
    let r = this.refining.get(key);
    if (!r) this.refining.set(key, (r = { waiting: new Set(), done: new Set() }));
    if (r.waiting.has(runId)) return;
    r.waiting.add(runId);
    const entry = r;
    void read.then(() => {
      entry.waiting.delete(runId);
      entry.done.add(runId);
      if (entry.waiting.size > 0) return;
      if (this.refining.get(key) === entry) this.refining.delete(key);
      this.ws.announce({
        newRuns: [],
        runs: [...entry.done].map((id) => ({ runId: id, newKeys: [], grownKeys: [key], consoleLines: 0, statusChanged: false })),
      });
    });
  }

  async media(runId: string, key: string, urlOf: (runId: string, key: string, file: string) => string): Promise<MediaResponse> {
    const points = ((await this.run(runId).media(key)) ?? []).map((p) => ({
      ...p,
      urls: p.items.map((it) => (it.file ? urlOf(runId, key, path.basename(it.file)) : null)),
    }));
    return { key, points };
  }

  async details(runId: string): Promise<RunDetails> {
    const run = this.run(runId);
    const lines = run.keys().filter((k) => k.type === 'line');
    const series = await Promise.all(lines.map((k) => run.series(k.key)));
    return {
      info: run.info(),
      summaries: lines.map((k, i) => summarizeSeries(k.key, series[i] ?? EMPTY)),
      config: run.files?.config ?? null,
      system: run.files?.system ?? null,
      requirements: run.files?.requirements ?? null,
      conda: run.files?.conda ?? null,
    };
  }

  async console(runId: string, since?: number, anchor?: string): Promise<ConsoleResponse> {
    const run = this.run(runId);
    const [lines, error] = await Promise.all([run.console(), run.errorLines()]);
    return consoleSince(lines, error, since, anchor);
  }

  async mediaFile(runId: string, key: string, file: string): Promise<string | null> {
    return this.run(runId).mediaFile(key, file);
  }

  onChange(listener: (e: ChangeEvent) => void): () => void {
    const l = (c: WorkspaceChange) => listener({ source: this.id, newRuns: c.newRuns, runs: c.runs });
    this.ws.on('change', l);
    return () => this.ws.off('change', l);
  }

  close(): void {
    this.ws.close();
  }
}
