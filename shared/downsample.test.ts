import { describe, expect, it } from 'vitest';
import { minMaxBucketIndices } from './downsample';

function series(n: number, f: (i: number) => number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => f(i));
}

describe('minMaxBucketIndices', () => {
  it('keeps every point when the series is short enough', () => {
    expect(Array.from(minMaxBucketIndices(series(5, (i) => i), 10))).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps first and last, stays within the limit, ascends strictly', () => {
    const v = series(100_000, (i) => Math.sin(i / 50));
    const idx = minMaxBucketIndices(v, 1500);
    expect(idx.length).toBeLessThanOrEqual(1500);
    expect(idx.length).toBeGreaterThan(1400);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(99_999);
    for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
  });

  it('never drops a single-point spike, up or down', () => {
    const v = series(1_000_000, () => 1);
    v[123_457] = 1000;
    v[765_431] = -1000;
    const idx = Array.from(minMaxBucketIndices(v, 300));
    expect(idx).toContain(123_457);
    expect(idx).toContain(765_431);
  });

  it('does not pick NaN or infinity as an extreme, but keeps all-NaN buckets visible', () => {
    const v = series(1000, (i) => (i >= 400 && i < 600 ? Number.NaN : i === 100 ? Infinity : i % 7));
    const idx = Array.from(minMaxBucketIndices(v, 20));
    expect(idx).not.toContain(100);
    expect(idx.some((i) => i >= 400 && i < 600)).toBe(true);
  });

  it('covers the series without holes wider than a bucket', () => {
    const n = 2500;
    const idx = minMaxBucketIndices(series(n, (i) => Math.cos(i)), 1500);
    let gap = 0;
    for (let i = 1; i < idx.length; i++) gap = Math.max(gap, idx[i] - idx[i - 1]);
    expect(gap).toBeLessThanOrEqual(Math.ceil(n / 100));
  });
});
