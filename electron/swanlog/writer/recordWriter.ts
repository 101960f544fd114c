/**
 * Generation C of one run: `run-<id>.swanlab`, LevelDB-log framed protobuf records (header
 * version 2), in the SDK's order: start (-1) → saves (-3/-4/-5) → log lines → per new key a
 * column record followed by its scalars/media → finish (-2). Framing and the protobuf encoder
 * come from ../records; this file only decides which records to write.
 *
 * Like the SDK (which does not flush per record) records are buffered until `flush()`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FrameWriter } from '../records/frameWriter';
import { scanFrames } from '../records/framing';
import { decodeRunRecord, encodeRunRecord, int64, type RunRecordObject } from '../records/runRecord';
import { ByteQueue } from './byteQueue';
import type { MediaKind, StoredMediaItem } from './mediaStore';
import { ScalarRecordEncoder } from './scalarRecordEncoder';
import type { Micros } from './pyTime';

export interface RecordRunInfo {
  runDir: string;
  id: string;
  project: string;
  name: string;
  description: string;
  color: string;
  tags?: string[];
  startTime: Micros;
}

export type FinishState = 'finished' | 'crashed' | 'aborted';
export type SaveKind = 'config' | 'metadata' | 'requirements';

const COLUMN_TYPE: Record<'line' | MediaKind, string> = {
  line: 'COLUMN_TYPE_SCALAR',
  image: 'COLUMN_TYPE_IMAGE',
  audio: 'COLUMN_TYPE_AUDIO',
  text: 'COLUMN_TYPE_TEXT',
};
const KIND_OF_COLUMN_TYPE: Record<number, 'line' | MediaKind> = { 1: 'line', 2: 'image', 3: 'audio', 4: 'text' };
const SAVE: Record<SaveKind, { num: number; type: string }> = {
  config: { num: -3, type: 'SAVE_TYPE_CONFIG' },
  metadata: { num: -4, type: 'SAVE_TYPE_METADATA' },
  requirements: { num: -5, type: 'SAVE_TYPE_REQUIREMENTS' },
};
const FINISH_STATE: Record<FinishState, string> = {
  finished: 'RUN_STATE_FINISHED',
  crashed: 'RUN_STATE_CRASHED',
  aborted: 'RUN_STATE_ABORTED',
};

/** Record.timestamp (build time) trails the time of the log call a little. */
const BUILD_DELAY: Micros = 40;

/** protobuf Timestamp; zero fields left out like proto3 serializers do. */
function ts(t: Micros): { seconds?: number; nanos?: number } {
  const seconds = Math.floor(t / 1e6);
  const nanos = (t - seconds * 1e6) * 1000;
  return { ...(seconds !== 0 && { seconds }), ...(nanos !== 0 && { nanos }) };
}

export function recordFileName(id: string): string {
  return `run-${id}.swanlab`;
}

export class RecordRunWriter {
  readonly file: string;
  private pending = new ByteQueue();
  private readonly frames: FrameWriter;
  private readonly scalars = new ScalarRecordEncoder();
  private nextNum = 1;
  private logEpoch = 0;
  private columns = new Set<string>();
  /** Kind and steps per key found when resuming (for the caller's duplicate-step check). */
  readonly resumedKeys = new Map<string, { kind: 'line' | MediaKind; steps: number[] }>();
  private fd: number;
  private closed = false;

  private constructor(file: string, offset: number, state?: { nextNum: number; logEpoch: number; columns: Set<string> }) {
    this.file = file;
    this.fd = fs.openSync(file, offset === 0 ? 'w' : 'a');
    this.frames = new FrameWriter(
      { write: (b) => this.pending.appendBytes(b) },
      { version: 2, offset },
    );
    if (state) ({ nextNum: this.nextNum, logEpoch: this.logEpoch, columns: this.columns } = state);
  }

  /** New record file with its start record. */
  static create(info: RecordRunInfo): RecordRunWriter {
    fs.mkdirSync(info.runDir, { recursive: true });
    const w = new RecordRunWriter(path.join(info.runDir, recordFileName(info.id)), 0);
    const start: RunRecordObject = {
      project: info.project,
      name: info.name,
      color: info.color,
      id: info.id,
      started_at: ts(info.startTime),
    };
    if (info.description) start.description = info.description;
    if (info.tags?.length) start.tags = info.tags;
    w.put(-1, info.startTime + 500, { start });
    return w;
  }

  /**
   * Continues an existing record file: numbering, log line counter and known columns come from
   * its records; a torn tail (killed writer) is cut off first.
   */
  static resume(runDir: string, id: string): RecordRunWriter {
    const file = path.join(runDir, recordFileName(id));
    const buf = fs.readFileSync(file);
    const scan = scanFrames(buf, 0, 7);
    if (scan.nextOffset < buf.length) fs.truncateSync(file, scan.nextOffset);
    const state = { nextNum: 1, logEpoch: 0, columns: new Set<string>() };
    const resumed = new Map<string, { kind: 'line' | MediaKind; steps: number[] }>();
    for (const payload of scan.records) {
      const r = decodeRunRecord(payload);
      const num = int64(r.num);
      if (num > 0) state.nextNum = Math.max(state.nextNum, num + 1);
      if (r.log) state.logEpoch = Math.max(state.logEpoch, int64(r.log.epoch));
      if (r.column) {
        state.columns.add(r.column.column_key);
        resumed.set(r.column.column_key, { kind: KIND_OF_COLUMN_TYPE[r.column.column_type] ?? 'line', steps: [] });
      }
      const point = r.scalar ?? r.media;
      if (point) resumed.get(point.key)?.steps.push(int64(point.step));
    }
    const w = new RecordRunWriter(file, scan.nextOffset, state);
    for (const [k, v] of resumed) w.resumedKeys.set(k, v);
    return w;
  }

  get buffered(): number {
    return this.pending.size;
  }

  hasColumn(key: string): boolean {
    return this.columns.has(key);
  }

  /** A `files/` entry was (re)written. */
  save(kind: SaveKind, absolutePath: string, time: Micros): void {
    const s = SAVE[kind];
    this.put(s.num, time, { save: { name: kind, source_path: absolutePath, type: s.type } });
  }

  scalar(key: string, step: number, value: number, time: Micros): void {
    this.ensureColumn(key, 'line', time);
    if (this.closed) throw new Error('record writer is closed');
    this.frames.writeRecord(this.scalars.encode(this.nextNum++, time + BUILD_DELAY, key, step, time, value));
  }

  media(key: string, step: number, kind: MediaKind, items: StoredMediaItem[], time: Micros): void {
    this.ensureColumn(key, kind, time);
    const media: RunRecordObject = {
      key,
      type: COLUMN_TYPE[kind],
      timestamp: ts(time),
      value: {
        items: items.map((it) => {
          const item: RunRecordObject = { filename: it.filename, sha256: it.sha256, size: it.size };
          if (it.caption) item.caption = it.caption;
          return item;
        }),
      },
    };
    if (step !== 0) media.step = step;
    this.put(this.nextNum++, time + BUILD_DELAY, { media });
  }

  /** One console line (no stream flag in 0.8+: stdout and stderr are both INFO). */
  log(line: string, time: Micros): void {
    this.logEpoch++;
    this.put(this.nextNum++, time + BUILD_DELAY, { log: { line, timestamp: ts(time), epoch: this.logEpoch } });
  }

  finish(state: FinishState, error: string | null, time: Micros): void {
    const finish: RunRecordObject = { state: FINISH_STATE[state], finished_at: ts(time) };
    if (error) finish.error = error;
    this.put(-2, time + 60, { finish });
    this.close();
  }

  flush(): void {
    this.pending.drain(this.fd);
  }

  /**
   * Stops writing. `tornTail` imitates a killed SDK: the next record is cut inside its chunk,
   * so readers see a torn last chunk like in the real fixtures.
   */
  close(options: { tornTail?: boolean } = {}): void {
    if (this.closed) return;
    if (options.tornTail) {
      const torn = FrameWriter.encodeFile([encodeRunRecord({ num: this.nextNum, log: { line: 'torn', epoch: this.logEpoch + 1 } })]);
      this.pending.appendBytes(torn.subarray(7, 7 + 7 + 3)); // chunk header + 3 payload bytes
    }
    this.flush();
    fs.closeSync(this.fd);
    this.closed = true;
  }

  private ensureColumn(key: string, kind: 'line' | MediaKind, time: Micros): void {
    if (this.columns.has(key)) return;
    this.columns.add(key);
    const column: RunRecordObject = {
      column_class: 'COLUMN_CLASS_CUSTOM',
      column_type: COLUMN_TYPE[kind],
      column_key: key,
      section_type: 'SECTION_TYPE_PUBLIC',
    };
    const slash = key.indexOf('/');
    if (slash > 0) column.section_name = key.slice(0, slash);
    this.put(this.nextNum++, time + BUILD_DELAY - 5, { column });
  }

  private put(num: number, time: Micros, body: RunRecordObject): void {
    if (this.closed) throw new Error('record writer is closed');
    this.frames.writeRecord(encodeRunRecord({ num, timestamp: ts(time), ...body }));
  }
}
