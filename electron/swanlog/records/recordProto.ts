/**
 * Schema of generation-C record payloads (`run-<id>.swanlab`, SDK 0.8+), written from the field
 * numbers in docs/swanlog-format.md §7. Kept as a string so the build needs no extra asset.
 *
 * The SDK declares fields 10–20 of Record as `oneof record_type`. Here they are plain fields: the
 * wire format is the same, and protobufjs's oneof setter `delete`s the six siblings on every
 * decoded record, which made decoding several times slower.
 */
export const RECORD_PROTO = `
syntax = "proto3";
package swanlab.record.v1;

import "google/protobuf/timestamp.proto";

message Record {
  int64 num = 1;
  google.protobuf.Timestamp timestamp = 2;
  // oneof record_type (see above): exactly one of these is set
  StartRecord start = 10;
  FinishRecord finish = 11;
  ColumnRecord column = 12;
  ScalarRecord scalar = 13;
  MediaRecord media = 14;
  LogRecord log = 16;
  SaveRecord save = 20;
}

message StartRecord {
  string project = 1;
  string workspace = 2;
  bool public = 3;
  string name = 4;
  string description = 5;
  repeated string tags = 6;
  string group = 7;
  string job_type = 8;
  string color = 9;
  string id = 10;
  ResumeMode resume = 11;
  google.protobuf.Timestamp started_at = 12;
}

message FinishRecord {
  RunState state = 1;
  string error = 2;
  google.protobuf.Timestamp finished_at = 3;
}

message ColumnRecord {
  ColumnClass column_class = 1;
  ColumnType column_type = 2;
  string column_key = 3;
  string column_name = 4;
  string section_name = 5;
  SectionType section_type = 6;
  YRange y_range = 7;
  string chart_index = 8;
  string chart_name = 9;
  ChartType chart_type = 10;
  string metric_name = 11;
  MetricColors metric_colors = 12;
}

message YRange {
  optional double min = 1;
  optional double max = 2;
}

message MetricColors {
  string light = 1;
  string dark = 2;
}

message ScalarRecord {
  string key = 1;
  int64 step = 2;
  ColumnType type = 3;
  google.protobuf.Timestamp timestamp = 4;
  ScalarValue value = 5;
}

message ScalarValue {
  double number = 1;
}

message MediaRecord {
  string key = 1;
  int64 step = 2;
  ColumnType type = 3;
  google.protobuf.Timestamp timestamp = 4;
  MediaValue value = 5;
}

message MediaValue {
  repeated MediaItem items = 1;
}

message MediaItem {
  string filename = 1;
  string sha256 = 2;
  int64 size = 3;
  string caption = 4;
}

message LogRecord {
  string line = 1;
  LogLevel level = 2;
  google.protobuf.Timestamp timestamp = 3;
  int64 epoch = 4;
}

message SaveRecord {
  string name = 1;
  string source_path = 2;
  string target_path = 3;
  SavePolicy policy = 4;
  SaveType type = 5;
}

enum RunState {
  RUN_STATE_RUNNING = 0;
  RUN_STATE_FINISHED = 1;
  RUN_STATE_CRASHED = 2;
  RUN_STATE_ABORTED = 3;
}

enum ResumeMode {
  RESUME_MODE_NEVER = 0;
  RESUME_MODE_ALLOW = 1;
  RESUME_MODE_MUST = 2;
}

enum ColumnType {
  COLUMN_TYPE_UNSPECIFIED = 0;
  COLUMN_TYPE_SCALAR = 1;
  COLUMN_TYPE_IMAGE = 2;
  COLUMN_TYPE_AUDIO = 3;
  COLUMN_TYPE_TEXT = 4;
  COLUMN_TYPE_VIDEO = 5;
  COLUMN_TYPE_ECHARTS = 6;
  COLUMN_TYPE_OBJECT3D = 7;
  COLUMN_TYPE_MOLECULE = 8;
  COLUMN_TYPE_HTML = 9;
}

enum ColumnClass {
  COLUMN_CLASS_UNSPECIFIED = 0;
  COLUMN_CLASS_CUSTOM = 1;
  COLUMN_CLASS_SYSTEM = 2;
}

enum SectionType {
  SECTION_TYPE_UNSPECIFIED = 0;
  SECTION_TYPE_PINNED = 1;
  SECTION_TYPE_HIDDEN = 2;
  SECTION_TYPE_PUBLIC = 3;
  SECTION_TYPE_SYSTEM = 4;
}

enum ChartType {
  CHART_TYPE_UNSPECIFIED = 0;
  CHART_TYPE_LINE = 1;
  CHART_TYPE_BAR = 2;
  CHART_TYPE_SCALAR = 3;
  CHART_TYPE_IMAGE = 4;
  CHART_TYPE_AUDIO = 5;
  CHART_TYPE_TEXT = 6;
  CHART_TYPE_VIDEO = 7;
  CHART_TYPE_ECHARTS = 8;
  CHART_TYPE_OBJECT3D = 9;
  CHART_TYPE_MOLECULE = 10;
  CHART_TYPE_HTML = 11;
}

enum LogLevel {
  LOG_LEVEL_INFO = 0;
  LOG_LEVEL_ERROR = 1;
}

enum SavePolicy {
  SAVE_POLICY_NOW = 0;
  SAVE_POLICY_END = 1;
  SAVE_POLICY_LIVE = 2;
}

enum SaveType {
  SAVE_TYPE_CUSTOM = 0;
  SAVE_TYPE_CONFIG = 1;
  SAVE_TYPE_METADATA = 2;
  SAVE_TYPE_REQUIREMENTS = 3;
  SAVE_TYPE_CONDA = 4;
}
`;
