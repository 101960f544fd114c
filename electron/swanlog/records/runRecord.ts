import * as protobuf from 'protobufjs';
import { RECORD_PROTO } from './recordProto';

/** Generation C (`run-<id>.swanlab`, SDK 0.8+): payload = protobuf `swanlab.record.v1.Record`. */

/** protobufjs gives int64 as a Long object (the `long` package is installed) or a number. */
export type Int64 = number | protobuf.Long;

export interface PbTimestamp {
  seconds: Int64;
  nanos: number;
}

// Decoded messages: proto3 defaults are read from the prototype (0, '', first enum value, null).
export interface StartRecord {
  project: string;
  workspace: string;
  public: boolean;
  name: string;
  description: string;
  tags: string[];
  group: string;
  job_type: string;
  color: string;
  id: string;
  resume: number;
  started_at: PbTimestamp | null;
}
export interface FinishRecord {
  state: number;
  error: string;
  finished_at: PbTimestamp | null;
}
export interface ColumnRecord {
  column_class: number;
  column_type: number;
  column_key: string;
  column_name: string;
  section_name: string;
  section_type: number;
  /** proto3 `optional`: absent bounds are null. */
  y_range: { min: number | null; max: number | null } | null;
  chart_index: string;
  chart_name: string;
  chart_type: number;
  metric_name: string;
  metric_colors: { light: string; dark: string } | null;
}
export interface ScalarRecord {
  key: string;
  step: Int64;
  type: number;
  timestamp: PbTimestamp | null;
  value: { number: number } | null;
}
export interface MediaItemRecord {
  filename: string;
  sha256: string;
  size: Int64;
  caption: string;
}
export interface MediaRecord {
  key: string;
  step: Int64;
  type: number;
  timestamp: PbTimestamp | null;
  value: { items: MediaItemRecord[] } | null;
}
export interface LogRecord {
  line: string;
  level: number;
  timestamp: PbTimestamp | null;
  epoch: Int64;
}
export interface SaveRecord {
  name: string;
  source_path: string;
  target_path: string;
  policy: number;
  type: number;
}
/** Exactly one of start … save is set (the SDK's `oneof record_type`); the others are null. */
export interface RunRecord {
  num: Int64;
  timestamp: PbTimestamp | null;
  start: StartRecord | null;
  finish: FinishRecord | null;
  column: ColumnRecord | null;
  scalar: ScalarRecord | null;
  media: MediaRecord | null;
  log: LogRecord | null;
  save: SaveRecord | null;
}

export const RunState = { RUNNING: 0, FINISHED: 1, CRASHED: 2, ABORTED: 3 } as const;
export const ColumnClass = { UNSPECIFIED: 0, CUSTOM: 1, SYSTEM: 2 } as const;
export const LogLevel = { INFO: 0, ERROR: 1 } as const;
export const SaveType = { CUSTOM: 0, CONFIG: 1, METADATA: 2, REQUIREMENTS: 3, CONDA: 4 } as const;

const RecordType = (() => {
  const root = new protobuf.Root();
  root.addJSON(protobuf.common.get('google/protobuf/timestamp.proto')!.nested!);
  protobuf.parse(RECORD_PROTO, root, { keepCase: true });
  root.resolveAll();
  return root.lookupType('swanlab.record.v1.Record');
})();

/** Throws on bytes that are not a valid Record message. */
export function decodeRunRecord(payload: Uint8Array): RunRecord {
  return RecordType.decode(payload) as unknown as RunRecord;
}

/**
 * Plain-object form accepted by the encoder (snake_case field names, enums as numbers or their
 * full names such as 'RUN_STATE_FINISHED', int64 as numbers, timestamps as {seconds, nanos}).
 */
export type RunRecordObject = { [field: string]: unknown };

export function encodeRunRecord(obj: RunRecordObject): Uint8Array {
  return RecordType.encode(RecordType.fromObject(obj)).finish();
}

export function int64(v: Int64 | null | undefined): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  const high = v.unsigned ? v.high >>> 0 : v.high | 0;
  return high * 4294967296 + (v.low >>> 0);
}

/** Timestamp for the encoder from ms since epoch, to the µs (all a double of ms since 1970 can hold). */
export function timestampFromMs(ms: number): { seconds: number; nanos: number } {
  let seconds = Math.floor(ms / 1000);
  let nanos = Math.round((ms - seconds * 1000) * 1000) * 1000;
  if (nanos >= 1e9) {
    seconds += 1;
    nanos -= 1e9;
  }
  return { seconds, nanos };
}
