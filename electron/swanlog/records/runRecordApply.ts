import type { MediaItem, MetricType } from '../../../shared/domain';
import {
  ColumnClass,
  LogLevel,
  RunState,
  SaveType,
  int64,
  type ColumnRecord,
  type MediaRecord,
  type PbTimestamp,
  type RunRecord,
  type SaveRecord,
  type StartRecord,
} from './runRecord';
import { messageLines, type FinishState, type RecordSink, type SavedFileRole } from './recordSink';
import { isoFromTimestamp, msFromTimestamp } from './timestamps';

/** Maps one decoded generation-C record onto the sink (format doc §7). */
export function applyRunRecord(record: RunRecord, sink: RecordSink): void {
  // most frequent first
  if (record.scalar) {
    const s = record.scalar;
    const value = s.value ? s.value.number : 0;
    sink.scalar(s.key, int64(s.step), value, ms(s.timestamp ?? record.timestamp), false);
  } else if (record.log) {
    const l = record.log;
    const kind = l.level === LogLevel.ERROR ? ({ stream: 'stderr', level: 'error' } as const) : ({ stream: 'stdout', level: 'info' } as const);
    for (const text of messageLines(l.line)) sink.log({ text, ...kind });
  } else if (record.media) {
    applyMedia(record.media, record.timestamp, sink);
  } else if (record.column) {
    sink.column(runColumn(record.column));
  } else if (record.start) {
    applyStart(record.start, record.timestamp, sink);
  } else if (record.finish) {
    const f = record.finish;
    sink.finish({ state: FINISH_STATES[f.state] ?? 'finished', finishedAt: iso(f.finished_at) ?? iso(record.timestamp), error: f.error || null });
  } else if (record.save) {
    applySave(record.save, sink);
  }
}

// proto3 omits state 0 (RUNNING); a finish record without a state counts as finished (doc §8).
const FINISH_STATES: Record<number, FinishState> = {
  [RunState.RUNNING]: 'finished',
  [RunState.FINISHED]: 'finished',
  [RunState.CRASHED]: 'crashed',
  [RunState.ABORTED]: 'aborted',
};

/** ColumnType enum → metric type; the media folder is the same lower-case name. */
const COLUMN_TYPES: Record<number, MetricType> = {
  0: 'line',
  1: 'line',
  2: 'image',
  3: 'audio',
  4: 'text',
  5: 'video',
  6: 'echarts',
  7: 'object3d',
  8: 'molecule',
  9: 'html',
};

const SECTION_TYPES: Record<number, string> = { 1: 'PINNED', 2: 'HIDDEN', 3: 'PUBLIC', 4: 'SYSTEM' };

function applyMedia(m: MediaRecord, recordTime: PbTimestamp | null, sink: RecordSink): void {
  const type = COLUMN_TYPES[m.type] ?? null;
  const folder = type ?? 'unknown';
  const records = m.value?.items ?? [];
  const items: MediaItem[] = records.map((it) => ({
    file: `media/${folder}/${it.filename}`,
    text: null, // generation C text lives in media/text/<file>; the file reader fills it in
    caption: it.caption || null,
  }));
  // No `more` list on the wire; this is the shape the SDK writes next to media points elsewhere.
  const more = records.map((it) => (it.caption ? { caption: it.caption } : null));
  sink.media(m.key, type, { step: int64(m.step), timestamp: ms(m.timestamp ?? recordTime), items, more });
}

function applyStart(s: StartRecord, recordTime: PbTimestamp | null, sink: RecordSink): void {
  sink.project(s.project || null, s.workspace || null);
  sink.run({
    id: s.id || null,
    name: s.name || null,
    description: s.description || null,
    // 0.8+ has one run colour; A's light/dark are both set to it (doc §4.1).
    colors: s.color ? [s.color, s.color] : null,
    tags: [...s.tags],
    group: s.group || null,
    jobType: s.job_type || null,
    startedAt: iso(s.started_at) ?? iso(recordTime),
  });
}

function runColumn(c: ColumnRecord): Parameters<RecordSink['column']>[0] {
  const range = c.y_range;
  return {
    key: c.column_key,
    kid: null,
    type: COLUMN_TYPES[c.column_type] ?? 'line',
    system: c.column_class === ColumnClass.SYSTEM,
    sectionName: c.section_name || null,
    sectionType: SECTION_TYPES[c.section_type] ?? null,
    displayName: c.column_name || c.metric_name || null,
    chartName: c.chart_name || null,
    chartIndex: c.chart_index || null,
    yRange: range ? [range.min ?? null, range.max ?? null] : null,
    error: null,
  };
}

const SAVE_ROLES: Record<number, [SavedFileRole, string]> = {
  [SaveType.CONFIG]: ['config', 'config.yaml'],
  [SaveType.METADATA]: ['metadata', 'swanlab-metadata.json'],
  [SaveType.REQUIREMENTS]: ['requirements', 'requirements.txt'],
  [SaveType.CONDA]: ['conda', 'conda.yaml'],
};

function applySave(s: SaveRecord, sink: RecordSink): void {
  const role = SAVE_ROLES[s.type];
  if (!role) return;
  // source_path is absolute at write time (the run may have moved): keep only its file name.
  const written = baseName(s.target_path) || baseName(s.source_path);
  sink.file(role[0], written || role[1]);
}

function baseName(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

function iso(t: PbTimestamp | null | undefined): string | null {
  return t ? isoFromTimestamp(int64(t.seconds), t.nanos) : null;
}

function ms(t: PbTimestamp | null | undefined): number {
  return t ? msFromTimestamp(int64(t.seconds), t.nanos) : NaN;
}
