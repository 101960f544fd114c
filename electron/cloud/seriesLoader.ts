import type { NumericSeries } from '../../shared/domain';

/**
 * Full series of one run, fetched on demand: keys asked for in the same tick go out as one
 * batch (one export call per 16 keys instead of one per key). Loaded series are kept; a
 * failed batch is not, so it can be asked again.
 */
export class SeriesLoader {
  private readonly done = new Map<string, NumericSeries | null>();
  private readonly inFlight = new Map<string, Promise<NumericSeries | null>>();
  private pending: string[] = [];
  private batch: Promise<Map<string, NumericSeries>> | null = null;

  constructor(private readonly fetchKeys: (keys: string[]) => Promise<Map<string, NumericSeries>>) {}

  /** The loaded series (null: the run has no such key); undefined while not loaded. */
  peek(key: string): NumericSeries | null | undefined {
    return this.done.get(key);
  }

  load(key: string): Promise<NumericSeries | null> {
    if (this.done.has(key)) return Promise.resolve(this.done.get(key)!);
    const running = this.inFlight.get(key);
    if (running) return running;
    if (!this.batch) {
      this.pending = [];
      this.batch = new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => {
        const keys = this.pending;
        this.batch = null;
        return this.fetchKeys(keys);
      });
    }
    this.pending.push(key);
    const p = this.batch.then(
      (m) => {
        const s = m.get(key) ?? null;
        this.done.set(key, s);
        this.inFlight.delete(key);
        return s;
      },
      (e: unknown) => {
        this.inFlight.delete(key);
        throw e;
      },
    );
    this.inFlight.set(key, p);
    return p;
  }
}
