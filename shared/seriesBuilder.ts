import type { NumericSeries } from './domain';

/** Growable columnar buffer for (step, value, timestamp) points arriving in any order. */
export class SeriesBuilder {
  private steps = new Float64Array(64);
  private values = new Float64Array(64);
  private times = new Float64Array(64);
  private n = 0;
  private sorted = true;
  legacyNonFinite = false;

  get length(): number {
    return this.n;
  }

  push(step: number, value: number, timestamp: number): void {
    if (this.n === this.steps.length) this.grow();
    if (this.n > 0 && step <= this.steps[this.n - 1]) this.sorted = false;
    this.steps[this.n] = step;
    this.values[this.n] = value;
    this.times[this.n] = timestamp;
    this.n++;
  }

  /**
   * Sorted by step with one point per step. A repeated step keeps the later point: SDK
   * 0.7.12–0.7.14 overwrite re-logged steps; every other version never writes a repeat.
   */
  build(): NumericSeries {
    if (!this.sorted) this.sortAndDedupe();
    return {
      steps: this.steps.slice(0, this.n),
      values: this.values.slice(0, this.n),
      timestamps: this.times.slice(0, this.n),
      legacyNonFinite: this.legacyNonFinite,
    };
  }

  private grow(): void {
    const cap = this.steps.length * 2;
    const s = new Float64Array(cap);
    const v = new Float64Array(cap);
    const t = new Float64Array(cap);
    s.set(this.steps);
    v.set(this.values);
    t.set(this.times);
    this.steps = s;
    this.values = v;
    this.times = t;
  }

  private sortAndDedupe(): void {
    const order = Array.from({ length: this.n }, (_, i) => i);
    order.sort((a, b) => this.steps[a] - this.steps[b] || a - b);
    const s = new Float64Array(this.steps.length);
    const v = new Float64Array(this.steps.length);
    const t = new Float64Array(this.steps.length);
    let m = 0;
    for (const i of order) {
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
  }
}
