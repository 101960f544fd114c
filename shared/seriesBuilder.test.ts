import { describe, expect, it } from 'vitest';
import { SeriesBuilder } from './seriesBuilder';

describe('SeriesBuilder', () => {
  it('keeps points in step order and grows past its initial capacity', () => {
    const b = new SeriesBuilder();
    for (let i = 0; i < 1000; i++) b.push(i, i * 2, 1000 + i);
    const s = b.build();
    expect(s.steps.length).toBe(1000);
    expect(s.values[999]).toBe(1998);
    expect(s.timestamps[0]).toBe(1000);
  });
  it('sorts out-of-order steps and keeps the later of two equal steps', () => {
    const b = new SeriesBuilder();
    b.push(5, 1, 0);
    b.push(2, 2, 0);
    b.push(5, 3, 0);
    b.push(1, Number.NaN, 0);
    const s = b.build();
    expect(Array.from(s.steps)).toEqual([1, 2, 5]);
    expect(Array.from(s.values).slice(1)).toEqual([2, 3]);
    expect(Number.isNaN(s.values[0])).toBe(true);
  });
});

describe('SeriesBuilder storage', () => {
  it('builds views without copying, stable while unchanged and untouched by later pushes', () => {
    const b = new SeriesBuilder();
    for (let i = 0; i < 100; i++) b.push(i, i, i);
    const s1 = b.build();
    expect(b.build()).toBe(s1);
    for (let i = 100; i < 300; i++) b.push(i, -i, i);
    const s2 = b.build();
    expect(s2).not.toBe(s1);
    expect(s1.steps.length).toBe(100);
    expect(Array.from(s1.values.subarray(95))).toEqual([95, 96, 97, 98, 99]);
    expect(s2.values[299]).toBe(-299);
  });

  it('keeps earlier views intact when a sort rewrites the storage', () => {
    const b = new SeriesBuilder();
    b.push(1, 10, 0);
    b.push(2, 20, 0);
    const before = b.build();
    b.push(1, 11, 0);
    const after = b.build();
    expect(Array.from(before.values)).toEqual([10, 20]);
    expect(Array.from(after.values)).toEqual([11, 20]);
  });

  it('appends another builder as if its points were pushed one by one', () => {
    const one = new SeriesBuilder();
    const two = new SeriesBuilder();
    const part = new SeriesBuilder(4);
    const points = [[0, 1], [1, 2], [5, 3], [3, 4], [5, 5], [9, 6]];
    for (const [s, v] of points.slice(0, 2)) {
      one.push(s, v, s);
      two.push(s, v, s);
    }
    for (const [s, v] of points.slice(2)) {
      one.push(s, v, s);
      part.push(s, v, s);
    }
    part.legacyNonFinite = true;
    two.append(part);
    one.legacyNonFinite = true;
    expect(two.build()).toEqual(one.build());
    expect(Array.from(two.build().steps)).toEqual([0, 1, 3, 5, 9]);
    part.clear();
    expect(part.length).toBe(0);
    expect(part.legacyNonFinite).toBe(false);
  });

  it('trims unused room down to a small headroom after growth, never below the points', () => {
    const b = new SeriesBuilder();
    for (let i = 0; i < 70_001; i++) b.push(i, i, i);
    const capacity = () => (b as unknown as { steps: Float64Array }).steps.length;
    expect(capacity()).toBe(131_072); // doubled while loading
    b.trim();
    expect(capacity()).toBeLessThanOrEqual(Math.ceil(70_001 * 1.0625));
    expect(capacity()).toBeGreaterThanOrEqual(70_001);
    const cap = capacity();
    b.push(70_001, 0, 0);
    b.trim();
    expect(capacity()).toBe(cap); // small appends fit in the headroom without reallocating
    expect(b.build().steps.length).toBe(70_002);
    for (let i = 70_002; i < 80_000; i++) b.push(i, i, i);
    expect(capacity()).toBeLessThan(cap * 1.3); // settled: grows by an eighth, not doubling
    b.trim();
    expect(capacity()).toBeLessThan(80_000 * 1.15);
    b.reserve(300_000);
    expect(capacity()).toBe(300_000);
    expect(b.build().values[70_000]).toBe(70_000);
  });
});
