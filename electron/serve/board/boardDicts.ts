import type { ChartRow, ExperimentRow, NamespaceRow, ProjectRow } from '../../swanlog/sqlite/runsDb';
import { toDbStatus } from '../../swanlog/run/runStatus';
import type { BoardRows } from './boardRows';

/** Rows serialised the way swanboard's peewee models do (`model_to_dict` with nested foreign keys). */
export type Dict = Record<string, unknown>;

export function projectDict(p: ProjectRow): Dict {
  return {
    id: p.id, name: p.name, description: p.description, sum: p.sum, charts: p.charts, more: p.more,
    pinned_opened: p.pinned_opened, hidden_opened: p.hidden_opened, version: p.version,
    create_time: p.create_time, update_time: p.update_time,
  };
}

/** The status we serve: the DB's unless the run's real end says otherwise (see runStatus.ts). */
export function servedStatus(rows: BoardRows, e: ExperimentRow): number {
  const run = rows.runOf.get(e.id);
  return run ? toDbStatus(run.info().status) : e.status;
}

/** An experiment row; `nested` adds the project as a nested object like a peewee foreign key. */
export function experimentRowDict(rows: BoardRows, e: ExperimentRow, nested: boolean): Dict {
  const d: Dict = {
    id: e.id, run_id: e.run_id, name: e.name, description: e.description, sort: e.sort,
    status: servedStatus(rows, e), show: e.show, light: e.light, dark: e.dark,
    pinned_opened: e.pinned_opened, hidden_opened: e.hidden_opened, more: e.more, version: e.version,
    create_time: e.create_time, finish_time: e.finish_time, update_time: e.update_time,
  };
  return nested ? { id: e.id, project_id: projectDict(rows.project), ...d } : d;
}

export function chartDict(rows: BoardRows, c: ChartRow): Dict {
  const exp = c.experiment_id === null ? null : rows.experiments.find((e) => e.id === c.experiment_id);
  return {
    id: c.id,
    experiment_id: exp ? experimentRowDict(rows, exp, true) : null,
    project_id: c.project_id === null ? null : projectDict(rows.project),
    name: c.name, description: c.description, system: c.system, type: c.type, reference: c.reference,
    config: c.config, status: c.status, sort: c.sort, more: c.more, create_time: c.create_time, update_time: c.update_time,
  };
}

export function namespaceDict(rows: BoardRows, n: NamespaceRow): Dict {
  const exp = n.experiment_id === null ? null : rows.experiments.find((e) => e.id === n.experiment_id);
  return {
    id: n.id,
    experiment_id: exp ? experimentRowDict(rows, exp, true) : null,
    project_id: n.project_id === null ? null : projectDict(rows.project),
    name: n.name, description: n.description, sort: n.sort, opened: n.opened, more: n.more,
    create_time: n.create_time, update_time: n.update_time,
  };
}

/** `source.error` is JSON text in the DB; swanboard returns it parsed ({} when empty). */
export function parseSourceError(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
