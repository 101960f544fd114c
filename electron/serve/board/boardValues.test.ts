import { describe, expect, it } from 'vitest';
import { boardNumber, lineTagData, mediaTagData } from './boardValues';

const series = (values: number[], legacy = false) => ({
  steps: Float64Array.from(values, (_, i) => i * 10),
  values: Float64Array.from(values),
  timestamps: Float64Array.from(values, (_, i) => Date.UTC(2026, 10, 24, 5, 0, i) + 0.123),
  legacyNonFinite: legacy,
});

describe('board values', () => {
  it('spells non-finite numbers the way each SDK generation stored them', () => {
    expect(boardNumber(Number.NaN, true)).toBe('NaN');
    expect(boardNumber(-Infinity, true)).toBe('INF');
    expect(boardNumber(Infinity, false)).toBe('Infinity');
    expect(boardNumber(-Infinity, false)).toBe('-Infinity');
    expect(boardNumber(0.25, false)).toBe(0.25);
  });

  it('lists every point of a short series, marks only the last, and takes finite max/min', () => {
    const d = lineTagData(series([3, Number.NaN, -1, Infinity, 2]));
    expect(d.sum).toBe(5);
    expect(d.max).toBe(3);
    expect(d.min).toBe(-1);
    expect(d.list.map((p) => p.index)).toEqual([0, 10, 20, 30, 40]);
    expect(d.list[1].data).toBe('NaN');
    expect(d.list[3].data).toBe('Infinity');
    expect(d.list.filter((p) => p._last)).toEqual([d.list[4]]);
    expect(d.list[0].create_time).toBe('2026-11-24T05:00:00.000123+00:00');
  });

  it('down-samples long series to at most 1500 points keeping first, last and extremes', () => {
    const v = Array.from({ length: 100_000 }, (_, i) => Math.sin(i / 100));
    v[54_321] = 99;
    const d = lineTagData(series(v));
    expect(d.list.length).toBeLessThanOrEqual(1500);
    expect(d.list.length).toBeGreaterThanOrEqual(1000);
    expect(d.list[0].index).toBe(0);
    expect(d.list[d.list.length - 1].index).toBe(999_990);
    expect(d.list.some((p) => p.data === 99)).toBe(true);
  });

  it('serves media steps with file names or texts and the raw more list', () => {
    const d = mediaTagData([
      { step: 500, timestamp: 0, items: [{ file: 'media/7/500-ab.png', text: null, caption: 'a' }], more: [{ caption: 'a' }] },
      { step: 600, timestamp: 0, items: [{ file: null, text: 'hello', caption: null }] },
    ]);
    expect(d.list[0].data).toEqual(['500-ab.png']);
    expect(d.list[0].more).toEqual([{ caption: 'a' }]);
    expect(d.list[1].data).toEqual(['hello']);
    expect('more' in d.list[1]).toBe(false);
    expect(d.max).toBeNull();
  });

  it('computes the tag data of a series object once (series are immutable once built)', () => {
    const s = series([1, 2, 3]);
    const d = lineTagData(s);
    expect(lineTagData(s)).toBe(d);
    const grown = series([1, 2, 3, 4]);
    expect(lineTagData(grown)).not.toBe(d);
    expect(lineTagData(grown).sum).toBe(4);
  });
});
