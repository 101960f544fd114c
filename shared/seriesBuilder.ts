import type { NumericSeries } from './domain';

const MIN_CAPACITY = 64;
/** trim() leaves this much room (a fraction of the points) for the next appends. */
const TRIM_HEADROOM = 1 / 16;
/** trim() reallocates only when more than this fraction of the capacity would be unused. */
const TRIM_ABOVE = 1 / 8;
/** Growth once trimmed: leaves less unused room than TRIM_ABOVE, so appends after a load do not trim. */
const SETTLED_GROWTH = 1.125;

/** A builder's whole content, to move it to another thread (its buffers can be transferred). */
export interface SeriesBuilderState {
  steps: Float64Array;
  values: Float64Array;
  times: Float64Array;
  length: number;
  sorted: boolean;
  legacyNonFinite: boolean;
  settled: boolean;
}

/** Growable columnar buffer for (step, value, timestamp) points arriving in any order. */
export class SeriesBuilder {
  private steps: Float64Array;
  private values: Float64Array;
  private times: Float64Array;
  private n = 0;
  private sorted = true;
  private nonFinite = false;
  /** What build() returned last; valid until the next change. */
  private built: NumericSeries | null = null;
  /** Set by trim(): the bulk of the points is in, grow by small steps from now on. */
  private settled = false;

  constructor(capacity = MIN_CAPACITY) {
    const cap = Math.max(1, Math.ceil(capacity));
    this.steps = new Float64Array(cap);
    this.values = new Float64Array(cap);
    this.times = new Float64Array(cap);
  }

  /** A builder holding `state`'s arrays themselves (no copy). */
  static fromState(state: SeriesBuilderState): SeriesBuilder {
    const b = new SeriesBuilder(1);
    b.steps = state.steps;
    b.values = state.values;
    b.times = state.times;
    b.n = state.length;
    b.sorted = state.sorted;
    b.nonFinite = state.legacyNonFinite;
    b.settled = state.settled;
    return b;
  }

  /** The builder's arrays themselves (no copy): after transferring their buffers the builder must not be used. */
  state(): SeriesBuilderState {
    return { steps: this.steps, values: this.values, times: this.times, length: this.n, sorted: this.sorted, legacyNonFinite: this.nonFinite, settled: this.settled };
  }

  get length(): number {
    return this.n;
  }

  get legacyNonFinite(): boolean {
    return this.nonFinite;
  }

  set legacyNonFinite(v: boolean) {
    if (v !== this.nonFinite) this.built = null;
    this.nonFinite = v;
  }

  push(step: number, value: number, timestamp: number): void {
    const n = this.n;
    if (n === this.steps.length) this.grow(n + 1);
    if (n > 0 && step <= this.steps[n - 1]) this.sorted = false;
    this.steps[n] = step;
    this.values[n] = value;
    this.times[n] = timestamp;
    this.n = n + 1;
    this.built = null;
  }

  /** Makes room for `total` points without further growth. */
  reserve(total: number): void {
    if (total > this.steps.length) this.resize(Math.ceil(total));
  }

  /**
   * Gives back unused capacity once a batch of points is in (readers call it at the end of a
   * refresh): at rest a series holds at most an eighth more room than points (≤ 27.5 bytes per
   * point), and small appends still fit without reallocating.
   */
  trim(): void {
    this.settled = true;
    const cap = this.steps.length;
    if (cap > MIN_CAPACITY && cap - this.n > cap * TRIM_ABOVE) this.resize(Math.max(MIN_CAPACITY, Math.ceil(this.n * (1 + TRIM_HEADROOM))));
  }

  /** Empties the builder, keeping its capacity. */
  clear(): void {
    this.n = 0;
    this.sorted = true;
    this.nonFinite = false;
    this.built = null;
  }

  /** Pushes every point of `other` in its push order (as if pushed one by one). */
  append(other: SeriesBuilder): void {
    const k = other.n;
    if (k === 0) {
      if (other.nonFinite) this.legacyNonFinite = true;
      return;
    }
    const n = this.n;
    if (n + k > this.steps.length) this.grow(n + k);
    if (!other.sorted || (n > 0 && other.steps[0] <= this.steps[n - 1])) this.sorted = false;
    this.steps.set(other.steps.subarray(0, k), n);
    this.values.set(other.values.subarray(0, k), n);
    this.times.set(other.times.subarray(0, k), n);
    this.n = n + k;
    if (other.nonFinite) this.nonFinite = true;
    this.built = null;
  }

  /**
   * Sorted by step with one point per step. A repeated step keeps the later point: SDK
   * 0.7.12–0.7.14 overwrite re-logged steps; every other version never writes a repeat.
   * The arrays are views of the builder's storage (no copy); points pushed later never change
   * them, and the same object is returned until something changes.
   */
  build(): NumericSeries {
    if (!this.sorted) this.sortAndDedupe();
    this.built ??= {
      steps: this.steps.subarray(0, this.n),
      values: this.values.subarray(0, this.n),
      timestamps: this.times.subarray(0, this.n),
      legacyNonFinite: this.nonFinite,
    };
    return this.built;
  }

  /** Doubling while loading (trim() gives the room back), by an eighth once settled. */
  private grow(need: number): void {
    const cap = this.steps.length;
    this.resize(Math.max(MIN_CAPACITY, this.settled ? Math.ceil(cap * SETTLED_GROWTH) : cap * 2, need));
  }

  private resize(cap: number): void {
    const s = new Float64Array(cap);
    const v = new Float64Array(cap);
    const t = new Float64Array(cap);
    s.set(this.steps.subarray(0, this.n));
    v.set(this.values.subarray(0, this.n));
    t.set(this.times.subarray(0, this.n));
    this.steps = s;
    this.values = v;
    this.times = t;
    this.built = null; // do not keep the old buffers alive through the cached views
  }

  private sortAndDedupe(): void {
    const order = new Uint32Array(this.n);
    for (let i = 0; i < this.n; i++) order[i] = i;
    order.sort((a, b) => this.steps[a] - this.steps[b] || a - b);
    // new arrays: views handed out earlier keep their contents
    const s = new Float64Array(this.steps.length);
    const v = new Float64Array(this.steps.length);
    const t = new Float64Array(this.steps.length);
    let m = 0;
    for (let j = 0; j < order.length; j++) {
      const i = order[j];
      if (m > 0 && s[m - 1] === this.steps[i]) m--; // later duplicate replaces earlier
      s[m] = this.steps[i];
      v[m] = this.values[i];
      t[m] = this.times[i];
      m++;
    }
    this.steps = s;
    this.values = v;
    this.times = t;
    this.n = m;
    this.sorted = true;
    this.built = null;
  }
}
