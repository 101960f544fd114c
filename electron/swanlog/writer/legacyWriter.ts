/**
 * Generation A of one run, as SDK 0.9.7 local mode writes it: rows in `runs.swanlab`,
 * `logs/<folder>/<N>.log` JSON lines sliced every 1000 points + `_summary.json`,
 * `console/<YYYY-MM-DD>.log`, `console/error.log`, `media/<folder>/` links to `media/<type>/`.
 *
 * Lines are buffered and written by `flush()` (the caller decides how often), so big
 * generated runs are written in large chunks while live runs can flush after every call.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LegacyDb, type ExperimentStatus, type TagType } from './legacyDb';
import type { MediaKind, StoredMediaItem } from './mediaStore';
import { ByteQueue } from './byteQueue';
import { pyFloatRepr, pyJson, PyFloat } from './pyJson';
import { isoUtc, localDate, pyLocalNow, type Micros } from './pyTime';

const SLICE = 1000;

export interface LegacyRunInfo {
  root: string;
  runFolder: string;
  project: string;
  name: string;
  description: string;
  color: string;
  sdkVersion: string;
  startTime: Micros;
}

/** Media links in `media/<folder>/`: relative symlinks like the SDK, or copies. */
export type MediaLinkMode = 'symlink' | 'copy';

interface KeyState {
  folder: string;
  kind: 'line' | MediaKind;
  /** Points written or buffered so far (the SDK's `epoch`). */
  count: number;
  summary: ScalarSummary;
  summaryDirty: boolean;
  /** Bytes waiting per slice file name (`1000.log`, …). */
  pending: Map<string, ByteQueue>;
}

/** Running min/max of a line key (NaN/±inf skipped, first extreme kept). */
interface ScalarSummary {
  max: number;
  maxStep: number;
  min: number;
  minStep: number;
  hasFinite: boolean;
  /** The first point was not finite, so Python's dict got `num` before `max`. */
  numFirst: boolean;
}

const emptySummary = (): ScalarSummary => ({ max: 0, maxStep: 0, min: 0, minStep: 0, hasFinite: false, numFirst: false });

export class LegacyRunWriter {
  readonly runDir: string;
  private keys = new Map<string, KeyState>();
  private nextFolder = 1;
  private consolePending = new Map<string, ByteQueue>();
  private pendingBytes = 0;
  private closed = false;

  private constructor(
    private readonly db: LegacyDb,
    readonly experimentId: number,
    /** Experiment name after the SDK's de-duplication (`name-1`, …). */
    readonly name: string,
    root: string,
    runFolder: string,
    private readonly mediaLinks: MediaLinkMode,
  ) {
    this.runDir = path.join(root, runFolder);
  }

  /** Registers the run in `runs.swanlab` and creates `logs/`, `console/`, `media/`. */
  static async create(info: LegacyRunInfo, mediaLinks: MediaLinkMode = 'symlink'): Promise<LegacyRunWriter> {
    const runDir = path.join(info.root, info.runFolder);
    for (const sub of ['logs', 'console', 'media']) fs.mkdirSync(path.join(runDir, sub), { recursive: true });
    const db = await LegacyDb.forRoot(info.root);
    const exp = db.createExperiment({
      project: info.project,
      runFolder: info.runFolder,
      name: info.name,
      description: info.description,
      color: info.color,
      sdkVersion: info.sdkVersion,
      time: info.startTime,
    });
    return new LegacyRunWriter(db, exp.id, exp.name, info.root, info.runFolder, mediaLinks);
  }

  /** Continues a run written earlier (by this or another process): state comes from the DB and logs/. */
  static async resume(root: string, runFolder: string, mediaLinks: MediaLinkMode = 'symlink'): Promise<LegacyRunWriter> {
    const db = await LegacyDb.forRoot(root);
    const exp = db.query('SELECT id, name FROM experiment WHERE run_id = ?', [runFolder])[0];
    if (!exp) throw new Error(`no experiment row for ${runFolder} in ${db.file}`);
    const w = new LegacyRunWriter(db, Number(exp.id), String(exp.name), root, runFolder, mediaLinks);
    for (const tag of db.query('SELECT name, folder, type FROM tag WHERE experiment_id = ? ORDER BY sort', [Number(exp.id)])) {
      w.adoptKey(String(tag.name), String(tag.folder), String(tag.type) as TagType);
    }
    return w;
  }

  /** Keys already known (with their folders), e.g. after `resume`. */
  knownKeys(): { key: string; folder: string; kind: 'line' | MediaKind; count: number; steps: number[] }[] {
    return [...this.keys].map(([key, s]) => ({ key, folder: s.folder, kind: s.kind, count: s.count, steps: this.readSteps(s) }));
  }

  /** Bytes buffered, roughly (callers flush when it grows large). */
  get buffered(): number {
    return this.pendingBytes;
  }

  /**
   * Creates folders and DB rows for keys seen for the first time. Called once per `log()` with
   * all of its new keys, so a call introducing 20 keys rewrites the DB once.
   */
  declareKeys(keys: { key: string; kind: 'line' | MediaKind }[], time: Micros): void {
    const fresh = keys.filter((k) => !this.keys.has(k.key));
    if (!fresh.length) return;
    const tags = fresh.map(({ key, kind }) => {
      const folder = String(this.nextFolder++);
      this.keys.set(key, { folder, kind, count: 0, summary: emptySummary(), summaryDirty: false, pending: new Map() });
      fs.mkdirSync(path.join(this.runDir, 'logs', folder), { recursive: true });
      if (kind !== 'line') fs.mkdirSync(path.join(this.runDir, 'media', folder), { recursive: true });
      return { name: key, type: kind as TagType, folder };
    });
    this.db.addTags(this.experimentId, tags, time);
  }

  /** One scalar point (already de-duplicated by step). */
  scalar(key: string, step: number, value: number, time: Micros): void {
    const s = this.state(key);
    const line = `{"index": ${step}, "data": ${pyFloatRepr(value)}, "create_time": "${isoUtc(time)}"}\n`;
    this.queue(s).appendAscii(line);
    this.pendingBytes += line.length;
    updateSummary(s.summary, s.count, value, step);
    s.summaryDirty = true;
  }

  /** One media point: file names (image/audio) or the texts themselves (text), captions in `more`. */
  media(key: string, step: number, items: StoredMediaItem[], time: Micros): void {
    const s = this.state(key);
    const data = items.map((it) => (s.kind === 'text' ? (it.text ?? it.filename) : it.filename));
    const more = items.map((it) => (it.caption ? { caption: it.caption } : null));
    const line = pyJson({ index: step, data, create_time: isoUtc(time), more }) + '\n';
    if (s.kind !== 'text') for (const it of items) this.linkMedia(s, it.filename);
    this.queue(s).appendText(line);
    this.pendingBytes += line.length;
    s.summaryDirty = true;
  }

  /** One captured console line (stdout and stderr alike). */
  console(line: string, time: Micros): void {
    const file = `${localDate(time)}.log`;
    let q = this.consolePending.get(file);
    if (!q) this.consolePending.set(file, (q = new ByteQueue()));
    q.appendText(line + '\n');
    this.pendingBytes += line.length + 1;
  }

  /** Writes every buffered line and the changed `_summary.json` files. */
  flush(): void {
    for (const s of this.keys.values()) {
      for (const [file, q] of s.pending) q.flushTo(path.join(this.runDir, 'logs', s.folder, file));
      s.pending.clear();
      if (s.summaryDirty) {
        fs.writeFileSync(path.join(this.runDir, 'logs', s.folder, '_summary.json'), summaryJson(s));
        s.summaryDirty = false;
      }
    }
    for (const [file, q] of this.consolePending) q.flushTo(path.join(this.runDir, 'console', file));
    this.consolePending.clear();
    this.pendingBytes = 0;
  }

  /** End of the run: `console/error.log` when there is an error, then the DB status. */
  finish(status: Exclude<ExperimentStatus, 0>, error: string | null, time: Micros): void {
    this.flush();
    if (error !== null) {
      fs.appendFileSync(path.join(this.runDir, 'console', 'error.log'), `${pyLocalNow(time)}\n${error}\n`);
    }
    this.db.finishExperiment(this.experimentId, error !== null ? -1 : status, time);
    this.closed = true;
  }

  /** Stops writing without any end marker (a killed process): status stays 0. */
  close(): void {
    if (!this.closed) this.flush();
    this.closed = true;
  }

  private state(key: string): KeyState {
    const s = this.keys.get(key);
    if (!s) throw new Error(`key ${key} was not declared`);
    if (this.closed) throw new Error('run writer is closed');
    return s;
  }

  /** Counts the point and returns the queue of the slice file it belongs to. */
  private queue(s: KeyState): ByteQueue {
    s.count++;
    const file = `${Math.ceil(s.count / SLICE) * SLICE}.log`;
    let q = s.pending.get(file);
    if (!q) s.pending.set(file, (q = new ByteQueue()));
    return q;
  }

  private linkMedia(s: KeyState, filename: string): void {
    const target = path.join(this.runDir, 'media', s.folder, filename);
    if (fs.existsSync(target)) return;
    const source = path.join('..', s.kind, filename);
    if (this.mediaLinks === 'symlink') {
      try {
        fs.symlinkSync(source, target);
        return;
      } catch {
        // like the SDK: fall back to a copy where symlinks are not allowed
      }
    }
    fs.copyFileSync(path.join(this.runDir, 'media', s.kind, filename), target);
  }

  /** Rebuilds a key's state from its folder when resuming. */
  private adoptKey(key: string, folder: string, type: TagType): void {
    const s: KeyState = { folder, kind: type, count: 0, summary: emptySummary(), summaryDirty: false, pending: new Map() };
    for (const p of readPoints(path.join(this.runDir, 'logs', folder))) {
      s.count++;
      if (type === 'line') updateSummary(s.summary, s.count, p.value, p.step);
    }
    this.keys.set(key, s);
    this.nextFolder = Math.max(this.nextFolder, Number(folder) + 1);
  }

  private readSteps(s: KeyState): number[] {
    return readPoints(path.join(this.runDir, 'logs', s.folder)).map((p) => p.step);
  }
}

function updateSummary(m: ScalarSummary, count: number, value: number, step: number): void {
  if (!Number.isFinite(value)) {
    if (count === 1) m.numFirst = true;
    return;
  }
  if (!m.hasFinite || value > m.max) {
    m.max = value;
    m.maxStep = step;
  }
  if (!m.hasFinite || value < m.min) {
    m.min = value;
    m.minStep = step;
  }
  m.hasFinite = true;
}

/** `_summary.json` with the keys in the order Python's dict got them; media keys only count. */
function summaryJson(s: KeyState): string {
  const m = s.summary;
  if (s.kind !== 'line' || !m.hasFinite) return pyJson({ num: s.count });
  const extremes = { max: new PyFloat(m.max), max_step: m.maxStep, min: new PyFloat(m.min), min_step: m.minStep };
  return pyJson(m.numFirst ? { num: s.count, ...extremes } : { ...extremes, num: s.count });
}

/** Points of a key folder in epoch order (all `.log` slices, numerically sorted). */
function readPoints(dir: string): { step: number; value: number }[] {
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => /^\d+\.log$/.test(f));
  } catch {
    return [];
  }
  files.sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  const out: { step: number; value: number }[] = [];
  for (const f of files) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const p = parseLogLineLoose(line);
      if (p) out.push(p);
    }
  }
  return out;
}

/** `index` and numeric `data` of one of our own `.log` lines (bare NaN/Infinity allowed); media data → NaN. */
function parseLogLineLoose(line: string): { step: number; value: number } | null {
  const index = /^\{"index": (-?\d+), "data": /.exec(line);
  if (!index || !line.endsWith('}')) return null;
  const rest = line.slice(index[0].length);
  const num = /^(NaN|-?Infinity|-?[0-9][0-9.eE+-]*)[,}]/.exec(rest);
  return { step: Number(index[1]), value: num ? Number(num[1]) : NaN };
}
