/**
 * Who reads what first when a big folder is opened lazily. Three classes of work:
 *  - `preview`: the few strided reads behind a chart's first picture (I/O, little CPU);
 *  - `request`: reading a series (or a record file) someone is waiting for;
 *  - `background`: reading the rest (record files scanned for keys, counts and console).
 * A request task starts only while no preview is queued or running; a background task only when
 * nothing else is queued or running and no foreground task was asked for in the last `quietMs`
 * (an interactive session keeps the CPU for what the user looks at). Within a class, first come
 * first served. A queued task's class is read when it could start, so work that was background
 * becomes a request as soon as someone waits for it.
 */
export type LoadPriority = 'preview' | 'request' | 'background';

/** Lower is more urgent. */
export const RANK: Record<LoadPriority, number> = { preview: 0, request: 1, background: 2 };

export interface SchedulerLimits {
  preview: number;
  request: number;
  background: number;
  /** Background work waits this long after the last foreground task was queued. */
  quietMs: number;
}

export const DEFAULT_LIMITS: SchedulerLimits = { preview: 8, request: 2, background: 1, quietMs: 300 };

interface Entry {
  priority: () => LoadPriority;
  start: () => void;
  fail: (e: Error) => void;
  seq: number;
}

export class SchedulerClosedError extends Error {
  constructor() {
    super('the folder was closed');
    this.name = 'SchedulerClosedError';
  }
}

export class LoadScheduler {
  private readonly queue: Entry[] = [];
  private readonly running: Record<LoadPriority, number> = { preview: 0, request: 0, background: 0 };
  private seq = 0;
  private lastForeground = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly limits: SchedulerLimits = DEFAULT_LIMITS, private readonly now: () => number = () => performance.now()) {}

  /** Runs `task` when its class may start; `priority` may be a function (read when it could start). */
  run<T>(priority: LoadPriority | (() => LoadPriority), task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new SchedulerClosedError());
    const prio = typeof priority === 'function' ? priority : () => priority;
    if (prio() !== 'background') this.lastForeground = this.now();
    return new Promise<T>((resolve, reject) => {
      const entry: Entry = {
        priority: prio,
        seq: this.seq++,
        fail: reject,
        start: () => {
          const cls = prio();
          this.running[cls]++;
          let p: Promise<T>;
          try {
            p = task();
          } catch (e) {
            p = Promise.reject(e);
          }
          p.then(resolve, reject).finally(() => {
            this.running[cls]--;
            this.pump();
          });
        },
      };
      this.queue.push(entry);
      this.pump();
    });
  }

  /** Marks foreground activity (a request that needs no task still delays background work). */
  touch(): void {
    this.lastForeground = this.now();
  }

  /** Tasks queued or running, per class. */
  stats(): { queued: Record<LoadPriority, number>; running: Record<LoadPriority, number> } {
    const queued: Record<LoadPriority, number> = { preview: 0, request: 0, background: 0 };
    for (const e of this.queue) queued[e.priority()]++;
    return { queued, running: { ...this.running } };
  }

  /** Queued tasks are dropped (their promises reject); running ones finish. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const e of this.queue.splice(0)) e.fail(new SchedulerClosedError());
  }

  private pump(): void {
    if (this.closed) return;
    for (;;) {
      const next = this.pick();
      if (!next) return;
      this.queue.splice(this.queue.indexOf(next), 1);
      next.start();
    }
  }

  /** The first queued task (best class, then oldest) that may start now, or null. */
  private pick(): Entry | null {
    let best: Entry | null = null;
    let bestRank = 3;
    let previewWaiting = false;
    let foregroundWaiting = false;
    for (const e of this.queue) {
      const r = RANK[e.priority()];
      if (r === 0) previewWaiting = true;
      if (r < 2) foregroundWaiting = true;
      if (r < bestRank || (r === bestRank && best !== null && e.seq < best.seq)) {
        best = e;
        bestRank = r;
      }
    }
    if (!best) return null;
    const cls = best.priority();
    const { preview, request, background } = this.running;
    if (cls === 'preview') return preview < this.limits.preview ? best : null;
    if (cls === 'request') return !previewWaiting && preview === 0 && request < this.limits.request ? best : null;
    if (foregroundWaiting || preview > 0 || request > 0 || background >= this.limits.background) return null;
    const wait = this.lastForeground + this.limits.quietMs - this.now();
    if (wait > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.pump();
      }, wait);
      this.timer.unref?.();
      return null;
    }
    return best;
  }
}
