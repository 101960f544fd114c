/**
 * The one domain model every source (local swanlog of any generation, SwanLab account) maps to.
 * Plain data only: it crosses IPC and HTTP unchanged except for the typed arrays in series.
 */

/** On-disk generation (../shared/docs/swanlog-format.md §0): A = runs.swanlab + logs/,
 *  B = backup.swanlab (JSON records), C = run-<id>.swanlab (protobuf records). */
export type Generation = 'A' | 'B' | 'C';

/** `killed`: the run claims to be running but nothing was appended for a while (see evidence). */
export type RunStatus = 'running' | 'finished' | 'crashed' | 'aborted' | 'killed';
/** Every status, in the order the UI lists them. */
export const RUN_STATUSES: readonly RunStatus[] = ['running', 'finished', 'crashed', 'aborted', 'killed'];

export type MetricType =
  | 'line' | 'image' | 'audio' | 'text' | 'video' | 'echarts' | 'object3d' | 'molecule' | 'html';

export const MEDIA_TYPES: readonly MetricType[] = ['image', 'audio', 'text', 'video', 'echarts', 'object3d', 'molecule', 'html'];

export interface RunColors {
  light: string | null;
  dark: string | null;
}

/** A problem with one run (or one file of it); never hides the other runs. */
export interface RunIssue {
  path: string;
  reason: string;
}

export interface RunInfo {
  /** Stable id: the run folder name (`run-<YYYYMMDD_HHMMSS>-<id>`). */
  id: string;
  /** SDK run id (the part after the timestamp, or the record file's id). */
  sdkRunId: string | null;
  dir: string;
  project: string | null;
  name: string;
  description: string | null;
  tags: string[];
  colors: RunColors;
  sdkVersion: string | null;
  generations: Generation[];
  /** ISO-8601 with offset. */
  createdAt: string | null;
  finishedAt: string | null;
  status: RunStatus;
  /** Why the status is what it is (which source said so, which SDK bug was corrected, staleness). */
  statusEvidence: string[];
  /** ms since epoch of the newest append we saw (file mtimes), for staleness. */
  lastActivity: number | null;
  issues: RunIssue[];
}

export interface MetricKeyInfo {
  key: string;
  /** Part of the key before the first `/`, or `default`; system metrics: `system`. */
  section: string;
  type: MetricType;
  system: boolean;
  /** Human name where the SDK gave one (system metrics), else null. */
  displayName: string | null;
  /** Chart that groups several system keys (SDK `chart_name`), else null. */
  chartName: string | null;
}

/** Columnar numeric series, sorted by step, unique steps. NaN/±Infinity kept as IEEE values. */
export interface NumericSeries {
  steps: Float64Array;
  values: Float64Array;
  /** ms since epoch (sub-ms precision kept), NaN where unknown. */
  timestamps: Float64Array;
  /** True when the SDK stored non-finite values as the strings "NaN"/"INF" (≤0.7: sign of inf lost). */
  legacyNonFinite: boolean;
}

export interface MediaItem {
  /** Path relative to the run folder for file-backed media, null for inline text. */
  file: string | null;
  /** Inline text (≤0.7 text keys) or the content of media/text/<file> (0.8+). */
  text: string | null;
  caption: string | null;
}

export interface MediaPoint {
  step: number;
  timestamp: number;
  items: MediaItem[];
  /** The SDK's `more` list exactly as written (absent in ≤0.5 text lines), for API fidelity. */
  more?: unknown[] | null;
}

export interface MetricSummary {
  key: string;
  count: number;
  lastStep: number | null;
  /** Last value: number (may be NaN/±Infinity) for lines, null otherwise. */
  last: number | null;
  min: number | null;
  minStep: number | null;
  max: number | null;
  maxStep: number | null;
}

export type ConsoleStream = 'stdout' | 'stderr' | 'unknown';
export type ConsoleLevel = 'info' | 'warn' | 'error';

export interface ConsoleLine {
  text: string;
  stream: ConsoleStream;
  level: ConsoleLevel;
}

export interface SystemInfo {
  os: string | null;
  hostname: string | null;
  python: string | null;
  pythonExecutable: string | null;
  command: string | null;
  cwd: string | null;
  pid: number | null;
  cpuBrand: string | null;
  cpuCores: number | null;
  memoryGB: number | null;
  gpus: string[];
  gitRemote: string | null;
  gitBranch: string | null;
  gitCommit: string | null;
  sdkVersion: string | null;
}
