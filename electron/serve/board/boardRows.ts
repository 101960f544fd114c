import type { LocalRun } from '../../swanlog/run/localRun';
import type {
  ChartRow, DisplayRow, ExperimentRow, NamespaceRow, ProjectRow, RunsDb, SourceRow, TagRow,
} from '../../swanlog/sqlite/runsDb';
import { toDbStatus } from '../../swanlog/run/runStatus';
import { formatIsoUtc } from '../../../shared/time';

/** swanboard's fixed colour palette (`colors` of /api/v1/project). */
export const BOARD_COLORS = ['#528d59', '#587ad2', '#c24d46', '#9cbe5d', '#6ebad3', '#dfb142', '#6d4ba4', '#8cc5b7',
  '#892d58', '#40877c', '#d0703c', '#d47694', '#e3b292', '#b15fbb', '#905f4a', '#989fa3'];

/** The swanboard tables for everything being served: DB rows where a run has them, rows
 *  synthesised the way the SDK would have written them for runs without (offline mode). */
export interface BoardRows extends RunsDb {
  project: ProjectRow;
  /** experiment id → run */
  runOf: Map<number, LocalRun>;
}

class IdSeq {
  private next: number;
  constructor(rows: { id: number }[]) {
    this.next = rows.reduce((m, r) => Math.max(m, r.id), 0) + 1;
  }
  take(): number {
    return this.next++;
  }
}

function isoOr(ms: number | null, fallback: string): string {
  return ms !== null && Number.isFinite(ms) ? formatIsoUtc(ms) : fallback;
}

/**
 * Builds the board tables from the primary DB (kept verbatim: ids, sorts and times are what
 * swanboard would serve) and synthesises rows for every other run, numbered after the DB's.
 */
export function buildBoardRows(runs: LocalRun[], primaryDb: RunsDb | null, projectFallbackName: string): BoardRows {
  const db = primaryDb;
  const out: BoardRows = {
    project: db?.project ?? synthProject(runs, projectFallbackName),
    experiments: [], tags: [], charts: [], namespaces: [], displays: [], sources: [],
    runOf: new Map(),
  };
  const dbRuns = new Set<LocalRun>();
  if (db) {
    for (const e of db.experiments) {
      const run = runs.find((r) => r.id === e.run_id && r.dbRow?.id === e.id);
      if (!run) continue; // a row of another root's DB with the same run_id cannot happen; a missing folder still has a LocalRun
      dbRuns.add(run);
      out.runOf.set(e.id, run);
      out.experiments.push(e);
    }
    const ids = new Set(out.experiments.map((e) => e.id));
    out.tags.push(...db.tags.filter((t) => ids.has(t.experiment_id)));
    out.charts.push(...db.charts);
    out.namespaces.push(...db.namespaces);
    out.displays.push(...db.displays);
    out.sources.push(...db.sources);
  }
  const seq = {
    exp: new IdSeq(out.experiments), tag: new IdSeq(out.tags), chart: new IdSeq(out.charts),
    ns: new IdSeq(out.namespaces), display: new IdSeq(out.displays), source: new IdSeq(out.sources),
  };
  let sort = out.experiments.reduce((m, e) => Math.max(m, e.sort), 0);
  for (const run of runs) {
    if (dbRuns.has(run)) continue;
    const e = synthExperiment(run, seq.exp.take(), ++sort, out.project.id);
    out.experiments.push(e);
    out.runOf.set(e.id, run);
    synthCharts(run, e, out, seq);
  }
  out.project = { ...out.project, sum: Math.max(out.project.sum ?? 0, out.experiments.length) };
  return out;
}

function synthProject(runs: LocalRun[], fallbackName: string): ProjectRow {
  const infos = runs.map((r) => r.info());
  const created = infos.map((i) => i.createdAt).filter((t): t is string => !!t).sort();
  const name = infos.find((i) => i.project)?.project ?? fallbackName;
  return {
    id: 1, name, description: null, sum: runs.length, charts: 1, pinned_opened: 1, hidden_opened: 0, more: '',
    version: infos.find((i) => i.sdkVersion)?.sdkVersion ?? '', create_time: created[0] ?? formatIsoUtc(Date.now()),
    update_time: created[created.length - 1] ?? formatIsoUtc(Date.now()),
  };
}

function synthExperiment(run: LocalRun, id: number, sort: number, projectId: number): ExperimentRow {
  const info = run.info();
  const created = info.createdAt ?? isoOr(info.lastActivity, '');
  const color = info.colors.light ?? BOARD_COLORS[(id - 1) % BOARD_COLORS.length];
  return {
    id, project_id: projectId, run_id: info.id, name: info.name, description: info.description, sort,
    status: toDbStatus(info.status), show: 1, light: color, dark: info.colors.dark ?? color,
    pinned_opened: 1, hidden_opened: 0, more: '', version: info.sdkVersion ?? '',
    create_time: created, finish_time: info.finishedAt,
    update_time: info.finishedAt ?? isoOr(info.lastActivity, created),
  };
}

interface Seqs { tag: IdSeq; chart: IdSeq; ns: IdSeq; display: IdSeq; source: IdSeq }

/** Per-run chart, namespace, display and source rows plus the shared project-level charts. */
function synthCharts(run: LocalRun, e: ExperimentRow, out: BoardRows, seq: Seqs): void {
  const t = e.create_time;
  const base = { description: null, more: null, create_time: t, update_time: t };
  const expNs = new Map<string, NamespaceRow>();
  run.customKeys().forEach((k, i) => {
    const tag: TagRow = { ...base, id: seq.tag.take(), experiment_id: e.id, name: k.key, folder: run.folderOf(k.key) ?? '', type: k.type, system: 0, sort: i };
    out.tags.push(tag);
    const chart: ChartRow = { ...base, id: seq.chart.take(), experiment_id: e.id, project_id: null, name: k.key, system: 1, type: k.type, reference: 'step', status: 0, sort: null, config: null };
    out.charts.push(chart);
    out.sources.push(sourceRow(seq.source.take(), tag.id, chart.id, 0, base));
    let ns = expNs.get(k.section);
    if (!ns) {
      ns = { ...base, id: seq.ns.take(), experiment_id: e.id, project_id: null, name: k.section, sort: expNs.size, opened: 1 };
      expNs.set(k.section, ns);
      out.namespaces.push(ns);
    }
    out.displays.push(displayRow(seq.display.take(), chart.id, ns.id, out.displays.filter((d) => d.namespace_id === ns!.id).length, base));

    let pchart = out.charts.find((c) => c.project_id === out.project.id && c.name === k.key);
    if (!pchart) {
      pchart = { ...base, id: seq.chart.take(), experiment_id: null, project_id: out.project.id, name: k.key, system: 0, type: k.type, reference: 'step', status: 0, sort: null, config: null };
      out.charts.push(pchart);
      let pns = out.namespaces.find((n) => n.project_id === out.project.id && n.name === k.section);
      if (!pns) {
        const sortNext = out.namespaces.filter((n) => n.project_id === out.project.id).length;
        pns = { ...base, id: seq.ns.take(), experiment_id: null, project_id: out.project.id, name: k.section, sort: sortNext, opened: 1 };
        out.namespaces.push(pns);
      }
      out.displays.push(displayRow(seq.display.take(), pchart.id, pns.id, out.displays.filter((d) => d.namespace_id === pns!.id).length, base));
    }
    const pc = pchart;
    out.sources.push(sourceRow(seq.source.take(), tag.id, pc.id, out.sources.filter((s) => s.chart_id === pc.id).length, base));
  });
}

function sourceRow(id: number, tagId: number, chartId: number, sort: number, base: { more: null; create_time: string; update_time: string }): SourceRow {
  return { id, tag_id: tagId, chart_id: chartId, sort, error: null, more: base.more, create_time: base.create_time, update_time: base.update_time };
}

function displayRow(id: number, chartId: number, nsId: number, sort: number, base: { more: null; create_time: string; update_time: string }): DisplayRow {
  return { id, chart_id: chartId, namespace_id: nsId, sort, more: base.more, create_time: base.create_time, update_time: base.update_time };
}
