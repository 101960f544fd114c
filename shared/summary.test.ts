import { describe, expect, it } from 'vitest';
import { summarizeSeries } from './summary';

const mk = (steps: number[], values: number[]) => ({
  steps: Float64Array.from(steps), values: Float64Array.from(values),
  timestamps: new Float64Array(steps.length), legacyNonFinite: false,
});

describe('summarizeSeries', () => {
  it('reports last, min and max with their steps, skipping NaN and infinities', () => {
    const s = summarizeSeries('train/loss', mk([0, 1, 2, 3, 4], [2, Number.NaN, -Infinity, 0.5, 1]));
    expect(s).toEqual({ key: 'train/loss', count: 5, lastStep: 4, last: 1, min: 0.5, minStep: 3, max: 2, maxStep: 0 });
  });
  it('has null extremes for an empty or all-NaN series', () => {
    expect(summarizeSeries('k', mk([], [])).min).toBeNull();
    const s = summarizeSeries('k', mk([7], [Number.NaN]));
    expect(s.max).toBeNull();
    expect(s.last).toBeNaN();
    expect(s.lastStep).toBe(7);
  });
});
