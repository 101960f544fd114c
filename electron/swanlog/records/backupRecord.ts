import type { ConsoleLine, MediaItem, MediaPoint, MetricType } from '../../../shared/domain';
import { msFromIso } from './timestamps';
import { messageLines, type RecordColumn, type RecordSink, type SavedFileRole } from './recordSink';

/** Generation B (`backup.swanlab`, SDK 0.6.2–0.7.x): each payload is UTF-8 JSON + "\n" (format doc §6). */
export interface BackupRecord {
  model_type: string;
  data: Record<string, unknown>;
}

/** Throws on a payload that is not a `{model_type, data}` JSON object. */
export function decodeBackupRecord(payload: Uint8Array): BackupRecord {
  const parsed: unknown = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8'));
  if (!isObject(parsed) || typeof parsed.model_type !== 'string') throw new Error('not a backup record');
  return { model_type: parsed.model_type, data: isObject(parsed.data) ? parsed.data : {} };
}

export function applyBackupRecord(record: BackupRecord, sink: RecordSink): void {
  const d = record.data;
  switch (record.model_type) {
    case 'Header':
      sink.run({ startedAt: str(d.create_time) });
      break;
    case 'Project':
      sink.project(str(d.name), str(d.workspace));
      break;
    case 'Experiment':
      applyExperiment(d, sink);
      break;
    case 'Log':
      for (const line of logLines(d)) sink.log(line);
      break;
    case 'Runtime':
      applyRuntime(d, sink);
      break;
    case 'Column':
      if (typeof d.key === 'string') sink.column(backupColumn(d, d.key));
      break;
    case 'Scalar':
      applyScalar(d, sink);
      break;
    case 'Media':
      applyMedia(d, sink);
      break;
    case 'Footer':
      // B cannot tell a crash from Ctrl-C: both are success=false.
      sink.finish({ state: d.success === true ? 'finished' : 'crashed', finishedAt: str(d.create_time), error: null });
      break;
  }
}

function applyExperiment(d: Record<string, unknown>, sink: RecordSink): void {
  // Header v0 (0.6.2–0.6.7) has no id/colors; do not overwrite with nulls then.
  const info: Parameters<RecordSink['run']>[0] = { name: str(d.name), description: str(d.description) };
  if ('id' in d) info.id = str(d.id);
  if (Array.isArray(d.colors)) info.colors = [str(d.colors[0]), str(d.colors[1])];
  info.tags = Array.isArray(d.tags) ? d.tags.filter((t): t is string => typeof t === 'string') : [];
  sink.run(info);
}

const LOG_LEVELS: Record<string, Pick<ConsoleLine, 'stream' | 'level'>> = {
  INFO: { stream: 'stdout', level: 'info' },
  WARN: { stream: 'stderr', level: 'warn' },
  ERROR: { stream: 'stderr', level: 'error' },
};

function logLines(d: Record<string, unknown>): ConsoleLine[] {
  if (typeof d.message !== 'string') return [];
  const kind = LOG_LEVELS[String(d.level)] ?? { stream: 'unknown', level: 'info' };
  // ERROR is the final traceback as one multi-line message.
  return messageLines(d.message).map((text) => ({ text, ...kind }));
}

const RUNTIME_FILES: [string, SavedFileRole][] = [
  ['config_filename', 'config'],
  ['metadata_filename', 'metadata'],
  ['requirements_filename', 'requirements'],
  ['conda_filename', 'conda'],
];

function applyRuntime(d: Record<string, unknown>, sink: RecordSink): void {
  for (const [field, role] of RUNTIME_FILES) {
    const name = str(d[field]);
    if (name) sink.file(role, name);
  }
}

const COLUMN_TYPES: Record<string, MetricType> = {
  FLOAT: 'line',
  IMAGE: 'image',
  AUDIO: 'audio',
  TEXT: 'text',
  VIDEO: 'video',
  ECHARTS: 'echarts',
  OBJECT3D: 'object3d',
  MOLECULE: 'molecule',
  HTML: 'html',
};

function backupColumn(d: Record<string, unknown>, key: string): RecordColumn {
  const yRange = Array.isArray(d.y_range) ? ([num(d.y_range[0]), num(d.y_range[1])] as [number | null, number | null]) : null;
  return {
    key,
    kid: d.kid === null || d.kid === undefined ? null : String(d.kid),
    type: COLUMN_TYPES[String(d.column_type)] ?? 'line',
    system: d.cls === 'SYSTEM',
    sectionName: str(d.section_name),
    sectionType: str(d.section_type),
    displayName: str(d.name) ?? str(d.metric_name),
    chartName: str(d.chart_name),
    chartIndex: str(d.chart_index),
    yRange,
    error: d.error ?? null,
  };
}

function applyScalar(d: Record<string, unknown>, sink: RecordSink): void {
  const metric = isObject(d.metric) ? d.metric : {};
  const step = num(d.step) ?? num(metric.index);
  if (typeof d.key !== 'string' || step === null) return;
  const v = metric.data;
  if (typeof v === 'number') {
    sink.scalar(d.key, step, v, msFromIso(metric.create_time), false);
  } else if (typeof v === 'string' && v in LEGACY_NON_FINITE) {
    sink.scalar(d.key, step, LEGACY_NON_FINITE[v], msFromIso(metric.create_time), true);
  }
}

/** ≤0.7 stores non-finite values as strings; "INF" is written for both signs. */
const LEGACY_NON_FINITE: Record<string, number> = {
  NaN: NaN,
  INF: Infinity,
  '-INF': -Infinity,
  Infinity: Infinity,
  '-Infinity': -Infinity,
};

function applyMedia(d: Record<string, unknown>, sink: RecordSink): void {
  const metric = isObject(d.metric) ? d.metric : {};
  const step = num(d.step) ?? num(metric.index);
  if (typeof d.key !== 'string' || step === null) return;
  const data = Array.isArray(metric.data) ? metric.data : [];
  const more = Array.isArray(metric.more) ? metric.more : [];
  const files = Array.isArray(d.buffers_name) ? d.buffers_name : null;
  const kid = d.kid === null || d.kid === undefined ? null : String(d.kid);
  const count = files ? files.length : data.length;
  const items: MediaItem[] = [];
  for (let i = 0; i < count; i++) {
    const extra = more[i];
    const caption = isObject(extra) ? str(extra.caption) : null;
    if (files) {
      const name = str(files[i]) ?? str(data[i]);
      items.push({ file: name === null ? null : `media/${kid ?? encodeURIComponent(d.key)}/${name}`, text: null, caption });
    } else {
      const value = data[i];
      items.push({ file: null, text: typeof value === 'string' ? value : JSON.stringify(value ?? null), caption });
    }
  }
  const point: MediaPoint = { step, timestamp: msFromIso(metric.create_time), items };
  if (Array.isArray(metric.more)) point.more = metric.more;
  sink.media(d.key, null, point);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
