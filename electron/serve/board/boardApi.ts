import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LocalWorkspace } from '../../swanlog/workspace';
import type { LocalRun } from '../../swanlog/run/localRun';
import type { ExperimentRow } from '../../swanlog/sqlite/runsDb';
import { BOARD_COLORS, buildBoardRows, type BoardRows } from './boardRows';
import { experimentRowDict, servedStatus, type Dict } from './boardDicts';
import { experimentCharts, projectCharts } from './chartListing';
import { boardNumber, lineTagData, mediaData, mediaTagData } from './boardValues';

export type BoardResponse =
  | { status: number; json: unknown }
  | { status: 200; file: string };

const ok = (data: unknown): BoardResponse => ({ status: 200, json: { code: 0, message: 'success', data } });
/** swanboard's error envelopes: 3404 for 404, 3555 for data errors. */
export const notFound = (message: string): BoardResponse => ({ status: 404, json: { code: 3404, message } });
export const dataError = (message: string): BoardResponse => ({ status: 500, json: { code: 3555, message } });

/**
 * SwanLab's offline-board REST API (swanboard) over a LocalWorkspace, for every generation.
 * Same envelope, ids and field names as swanboard; intentional differences are listed in
 * docs/board-api-differences.md.
 */
export class BoardApi {
  private rows: BoardRows | null = null;
  /** Bumped by every change: rows built from older state are not kept. */
  private generation = 0;

  constructor(private readonly ws: LocalWorkspace) {
    ws.on('change', () => {
      this.rows = null;
      this.generation++;
    });
  }

  /**
   * The board tables. Rows of runs without DB rows are synthesised from their keys, so their
   * record files are read first (a folder opened lazily may not have read them yet).
   */
  private async board(): Promise<BoardRows> {
    if (this.rows) return this.rows;
    const primary = this.ws.roots.find((r) => r.db) ?? this.ws.roots[0];
    const ordered = [...primary.runs, ...this.ws.roots.filter((r) => r !== primary).flatMap((r) => r.runs)];
    await this.ws.ready(ordered.filter((r) => !(primary.db && r.dbRow && primary.runs.includes(r))));
    const generation = this.generation;
    const rows = buildBoardRows(ordered, primary.db, path.basename(primary.root.dir));
    if (generation === this.generation) this.rows = rows;
    return rows;
  }

  async handle(pathname: string, query: URLSearchParams): Promise<BoardResponse> {
    const p = pathname.replace(/\/+$/, '');
    if (p === '/api/v1/project') return this.project();
    if (p === '/api/v1/project/summaries') return this.projectSummaries();
    if (p === '/api/v1/project/charts') return ok(projectCharts(await this.board()));
    if (p === '/api/v1/issues') return ok({ issues: await this.issues() });
    if (p.startsWith('/api/v1/media/')) return this.media(decodeURIComponent(p.slice('/api/v1/media/'.length)), query);
    const m = /^\/api\/v1\/experiment\/([^/]+)(?:\/([a-z_]+)(?:\/(.*))?)?$/.exec(p);
    if (!m) return notFound(`no such endpoint: ${pathname}`);
    const b = await this.board();
    const exp = this.experiment(b, m[1]);
    if (!exp) return notFound(`experiment ${m[1]} not found`);
    const run = b.runOf.get(exp.id)!;
    switch (m[2]) {
      case undefined: return this.experimentInfo(b, exp, run);
      case 'chart': return ok(experimentCharts(b, exp.id));
      case 'status': return ok({ status: servedStatus(b, exp), update_time: exp.update_time, finish_time: exp.finish_time, charts: experimentCharts(b, exp.id) });
      case 'tag': return m[3] !== undefined ? this.tag(exp, run, decodeURIComponent(m[3])) : notFound('tag not found');
      case 'summary': return this.summary(exp, run);
      case 'recent_log': return this.recentLog(run);
      case 'requirements': return this.requirements(run);
      default: return notFound(`no such endpoint: ${pathname}`);
    }
  }

  /** Per-run and per-folder problems (not in swanboard): each with the path and the reason. */
  private async issues(): Promise<Dict[]> {
    await this.ws.ready();
    const b = await this.board();
    const out: Dict[] = [];
    for (const root of this.ws.roots) {
      if (root.dbIssue) out.push({ run_id: null, experiment_id: null, ...root.dbIssue });
    }
    for (const e of b.experiments) {
      for (const i of b.runOf.get(e.id)!.info().issues) out.push({ run_id: e.run_id, experiment_id: e.id, path: i.path, reason: i.reason });
    }
    return out;
  }

  private experiment(b: BoardRows, idText: string): ExperimentRow | undefined {
    if (!/^\d+$/.test(idText)) return undefined;
    return b.experiments.find((e) => e.id === Number(idText));
  }

  private async project(): Promise<BoardResponse> {
    const b = await this.board();
    const experiments = b.experiments.map((e) => {
      const d: Dict = { ...experimentRowDict(b, e, false), experiment_id: e.id };
      const cfg = b.runOf.get(e.id)?.files?.configRaw;
      if (cfg !== undefined && cfg !== null) d.config = cfg;
      return d;
    });
    const p = b.project;
    return ok({
      id: p.id, name: p.name, description: p.description, sum: p.sum, charts: p.charts, more: p.more,
      pinned_opened: p.pinned_opened, hidden_opened: p.hidden_opened, version: p.version,
      create_time: p.create_time, update_time: p.update_time,
      logdir: this.ws.target, experiments, colors: { light: BOARD_COLORS, dark: BOARD_COLORS },
    });
  }

  private experimentInfo(b: BoardRows, e: ExperimentRow, run: LocalRun): BoardResponse {
    const d: Dict = {
      id: e.id, run_id: e.run_id, name: e.name, description: e.description, sort: e.sort,
      status: servedStatus(b, e), show: e.show, more: e.more, version: e.version,
      create_time: e.create_time, update_time: e.update_time, finish_time: e.finish_time,
    };
    if (run.files?.configRaw !== undefined && run.files?.configRaw !== null) d.config = run.files.configRaw;
    d.system = run.files?.metadataRaw ?? {};
    return ok(d);
  }

  private async tag(e: ExperimentRow, run: LocalRun, key: string): Promise<BoardResponse> {
    if (!run.customKeys().some((k) => k.key === key)) await run.ready();
    const info = run.customKeys().find((k) => k.key === key);
    if (!info) return notFound('tag not found');
    const data = info.type === 'line' ? lineTagData((await run.series(key))!) : mediaTagData((await run.media(key)) ?? []);
    return ok({ ...data, experiment_id: e.id });
  }

  /** Last value per key, or null for a key without points (swanboard fails there). */
  private async lastValue(run: LocalRun, key: string, type: string): Promise<unknown> {
    if (type === 'line') {
      const s = (await run.series(key))!;
      const n = s.values.length;
      return n ? boardNumber(s.values[n - 1], s.legacyNonFinite) : null;
    }
    const m = (await run.media(key)) ?? [];
    return m.length ? mediaData(m[m.length - 1]) : null;
  }

  private async summaryValues(run: LocalRun): Promise<{ key: string; value: unknown }[]> {
    await run.ready();
    const keys = run.customKeys();
    const values = await Promise.all(keys.map((k) => this.lastValue(run, k.key, k.type)));
    return keys.map((k, i) => ({ key: k.key, value: values[i] }));
  }

  private async summary(_e: ExperimentRow, run: LocalRun): Promise<BoardResponse> {
    return ok({ summaries: await this.summaryValues(run) });
  }

  /** Correct values, where swanboard reads the wrong folders for 0.6+ local runs. */
  private async projectSummaries(): Promise<BoardResponse> {
    const b = await this.board();
    const tagOrder = [...b.tags].sort((x, y) => x.experiment_id - y.experiment_id || x.create_time.localeCompare(y.create_time) || x.id - y.id);
    const tags = [...new Set(tagOrder.map((t) => t.name))];
    const summaries: Dict = {};
    for (const e of b.experiments) {
      const vals: Dict = {};
      for (const { key, value } of await this.summaryValues(b.runOf.get(e.id)!)) vals[key] = value;
      summaries[e.name] = vals;
    }
    return ok({ tags, summaries });
  }

  private async recentLog(run: LocalRun): Promise<BoardResponse> {
    const lines = (await run.console()).map((l) => l.text);
    const error = await this.errorLines(run);
    if (!lines.length && !error) return notFound('No Logs Found');
    const data: Dict = {};
    if (lines.length) {
      const last = [...lines].reverse().find((l) => l !== '') ?? '';
      data.recent = [lines[0].split(' ')[0], last.split(' ')[0]];
      data.logs = lines;
    }
    if (error) data.error = error;
    return ok(data);
  }

  /** console/error.log split like swanboard does (a trailing newline gives a last ''), else the record's traceback. */
  private async errorLines(run: LocalRun): Promise<string[] | null> {
    const text = await fs.readFile(path.join(run.dir, 'console', 'error.log'), 'utf8').catch(() => null);
    if (text !== null) return text.split('\n');
    return run.errorLines();
  }

  private async requirements(run: LocalRun): Promise<BoardResponse> {
    const req = run.files?.requirements;
    if (!req) return notFound(`${path.join(run.dir, 'files', 'requirements.txt')} does not exist`);
    return ok({ requirements: req });
  }

  private async media(file: string, query: URLSearchParams): Promise<BoardResponse> {
    const b = await this.board();
    const exp = this.experiment(b, query.get('experiment_id') ?? '');
    const key = query.get('tag');
    if (!exp || key === null) return notFound('media needs ?tag=<key>&experiment_id=<id> of an existing experiment');
    const full = await b.runOf.get(exp.id)!.mediaFile(key, path.basename(file));
    if (!full) return notFound(`no media file ${file} for ${key}`);
    return { status: 200, file: full };
  }
}
