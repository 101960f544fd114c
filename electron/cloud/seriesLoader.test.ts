import { describe, expect, it } from 'vitest';
import type { NumericSeries } from '../../shared/domain';
import { SeriesLoader } from './seriesLoader';

const one = (v: number): NumericSeries => ({ steps: Float64Array.of(0), values: Float64Array.of(v), timestamps: Float64Array.of(NaN), legacyNonFinite: false });

describe('SeriesLoader', () => {
  it('batches keys asked in the same tick, caches them, and answers null for absent keys', async () => {
    const calls: string[][] = [];
    const loader = new SeriesLoader(async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'absent').map((k, i) => [k, one(i)]));
    });
    const [a, b, absent, a2] = await Promise.all([loader.load('a'), loader.load('b'), loader.load('absent'), loader.load('a')]);
    expect(calls).toEqual([['a', 'b', 'absent']]);
    expect(a!.values[0]).toBe(0);
    expect(b!.values[0]).toBe(1);
    expect(absent).toBeNull();
    expect(a2).toBe(a);
    expect(loader.peek('a')).toBe(a);
    expect(loader.peek('c')).toBeUndefined();
    await loader.load('c');
    expect(calls).toEqual([['a', 'b', 'absent'], ['c']]);
  });

  it('does not keep a failed batch', async () => {
    let fail = true;
    const loader = new SeriesLoader(async (keys) => {
      if (fail) throw new Error('503');
      return new Map(keys.map((k) => [k, one(1)]));
    });
    await expect(loader.load('a')).rejects.toThrow('503');
    fail = false;
    expect((await loader.load('a'))!.values[0]).toBe(1);
  });
});
