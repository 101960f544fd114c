import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { MediaItem, MediaPoint, MetricType, NumericSeries, RunIssue } from '../../../shared/domain';
import { SeriesBuilder } from '../../../shared/seriesBuilder';
import { readAppendedLines, type TailPosition } from './appendedLines';
import { ScannedPoint, scanLogLine } from './logLine';

export { readSummaryFile, type SummaryFile } from './summaryFile';

const READ_CONCURRENCY = 4;

/** Points read from one `<N>.log` file. */
interface LogFileState {
  name: string;
  position: TailPosition | null;
  steps: number[];
  values: number[];
  times: number[];
  legacyNonFinite: boolean;
  media: MediaPoint[];
  unparsable: number;
  /** Points whose data is neither a number nor a list. */
  unusable: number;
  readError: string | null;
}

/**
 * Tail-follows one metric folder `logs/<folder>/` of a generation-A run: all `<N>.log` files in
 * numeric order, each read incrementally from the byte where the previous refresh stopped.
 */
export class MetricFolderReader {
  private readonly files = new Map<string, LogFileState>();
  private readonly folder: string;
  private listError: string | null = null;
  private cachedSeries: NumericSeries | null = null;
  private cachedMedia: MediaPoint[] | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly type: MetricType,
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
    if (this.cachedSeries === null) {
      const b = new SeriesBuilder();
      for (const f of this.orderedFiles()) {
        for (let i = 0; i < f.steps.length; i++) b.push(f.steps[i], f.values[i], f.times[i]);
        if (f.legacyNonFinite) b.legacyNonFinite = true;
      }
      this.cachedSeries = b.build();
    }
    return this.cachedSeries;
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
      const p = path.join(this.dir, f.name);
      if (f.readError !== null) out.push({ path: p, reason: f.readError });
      if (f.unparsable > 0) out.push({ path: p, reason: `${f.unparsable} unparsable line(s) skipped` });
      if (f.unusable > 0) out.push({ path: p, reason: `${f.unusable} point(s) whose data is neither a number nor a list skipped` });
    }
    return out;
  }

  private orderedFiles(): LogFileState[] {
    return [...this.files.values()].sort((a, b) => compareLogNames(a.name, b.name));
  }

  private async refreshNow(): Promise<{ added: number; rewritten: boolean }> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.log'));
      this.listError = null;
    } catch (e) {
      this.listError = errorText(e);
      names = [];
    }
    let added = 0;
    let rewritten = false;
    const present = new Set(names);
    for (const name of [...this.files.keys()]) {
      if (!present.has(name)) {
        this.files.delete(name);
        rewritten = true;
      }
    }
    const queue = names.sort(compareLogNames).map((name) => {
      let f = this.files.get(name);
      if (f === undefined) {
        f = emptyFileState(name);
        this.files.set(name, f);
      }
      return f;
    });
    // A few files in flight so that file-system round trips overlap with parsing.
    const worker = async (): Promise<void> => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
        const r = await this.readFile(f);
        added += r.added;
        rewritten ||= r.reset;
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, queue.length) }, worker));
    if (added > 0 || rewritten) {
      this.cachedSeries = null;
      this.cachedMedia = null;
    }
    return { added, rewritten };
  }

  private async readFile(f: LogFileState): Promise<{ added: number; reset: boolean }> {
    let added = 0;
    const scratch = new ScannedPoint();
    try {
      const r = await readAppendedLines(path.join(this.dir, f.name), f.position, {
        // SDK 0.7.12–0.7.14 rewrite a file (temp file + os.replace) to overwrite a re-logged step.
        reset: () => Object.assign(f, emptyFileState(f.name)),
        line: (bytes, start, end) => {
          if (scanLogLine(bytes, start, end, scratch)) {
            if (this.addPoint(f, scratch)) added++;
          } else if (!isBlank(bytes, start, end)) f.unparsable++;
        },
      });
      f.position = r.position;
      f.readError = null;
      // A last line without `\n`: a point still being written, or the torn tail of a killed
      // writer. Taken only when it is already a complete point (no proper prefix of a JSON
      // object is one); otherwise left unread, retried on the next refresh and never counted.
      if (!isBlank(r.tail, 0, r.tail.length) && scanLogLine(r.tail, 0, r.tail.length, scratch)) {
        if (this.addPoint(f, scratch)) added++;
        f.position = { ...r.position, offset: r.position.offset + r.tail.length };
      }
      return { added, reset: r.reset };
    } catch (e) {
      f.readError = errorText(e);
      return { added, reset: false };
    }
  }

  private addPoint(f: LogFileState, p: ScannedPoint): boolean {
    if (p.list !== null) {
      const point: MediaPoint = { step: p.step, timestamp: p.timeMs, items: p.list.map((entry, i) => this.mediaItem(entry, p.more?.[i])) };
      if (p.more !== null) point.more = p.more; // raw, for API fidelity; absent in ≤0.5 text lines
      f.media.push(point);
      return true;
    }
    if (p.value !== null) {
      f.steps.push(p.step);
      f.values.push(p.value);
      f.times.push(p.timeMs);
      if (p.legacyNonFinite) f.legacyNonFinite = true;
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
  return { name, position: null, steps: [], values: [], times: [], legacyNonFinite: false, media: [], unparsable: 0, unusable: 0, readError: null };
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
