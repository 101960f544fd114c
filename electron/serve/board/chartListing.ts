import type { BoardRows } from './boardRows';
import { chartDict, namespaceDict, parseSourceError, type Dict } from './boardDicts';

const PROJECT_CHART_TYPES = new Set(['default', 'line', 'image', 'audio']);

/** /experiment/<id>/chart: the run's charts, each with its source key, and its namespaces. */
export function experimentCharts(rows: BoardRows, expId: number): { charts: Dict[]; namespaces: Dict[] } {
  const tagName = new Map(rows.tags.map((t) => [t.id, t.name]));
  const charts = rows.charts.filter((c) => c.experiment_id === expId).sort((a, b) => a.id - b.id).map((c) => {
    const source: string[] = [];
    const sourceMap: Dict = {};
    const error: Dict = {};
    for (const s of rows.sources.filter((x) => x.chart_id === c.id).sort((a, b) => a.id - b.id)) {
      const name = tagName.get(s.tag_id) ?? '';
      source.push(name);
      sourceMap[name] = expId;
      if (s.error) error[name] = parseSourceError(s.error);
    }
    return { ...chartDict(rows, c), error, source, multi: false, source_map: sourceMap };
  });
  const namespaces = rows.namespaces.filter((n) => n.experiment_id === expId).sort((a, b) => a.id - b.id).map((n) => ({
    ...namespaceDict(rows, n),
    charts: displayedChartIds(rows, n.id, () => true),
  }));
  const result = withPinnedAndHidden(charts, namespaces);
  for (const c of result.charts) delete c.experiment_id;
  return result;
}

/** /project/charts: one multi-run chart per line/image/audio key, sources = run names. */
export function projectCharts(rows: BoardRows): { charts: Dict[]; namespaces: Dict[] } {
  const tagById = new Map(rows.tags.map((t) => [t.id, t]));
  const expById = new Map(rows.experiments.map((e) => [e.id, e]));
  // swanboard builds one source_map object and shares it between all charts, so every
  // chart carries the map of all charts; we serve the same.
  const sharedMap: Dict = {};
  const pid = rows.project.id;
  const charts = rows.charts
    .filter((c) => c.project_id === pid && PROJECT_CHART_TYPES.has(c.type))
    .sort((a, b) => a.id - b.id)
    .map((c) => {
      const source: string[] = [];
      const error: Dict = {};
      for (const s of rows.sources.filter((x) => x.chart_id === c.id).sort((a, b) => a.id - b.id)) {
        const exp = expById.get(tagById.get(s.tag_id)?.experiment_id ?? -1);
        if (!exp) continue;
        source.push(exp.name);
        sharedMap[exp.name] = exp.id;
        if (s.error) error[exp.name] = parseSourceError(s.error);
      }
      return { ...chartDict(rows, c), error, source, multi: true, source_map: sharedMap };
    });
  const typeOf = new Map(rows.charts.map((c) => [c.id, c.type]));
  const namespaces = rows.namespaces
    .filter((n) => n.project_id === pid)
    .sort((a, b) => a.id - b.id)
    .map((n) => ({ ...namespaceDict(rows, n), charts: displayedChartIds(rows, n.id, (id) => PROJECT_CHART_TYPES.has(typeOf.get(id) ?? '')) }))
    .filter((n) => n.charts.length > 0);
  return withPinnedAndHidden(charts, namespaces);
}

function displayedChartIds(rows: BoardRows, nsId: number, keep: (chartId: number) => boolean): number[] {
  return rows.displays.filter((d) => d.namespace_id === nsId).sort((a, b) => a.id - b.id).map((d) => d.chart_id).filter(keep);
}

/** Pinned (status 1) and hidden (status -1) charts move to the virtual namespaces -1 and -2. */
function withPinnedAndHidden(charts: Dict[], namespaces: (Dict & { charts: number[] })[]): { charts: Dict[]; namespaces: Dict[] } {
  if (!charts.length || !namespaces.length) return { charts, namespaces };
  const first = charts[0];
  const owner = (first.experiment_id ?? first.project_id) as Dict;
  const pinned: Dict[] = [];
  const hidden: Dict[] = [];
  for (const c of charts) {
    if (c.status === 1) pinned.push(c);
    else if (c.status === -1) hidden.push(c);
    if (c.status !== 0) for (const n of namespaces) n.charts = n.charts.filter((id) => id !== c.id);
  }
  const out: Dict[] = namespaces.filter((n) => n.charts.length > 0);
  const virtual = (id: number, name: string, list: Dict[], opened: unknown) => ({
    id, name, opened, experiment_id: first.experiment_id, project_id: first.project_id,
    charts: [...list].sort((a, b) => Number(a.sort) - Number(b.sort)).map((c) => c.id),
  });
  if (pinned.length) out.unshift(virtual(-1, 'pinned', pinned, owner.pinned_opened));
  if (hidden.length) out.push(virtual(-2, 'hidden', hidden, owner.hidden_opened));
  return { charts, namespaces: out };
}
