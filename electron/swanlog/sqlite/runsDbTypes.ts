// Rows of the swanboard tables in runs.swanlab; names and nullability follow the DDL
// in docs/swanlog-format.md §4.1.

export interface ProjectRow {
  id: number;
  name: string;
  description: string | null;
  sum: number | null;
  charts: number;
  pinned_opened: number;
  hidden_opened: number;
  more: string | null;
  version: string;
  create_time: string;
  update_time: string;
}

export interface ExperimentRow {
  id: number;
  project_id: number;
  /** run folder name, e.g. `run-20261124_050145-1f375d44` */
  run_id: string;
  name: string;
  description: string | null;
  sort: number;
  /** 0 running, 1 finished, -1 crashed/stopped */
  status: number;
  show: number;
  light: string | null;
  dark: string | null;
  pinned_opened: number;
  hidden_opened: number;
  more: string | null;
  version: string;
  create_time: string;
  finish_time: string | null;
  update_time: string;
}

export interface TagRow {
  id: number;
  experiment_id: number;
  name: string;
  /** logs/media folder name; derived from `name` when the DB predates the column */
  folder: string;
  type: string;
  description: string | null;
  system: number;
  sort: number;
  more: string | null;
  create_time: string;
  update_time: string;
}

export interface ChartRow {
  id: number;
  experiment_id: number | null;
  project_id: number | null;
  name: string;
  description: string | null;
  system: number;
  type: string;
  reference: string;
  status: number;
  sort: number | null;
  config: string | null;
  more: string | null;
  create_time: string;
  update_time: string;
}

export interface NamespaceRow {
  id: number;
  experiment_id: number | null;
  project_id: number | null;
  name: string;
  description: string | null;
  sort: number;
  opened: number;
  more: string | null;
  create_time: string;
  update_time: string;
}

export interface DisplayRow {
  id: number;
  chart_id: number;
  namespace_id: number;
  sort: number;
  more: string | null;
  create_time: string;
  update_time: string;
}

export interface SourceRow {
  id: number;
  tag_id: number;
  chart_id: number;
  sort: number;
  error: string | null;
  more: string | null;
  create_time: string;
  update_time: string;
}

export interface RunsDb {
  project: ProjectRow | null;
  experiments: ExperimentRow[];
  tags: TagRow[];
  charts: ChartRow[];
  namespaces: NamespaceRow[];
  displays: DisplayRow[];
  sources: SourceRow[];
}

export interface RunsDbResult {
  db: RunsDb;
  walFramesApplied: number;
  notes: string[];
  /** bytes read from runs.swanlab and runs.swanlab-wal, retries included */
  bytesRead: number;
}
