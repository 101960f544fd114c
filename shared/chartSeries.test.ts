import { describe, expect, it } from 'vitest';
import { chartSeries } from './chartSeries';

const series = (n: number) => ({
  steps: Float64Array.from({ length: n }, (_, i) => i * 10),
  values: Float64Array.from({ length: n }, (_, i) => (i === 500 ? 1e9 : Math.sin(i))),
  timestamps: Float64Array.from({ length: n }, (_, i) => 1e12 + i),
  legacyNonFinite: false,
});

describe('chartSeries', () => {
  it('thins to two points per pixel and keeps spikes', () => {
    const d = chartSeries('r', series(10_000), 100);
    expect(d.steps.length).toBeLessThanOrEqual(200);
    expect(d.total).toBe(10_000);
    expect(Array.from(d.values)).toContain(1e9);
    expect(d.steps[0]).toBe(0);
    expect(d.steps.at(-1)).toBe(99_990);
  });

  it('keeps the zoom window plus one point beyond each edge', () => {
    const d = chartSeries('r', series(100), 500, [205, 300], true);
    expect(Array.from(d.steps)).toEqual([200, 210, 220, 230, 240, 250, 260, 270, 280, 290, 300, 310]);
    expect(Array.from(d.timestamps!.slice(0, 2))).toEqual([1e12 + 20, 1e12 + 21]);
  });

  it('leaves the timestamps out unless asked (the charts do not use them)', () => {
    const d = chartSeries('r', series(100), 500);
    expect(d.timestamps).toBeUndefined();
    expect(d.steps.length).toBe(100);
  });
});
