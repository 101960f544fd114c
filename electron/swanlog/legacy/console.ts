import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ConsoleLine, ConsoleStream } from '../../../shared/domain';
import { readAppendedLines, type TailPosition } from './appendedLines';
import { readErrorLog, type ErrorLogState } from './errorLog';

interface ConsoleFileState {
  name: string;
  position: TailPosition | null;
  lines: ConsoleLine[];
  /** Text after the last newline, not (yet) a line, and its size in bytes. */
  tail: string;
  tailBytes: number;
}

export interface ConsoleReaderOptions {
  /**
   * The file does not say which stream a line came from: 0.3–0.4 captured stdout only,
   * 0.5.9+ both. Callers that know the SDK version may pass 'stdout'.
   */
  stream?: ConsoleStream;
}

/**
 * Tail-follows `console/<YYYY-MM-DD>.log` (one file per local date, a run crossing midnight has
 * several) and `console/error.log` of a generation-A run. Lines are exactly as on disk apart
 * from the line terminator (`\n`, or `\r\n` as Python's text mode reads it).
 */
export class ConsoleReader {
  private readonly dir: string;
  private readonly stream: ConsoleStream;
  private files: ConsoleFileState[] = [];
  private flat: ConsoleLine[] | null = [];
  private error: ErrorLogState | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(runDir: string, options: ConsoleReaderOptions = {}) {
    this.dir = path.join(runDir, 'console');
    this.stream = options.stream ?? 'unknown';
  }

  /** Reads what was appended; resolves to the number of new lines in lines(). */
  refresh(): Promise<number> {
    const next = this.running.then(() => this.refreshNow());
    this.running = next.catch(() => undefined);
    return next;
  }

  /** All complete lines of all date files, in date order. */
  lines(): ConsoleLine[] {
    if (this.flat === null) this.flat = this.files.flatMap((f) => f.lines);
    return this.flat;
  }

  /** The newest file's unfinished last line (still being written, or torn by a kill), else null. */
  pendingLine(): string | null {
    const last = this.files[this.files.length - 1];
    return last !== undefined && last.tail !== '' ? last.tail : null;
  }

  /** `console/error.log` lines (a local timestamp, then the traceback); null when absent. */
  errorLog(): string[] | null {
    return this.error?.lines ?? null;
  }

  private async refreshNow(): Promise<number> {
    this.error = await readErrorLog(path.join(this.dir, 'error.log'), this.error);
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.log') && n !== 'error.log').sort();
    } catch {
      names = [];
    }
    const before = this.lines().length;
    const known = this.files.map((f) => f.name);
    if (known.some((n, i) => names[i] !== n)) {
      // A file vanished or a new one sorts before a known one: start over.
      this.files = [];
      this.flat = null;
    }
    for (const name of names.slice(this.files.length)) this.files.push({ name, position: null, lines: [], tail: '', tailBytes: 0 });

    let added = 0;
    for (let i = 0; i < this.files.length; i++) {
      const f = this.files[i];
      const isNewest = i === this.files.length - 1;
      added += await this.readFile(f, isNewest);
    }
    if (this.flat === null) return Math.max(0, this.lines().length - before);
    return added;
  }

  /** New complete lines of one file; appends them to the flat list when that stays in order. */
  private async readFile(f: ConsoleFileState, isNewest: boolean): Promise<number> {
    const fresh: ConsoleLine[] = [];
    let reset = false;
    try {
      const r = await readAppendedLines(path.join(this.dir, f.name), f.position, {
        reset: () => {
          reset = true;
        },
        line: (bytes, start, end) => {
          fresh.push({ text: bytes.toString('utf8', start, end), stream: this.stream, level: 'info' });
        },
      });
      f.position = r.position;
      if (!r.unchanged) {
        f.tail = r.tail.toString('utf8');
        f.tailBytes = r.tail.length;
      }
      // Only the newest date file can still grow; an older one's unfinished line is final.
      if (!isNewest && f.tail !== '') {
        fresh.push({ text: f.tail, stream: this.stream, level: 'info' });
        f.position = { ...r.position, offset: r.position.offset + f.tailBytes };
        f.tail = '';
        f.tailBytes = 0;
      }
    } catch {
      return 0; // vanished between readdir and open: the next refresh starts over
    }
    if (reset) {
      f.lines = fresh;
      this.flat = null;
      return fresh.length;
    }
    if (fresh.length === 0) return 0;
    for (const l of fresh) f.lines.push(l);
    if (this.flat !== null) {
      if (isNewest) for (const l of fresh) this.flat.push(l);
      else this.flat = null;
    }
    return fresh.length;
  }
}
