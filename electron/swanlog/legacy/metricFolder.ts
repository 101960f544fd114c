import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MediaItem, MediaPoint, MetricType, NumericSeries, RunIssue } from '../../../shared/domain';
import { SeriesBuilder } from '../../../shared/seriesBuilder';
import { readAppendedLines } from './appendedLines';
import { FolderGate } from './folderGate';
import type { FolderSnapshot, LogFileState } from './folderSnapshot';
import { ScannedPoint, scanLogLine } from './logLine';

export { readSummaryFile, type SummaryFile } from './summaryFile';

const READ_CONCURRENCY = 4;
/** Folders with at most this many files are checked completely on every refresh (it costs nothing). */
const SMALL_FOLDER = 16;

/**
 * Does a folder's first read elsewhere (a worker thread): its snapshot, or null to read it here.
 * `points`: how many the folder's file names say it holds (small folders are better read here).
 */
export type FirstFolderRead = (dir: string, type: MetricType, points: number) => Promise<FolderSnapshot | null>;

/** One file's points read by one refresh, until they are appended to the store in file order. */
interface FileRead {
  file: LogFileState;
  points: SeriesBuilder;
  added: number;
  reset: boolean;
}

/**
 * Tail-follows one metric folder `logs/<folder>/` of a generation-A run: all `<N>.log` files in
 * numeric order, each read incrementally from the byte where the previous refresh stopped.
 * Line points of all files are kept once, in one columnar store in file order; a file that was
 * replaced, shrunk or removed (or grew before a later file) makes the store be rebuilt.
 * Which files a refresh looks at is FolderGate's call: in a big folder that did not change only
 * the last file, so an in-place change to an earlier file (never done by the SDK, which only
 * appends to the last file or replaces one) is seen within 30 refreshes.
 */
export class MetricFolderReader {
  private readonly files = new Map<string, LogFileState>();
  private readonly folder: string;
  private gate = new FolderGate();
  private store = new SeriesBuilder();
  /** The last file (in reading order) whose points are in the store. */
  private lastInStore: string | null = null;
  private listError: string | null = null;
  private cachedMedia: MediaPoint[] | null = null;
  private ordered: LogFileState[] | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly type: MetricType,
    /** Used for the first refresh only; later ones read what was appended, here. */
    private firstRead: FirstFolderRead | null = null,
  ) {
    this.folder = path.basename(dir);
  }

  /** Reads what was appended since the last call. Concurrent calls run one after the other. */
  refresh(): Promise<{ added: number; rewritten: boolean }> {
    const next = this.running.then(() => this.refreshNow());
    this.running = next.catch(() => undefined);
    return next;
  }

  /** Numeric points of all files, sorted by step, one per step (a later line wins). */
  series(): NumericSeries {
    return this.store.build();
  }

  /** List-valued points (media files or inline text), sorted by step, one per step. */
  mediaPoints(): MediaPoint[] {
    if (this.cachedMedia === null) {
      const byStep = new Map<number, MediaPoint>();
      for (const f of this.orderedFiles()) for (const p of f.media) byStep.set(p.step, p);
      this.cachedMedia = [...byStep.values()].sort((a, b) => a.step - b.step);
    }
    return this.cachedMedia;
  }

  /** The `.log` files read so far, in reading order. */
  get fileNames(): string[] {
    return this.orderedFiles().map((f) => f.name);
  }

  /** Complete lines that are not a point. A torn last line is not counted (see refresh). */
  get unparsableLines(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.unparsable;
    return n;
  }

  get issues(): RunIssue[] {
    const out: RunIssue[] = [];
    if (this.listError !== null) out.push({ path: this.dir, reason: this.listError });
    for (const f of this.orderedFiles()) {
      if (f.readError === null && f.unparsable === 0 && f.unusable === 0) continue;
      const p = path.join(this.dir, f.name);
      if (f.readError !== null) out.push({ path: p, reason: f.readError });
      if (f.unparsable > 0) out.push({ path: p, reason: `${f.unparsable} unparsable line(s) skipped` });
      if (f.unusable > 0) out.push({ path: p, reason: `${f.unusable} point(s) whose data is neither a number nor a list skipped` });
    }
    return out;
  }

  /** The files in reading order (cached: big folders have thousands). */
  private orderedFiles(): LogFileState[] {
    this.ordered ??= [...this.files.values()].sort((a, b) => compareLogNames(a.name, b.name));
    return this.ordered;
  }

  /**
   * Everything this reader knows, with `result` (what the refresh that got it there returned).
   * Holds the store's arrays themselves: once they are transferred, this reader is unusable.
   */
  snapshot(result: FolderSnapshot['result']): FolderSnapshot {
    this.store.build(); // sorted here: in a worker, that is one job less for the main thread
    return { files: [...this.files.values()], gate: this.gate.state(), store: this.store.state(), lastInStore: this.lastInStore, listError: this.listError, result };
  }

  private adopt(s: FolderSnapshot): FolderSnapshot['result'] {
    this.files.clear();
    for (const f of s.files) this.files.set(f.name, f);
    this.ordered = null;
    this.cachedMedia = null;
    this.gate = FolderGate.fromState(s.gate);
    this.store = SeriesBuilder.fromState(s.store);
    this.lastInStore = s.lastInStore;
    this.listError = s.listError;
    return s.result;
  }

  private async refreshNow(): Promise<{ added: number; rewritten: boolean }> {
    const elsewhere = this.files.size === 0 ? this.firstRead : null;
    this.firstRead = null;
    const { names, gone } = await this.namesToCheck();
    if (elsewhere) {
      const s = await elsewhere(this.dir, this.type, expectedPoints(names));
      if (s) return this.adopt(s);
    }
    for (const name of gone) this.files.delete(name);
    if (gone.length) this.ordered = null;
    const removed = gone.length > 0;
    if (this.store.length === 0 && this.type === 'line') this.store.reserve(expectedPoints(names) * (1 + 1 / 16));
    const r = await this.readFiles(names, removed);
    if (r.mustRebuild) await this.rebuild();
    this.store.trim();
    const rewritten = removed || r.reset;
    if (r.added > 0 || rewritten) this.cachedMedia = null;
    return { added: r.added, rewritten };
  }

  /** The `.log` files this refresh must look at (see FolderGate), sorted, and the known ones that are gone. */
  private async namesToCheck(): Promise<{ names: string[]; gone: string[] }> {
    const st = await stat(this.dir).catch(() => null);
    const known = this.orderedFiles();
    let check = this.gate.check(st);
    if (known.length <= SMALL_FOLDER) check = { kind: 'sweep' };
    // the last file, plus files a previous refresh could not read
    const usual = new Set(known.filter((f) => f.readError !== null || f.position === null).map((f) => f.name));
    if (known.length) usual.add(known[known.length - 1].name);
    if (check.kind === 'last') return { names: [...usual].sort(compareLogNames), gone: [] };
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.log')).sort(compareLogNames);
      this.listError = null;
    } catch (e) {
      this.listError = errorText(e);
      this.gate.listed(null, true);
      names = [];
    }
    const present = new Set(names);
    const gone = known.filter((f) => !present.has(f.name)).map((f) => f.name);
    const fresh = names.filter((n) => !this.files.has(n));
    const sweep = check.kind === 'sweep' || gone.length > 0 || (check.changed && fresh.length === 0);
    if (this.listError === null) this.gate.listed(st, sweep);
    if (sweep) return { names, gone };
    for (const n of fresh) usual.add(n);
    return { names: [...usual].filter((n) => present.has(n)).sort(compareLogNames), gone };
  }

  /**
   * Reads the given files (sorted by name) with a few in flight, so that file-system round
   * trips overlap with parsing, and appends their points to the store in file order. Points may
   * only follow those of the last file in the store: a replaced or shrunk file, or an earlier
   * file that grew, stops the appending and asks for a rebuild.
   */
  private async readFiles(names: string[], blocked: boolean): Promise<{ added: number; reset: boolean; mustRebuild: boolean }> {
    const states = names.map((name) => {
      let f = this.files.get(name);
      if (f === undefined) {
        f = emptyFileState(name);
        this.files.set(name, f);
        this.ordered = null;
      }
      return f;
    });
    const done: (FileRead | undefined)[] = new Array(states.length);
    const spare: SeriesBuilder[] = [];
    let added = 0;
    let reset = false;
    let next = 0;
    let nextToCommit = 0;
    const commitReady = (): void => {
      for (let r = done[nextToCommit]; r !== undefined; r = done[nextToCommit]) {
        done[nextToCommit++] = undefined;
        added += r.added;
        if (r.reset) reset = blocked = true;
        const n = r.points.length;
        if (n > 0 && this.lastInStore !== null && compareLogNames(r.file.name, this.lastInStore) < 0) blocked = true;
        if (!blocked && (n > 0 || r.points.legacyNonFinite)) {
          this.store.append(r.points);
          r.file.points += n;
          if (n > 0) this.lastInStore = r.file.name;
        }
        r.points.clear();
        spare.push(r.points);
      }
    };
    const worker = async (): Promise<void> => {
      while (next < states.length) {
        const i = next++;
        done[i] = await this.readFile(states[i], spare.pop() ?? new SeriesBuilder(1024));
        commitReady();
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, states.length) }, worker));
    return { added, reset, mustRebuild: blocked };
  }

  /** Reads every file again from its first byte into a new store. */
  private async rebuild(): Promise<void> {
    const names = this.orderedFiles().map((f) => f.name);
    for (const name of names) this.files.set(name, emptyFileState(name));
    this.ordered = null;
    this.store = new SeriesBuilder();
    if (this.type === 'line') this.store.reserve(expectedPoints(names) * (1 + 1 / 16));
    this.lastInStore = null;
    await this.readFiles(names, false);
  }

  private async readFile(f: LogFileState, points: SeriesBuilder): Promise<FileRead> {
    const read: FileRead = { file: f, points, added: 0, reset: false };
    const scratch = new ScannedPoint();
    try {
      const r = await readAppendedLines(path.join(this.dir, f.name), f.position, {
        // SDK 0.7.12–0.7.14 rewrite a file (temp file + os.replace) to overwrite a re-logged step.
        reset: () => Object.assign(f, emptyFileState(f.name)),
        line: (bytes, start, end) => {
          if (scanLogLine(bytes, start, end, scratch)) {
            if (this.addPoint(f, points, scratch)) read.added++;
          } else if (!isBlank(bytes, start, end)) f.unparsable++;
        },
      });
      f.position = r.position;
      f.readError = null;
      read.reset = r.reset;
      // A last line without `\n`: a point still being written, or the torn tail of a killed
      // writer. Taken only when it is already a complete point (no proper prefix of a JSON
      // object is one); otherwise left unread, retried on the next refresh and never counted.
      if (!isBlank(r.tail, 0, r.tail.length) && scanLogLine(r.tail, 0, r.tail.length, scratch)) {
        if (this.addPoint(f, points, scratch)) read.added++;
        f.position = { ...r.position, offset: r.position.offset + r.tail.length };
      }
    } catch (e) {
      f.readError = errorText(e);
    }
    return read;
  }

  private addPoint(f: LogFileState, points: SeriesBuilder, p: ScannedPoint): boolean {
    if (p.list !== null) {
      const point: MediaPoint = { step: p.step, timestamp: p.timeMs, items: p.list.map((entry, i) => this.mediaItem(entry, p.more?.[i])) };
      if (p.more !== null) point.more = p.more; // raw, for API fidelity; absent in ≤0.5 text lines
      f.media.push(point);
      return true;
    }
    if (p.value !== null) {
      points.push(p.step, p.value, p.timeMs);
      if (p.legacyNonFinite) {
        f.legacyNonFinite = true;
        points.legacyNonFinite = true;
      }
      return true;
    }
    f.unusable++;
    return false;
  }

  private mediaItem(entry: unknown, more: unknown): MediaItem {
    const caption = captionOf(more);
    // Text is inline in `data` in every SDK version (0.8+ also writes media/text/ files).
    if (this.type === 'text') return { file: null, text: textOf(entry), caption };
    return { file: typeof entry === 'string' ? `media/${this.folder}/${entry}` : null, text: null, caption };
  }
}

/** Python skips lines that strip() to nothing; those are not unparsable. */
function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c !== 32 && !(c >= 9 && c <= 13)) return c < 128 ? false : bytes.toString('utf8', start, end).trim() === '';
  }
  return true;
}

function textOf(entry: unknown): string | null {
  if (typeof entry === 'string') return entry;
  return entry === null || entry === undefined ? null : JSON.stringify(entry);
}

function captionOf(more: unknown): string | null {
  if (typeof more !== 'object' || more === null) return null;
  const c = (more as Record<string, unknown>).caption;
  return typeof c === 'string' ? c : null;
}

function emptyFileState(name: string): LogFileState {
  return { name, position: null, points: 0, legacyNonFinite: false, media: [], unparsable: 0, unusable: 0, readError: null };
}

/**
 * Points in a folder of SDK-written files: `<N>.log` holds points N-999..N (doc §4.2), so the
 * highest number bounds the count (trim() gives back what a sparser folder does not use).
 */
function expectedPoints(names: string[]): number {
  let max = 0;
  for (const n of names) {
    const k = logNumber(n);
    if (k !== Infinity && k > max) max = k;
  }
  return Math.min(max, 50_000_000);
}

/** `2000.log` before `10000.log`; non-numeric names after all numeric ones, by name. */
export function compareLogNames(a: string, b: string): number {
  const na = logNumber(a);
  const nb = logNumber(b);
  if (na !== nb) return na < nb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function logNumber(name: string): number {
  const base = name.slice(0, -4);
  return /^\d+$/.test(base) ? Number(base) : Infinity;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
