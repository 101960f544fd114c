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
