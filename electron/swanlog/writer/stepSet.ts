/**
 * Steps already logged for one key. Steps nearly always arrive in increasing order, so they are
 * kept in a growing typed array (no per-step heap objects); a Set takes over only after an
 * out-of-order step.
 */
export class StepSet {
  private arr = new Float64Array(256);
  private n = 0;
  private set: Set<number> | null = null;

  get size(): number {
    return this.set ? this.set.size : this.n;
  }

  has(step: number): boolean {
    if (this.set) return this.set.has(step);
    if (this.n === 0 || step > this.arr[this.n - 1]) return false;
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.arr[mid];
      if (v === step) return true;
      if (v < step) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Adds a step that is not in the set yet. */
  add(step: number): void {
    if (this.set) {
      this.set.add(step);
      return;
    }
    if (this.n > 0 && step < this.arr[this.n - 1]) {
      this.set = new Set(this.arr.subarray(0, this.n));
      this.set.add(step);
      return;
    }
    if (this.n === this.arr.length) {
      const bigger = new Float64Array(this.arr.length * 2);
      bigger.set(this.arr);
      this.arr = bigger;
    }
    this.arr[this.n++] = step;
  }
}
