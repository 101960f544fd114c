import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MetricType } from '../../../shared/domain';
import type { FolderReadRequest } from './folderReadWorker';
import type { FolderSnapshot } from './folderSnapshot';

export interface FolderReadPoolOptions {
  /** Worker threads (0: every folder is read on the main thread). */
  size: number;
  /** The compiled worker (null: none, folders are read on the main thread). */
  script: string | null;
  /** Told once when the workers fail and folders are read on the main thread from then on. */
  log: (msg: string) => void;
  /** Folders expected to hold fewer points are read on the main thread (default SMALL_FOLDER_POINTS). */
  minPoints?: number;
}

/**
 * A folder below this is read on the main thread: parsing ~10k points (~1 MB) takes a few ms,
 * less than handing it to a thread, and a first read also starts the thread (~40 ms), which made
 * every chart of a small folder a preview first (series.get waits 50 ms for a read).
 */
export const SMALL_FOLDER_POINTS = 10_000;

/** min(2, cores); `$SWANVIEW_READER_THREADS` overrides it (0: metric folders are read on the main thread). */
export function defaultPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.SWANVIEW_READER_THREADS;
  return set !== undefined && /^\d+$/.test(set) ? Number(set) : Math.min(2, os.availableParallelism());
}

/** folderReadWorker.js next to this module; absent when running from the TypeScript sources (tests). */
export function defaultWorkerScript(): string | null {
  const p = path.join(__dirname, 'folderReadWorker.js');
  return existsSync(p) ? p : null;
}

type Reply = { snapshot: FolderSnapshot } | { error: string };

interface Task {
  dir: string;
  type: MetricType;
  resolve: (s: FolderSnapshot | null) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

/**
 * Worker threads that do the first full read of metric folders (MetricFolderReader's
 * `firstRead`), so that parsing runs on every core and the main thread stays free to answer.
 * Workers start on the first read and hold the process open only while reading. A read that
 * fails in a worker answers null (the reader then reads the folder itself); a worker that
 * cannot start or dies turns the pool off, said once in the log.
 */
export class FolderReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private off = false;

  constructor(private readonly options: FolderReadPoolOptions) {
    this.off = options.size <= 0 || options.script === null;
  }

  /**
   * A folder's first read in a worker: its snapshot, or null when it is read in-process (no
   * workers, or fewer than `minPoints` expected: `points`, from its file names).
   */
  readonly read = (dir: string, type: MetricType, points = Infinity): Promise<FolderSnapshot | null> => {
    if (this.off || points < (this.options.minPoints ?? SMALL_FOLDER_POINTS)) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.queue.push({ dir, type, resolve });
      this.dispatch();
    });
  };

  /** Stops the workers; reads under way or queued answer null (and are done in-process). */
  async close(): Promise<void> {
    this.off = true;
    await this.stopAll();
  }

  private dispatch(): void {
    while (this.queue.length && !this.off) {
      const slot = this.slots.find((s) => s.task === null) ?? (this.slots.length < this.options.size ? this.spawn() : null);
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      const req: FolderReadRequest = { dir: task.dir, type: task.type };
      slot.worker.postMessage(req);
    }
  }

  private spawn(): Slot | null {
    let worker: Worker;
    try {
      worker = new Worker(this.options.script!);
    } catch (e) {
      this.fail(null, `could not start (${(e as Error).message})`);
      return null;
    }
    const slot: Slot = { worker, task: null };
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const task = slot.task;
      slot.task = null;
      worker.unref();
      task?.resolve('snapshot' in reply ? reply.snapshot : null);
      this.dispatch();
    });
    worker.on('error', (e) => this.fail(slot, `failed (${e.message})`));
    worker.on('exit', (code) => this.fail(slot, `exited (code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  private fail(slot: Slot | null, why: string): void {
    if (slot && !this.slots.includes(slot)) return; // stopped on purpose, or already counted
    if (!this.off) this.options.log(`a metric-folder reader thread ${why}: metric folders are read on the main thread from now on`);
    this.off = true;
    void this.stopAll();
  }

  private async stopAll(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const task of this.queue.splice(0)) task.resolve(null);
    for (const s of slots) s.task?.resolve(null);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
