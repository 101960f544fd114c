import type { ConsoleLine } from '../../shared/domain';
import { LOG_SHARD, type LogShards } from './logsApi';

export interface ConsoleCacheOptions {
  /** Lines from shard `fromShard` on (`SwanlabClient.logsFrom`). */
  fetchFrom: (fromShard: number) => Promise<LogShards>;
  /** A running run's lines fetched this recently are answered without asking again (ms). */
  freshMs?: number;
  now?: () => number;
}

/**
 * One cloud run's console lines, downloaded once and then only their tail: the house log is
 * paged in shards of `LOG_SHARD` lines, so an update asks again from the shard the last held
 * line is in (the last, short one) and replaces the lines from there. A log fetched after the
 * run had ended never changes again: no more requests. Concurrent updates share one download.
 */
export class ConsoleCache {
  private held: ConsoleLine[] = [];
  private loadedAt: number | null = null;
  private final = false;
  private inFlight: { final: boolean; done: Promise<number> } | null = null;

  constructor(private readonly opts: ConsoleCacheOptions) {}

  /** The lines held (empty before the first update). */
  get lines(): readonly ConsoleLine[] {
    return this.held;
  }

  /** Whether someone asked for this console (a later poll keeps it up to date). */
  get loaded(): boolean {
    return this.loadedAt !== null;
  }

  /** Whether the lines held are the whole, finished log. */
  get complete(): boolean {
    return this.final;
  }

  /**
   * Brings the lines up to date; answers how many are new. `ended`: the run was not running
   * when asked, so what arrives now is the whole log.
   */
  async update(ended: boolean, opts: { force?: boolean } = {}): Promise<number> {
    if (this.final) return 0;
    const running = this.inFlight;
    if (running && (running.final || !ended)) return running.done.then(() => 0);
    if (running) await running.done.catch(() => undefined);
    if (this.final) return 0;
    const now = this.opts.now ?? Date.now;
    if (!ended && !opts.force && this.loadedAt !== null && now() - this.loadedAt < (this.opts.freshMs ?? 0)) return 0;
    const done = this.fetch(ended).finally(() => {
      if (this.inFlight?.done === done) this.inFlight = null;
    });
    this.inFlight = { final: ended, done };
    return done;
  }

  private async fetch(ended: boolean): Promise<number> {
    const before = this.held.length;
    const fromShard = Math.floor(before / LOG_SHARD);
    const got = await this.opts.fetchFrom(fromShard);
    this.held = this.held.slice(0, fromShard * LOG_SHARD).concat(got.lines);
    this.loadedAt = (this.opts.now ?? Date.now)();
    if (ended) this.final = true;
    return Math.max(0, this.held.length - before);
  }
}
