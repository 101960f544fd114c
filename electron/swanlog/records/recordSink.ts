import type { ConsoleLine, MediaPoint, MetricType } from '../../../shared/domain';

/** What one record can tell about a run; both payload generations are mapped onto this. */

export interface RecordColumn {
  key: string;
  /** Generation B column id (folder name under logs/ and media/), null in generation C. */
  kid: string | null;
  type: MetricType;
  system: boolean;
  sectionName: string | null;
  sectionType: string | null;
  /** Column name / metric_name. */
  displayName: string | null;
  chartName: string | null;
  chartIndex: string | null;
  yRange: [number | null, number | null] | null;
  error: unknown | null;
}

export interface RecordRunInfo {
  id: string | null;
  name: string | null;
  description: string | null;
  colors: [string | null, string | null] | null;
  tags: string[];
  group: string | null;
  jobType: string | null;
  /** B: Header.create_time; C: start.started_at or Record.timestamp. */
  startedAt: string | null;
}

export type FinishState = 'finished' | 'crashed' | 'aborted';

export interface RecordFinish {
  state: FinishState;
  finishedAt: string | null;
  error: string | null;
}

export type SavedFileRole = 'config' | 'metadata' | 'requirements' | 'conda';

export interface RecordSink {
  project(name: string | null, workspace: string | null): void;
  /** Only the given fields are updated. */
  run(info: Partial<RecordRunInfo>): void;
  finish(finish: RecordFinish): void;
  column(column: RecordColumn): void;
  scalar(key: string, step: number, value: number, timestamp: number, legacyNonFinite: boolean): void;
  /** `type` null: take it from the key's column. */
  media(key: string, type: MetricType | null, point: MediaPoint): void;
  log(line: ConsoleLine): void;
  /** `name` = file name inside the run's files/ folder. */
  file(role: SavedFileRole, name: string): void;
}

/** Splits a console message into lines (a trailing newline does not make an empty line). */
export function messageLines(message: string): string[] {
  const lines = message.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
