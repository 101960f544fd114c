// Column lists of the swanboard tables (DDL order), used to select and coerce rows.

import type {
  ChartRow,
  DisplayRow,
  ExperimentRow,
  NamespaceRow,
  ProjectRow,
  SourceRow,
  TagRow,
} from './runsDbTypes';

export interface ColumnSpec {
  kind: 'int' | 'text';
  nullable: boolean;
}

export type TableSpec<Row> = { [K in keyof Row]: ColumnSpec };

const INT: ColumnSpec = { kind: 'int', nullable: false };
const INT_NULL: ColumnSpec = { kind: 'int', nullable: true };
const TEXT: ColumnSpec = { kind: 'text', nullable: false };
const TEXT_NULL: ColumnSpec = { kind: 'text', nullable: true };

export const PROJECT_SPEC: TableSpec<ProjectRow> = {
  id: INT,
  name: TEXT,
  description: TEXT_NULL,
  sum: INT_NULL,
  charts: INT,
  pinned_opened: INT,
  hidden_opened: INT,
  more: TEXT_NULL,
  version: TEXT,
  create_time: TEXT,
  update_time: TEXT,
};

export const EXPERIMENT_SPEC: TableSpec<ExperimentRow> = {
  id: INT,
  project_id: INT,
  run_id: TEXT,
  name: TEXT,
  description: TEXT_NULL,
  sort: INT,
  status: INT,
  show: INT,
  light: TEXT_NULL,
  dark: TEXT_NULL,
  pinned_opened: INT,
  hidden_opened: INT,
  more: TEXT_NULL,
  version: TEXT,
  create_time: TEXT,
  finish_time: TEXT_NULL,
  update_time: TEXT,
};

// `folder` is nullable in the DB; the reader fills it from the tag name.
export const TAG_SPEC: TableSpec<TagRow> = {
  id: INT,
  experiment_id: INT,
  name: TEXT,
  folder: TEXT_NULL,
  type: TEXT,
  description: TEXT_NULL,
  system: INT,
  sort: INT,
  more: TEXT_NULL,
  create_time: TEXT,
  update_time: TEXT,
};

export const CHART_SPEC: TableSpec<ChartRow> = {
  id: INT,
  experiment_id: INT_NULL,
  project_id: INT_NULL,
  name: TEXT,
  description: TEXT_NULL,
  system: INT,
  type: TEXT,
  reference: TEXT,
  status: INT,
  sort: INT_NULL,
  config: TEXT_NULL,
  more: TEXT_NULL,
  create_time: TEXT,
  update_time: TEXT,
};

export const NAMESPACE_SPEC: TableSpec<NamespaceRow> = {
  id: INT,
  experiment_id: INT_NULL,
  project_id: INT_NULL,
  name: TEXT,
  description: TEXT_NULL,
  sort: INT,
  opened: INT,
  more: TEXT_NULL,
  create_time: TEXT,
  update_time: TEXT,
};

export const DISPLAY_SPEC: TableSpec<DisplayRow> = {
  id: INT,
  chart_id: INT,
  namespace_id: INT,
  sort: INT,
  more: TEXT_NULL,
  create_time: TEXT,
  update_time: TEXT,
};

export const SOURCE_SPEC: TableSpec<SourceRow> = {
  id: INT,
  tag_id: INT,
  chart_id: INT,
  sort: INT,
  error: TEXT_NULL,
  more: TEXT_NULL,
  create_time: TEXT,
  update_time: TEXT,
};
