import { describe, expect, it } from 'vitest';
import type { MetricSummary } from '../../../shared/domain';
import { formatMetricValue, formatWithStep, sortSummaries, toggleSort } from './summaryFormat';

describe('formatMetricValue', () => {
  it('spells out non-finite values and missing ones', () => {
    expect(formatMetricValue(Number.NaN)).toBe('NaN');
    expect(formatMetricValue(Infinity)).toBe('inf');
    expect(formatMetricValue(-Infinity)).toBe('-inf');
    expect(formatMetricValue(null)).toBe('—');
  });

  it('keeps integers and cuts long fractions to 6 significant digits', () => {
    expect(formatMetricValue(2500)).toBe('2500');
    expect(formatMetricValue(0)).toBe('0');
    expect(formatMetricValue(0.1120570155194666)).toBe('0.112057');
    expect(formatMetricValue(23324.46484375)).toBe('23324.5');
    expect(formatMetricValue(-1.5)).toBe('-1.5');
  });

  it('uses exponents for very small and very large values', () => {
    expect(formatMetricValue(0.0000123456789)).toBe('1.23457e-5');
    expect(formatMetricValue(1e-7)).toBe('1e-7');
    expect(formatMetricValue(1.5e12 + 0.5)).toBe('1.5e+12');
  });
});

describe('formatWithStep', () => {
  it('adds the step in parentheses', () => {
    expect(formatWithStep(0.5, 12)).toBe('0.5 (12)');
    expect(formatWithStep(null, null)).toBe('—');
  });
});

const row = (key: string, last: number | null, count = 1): MetricSummary => ({
  key, count, last, lastStep: 0, min: last, minStep: 0, max: last, maxStep: 0,
});

describe('sortSummaries', () => {
  const rows = [row('b', 2, 5), row('a', Number.NaN, 1), row('c', -1, 9), row('d', null, 0), row('e', Infinity, 3)];

  it('sorts by value ascending and descending with NaN and missing last', () => {
    expect(sortSummaries(rows, { column: 'last', direction: 'asc' }).map((r) => r.key)).toEqual(['c', 'b', 'e', 'a', 'd']);
    expect(sortSummaries(rows, { column: 'last', direction: 'desc' }).map((r) => r.key)).toEqual(['e', 'b', 'c', 'a', 'd']);
  });

  it('sorts by key and count', () => {
    expect(sortSummaries(rows, { column: 'key', direction: 'desc' }).map((r) => r.key)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(sortSummaries(rows, { column: 'count', direction: 'asc' }).map((r) => r.key)).toEqual(['d', 'a', 'e', 'b', 'c']);
  });

  it('does not modify its input', () => {
    const before = rows.map((r) => r.key);
    sortSummaries(rows, { column: 'key', direction: 'asc' });
    expect(rows.map((r) => r.key)).toEqual(before);
  });
});

describe('toggleSort', () => {
  it('flips the direction of the same column and starts new ones ascending', () => {
    expect(toggleSort(null, 'last')).toEqual({ column: 'last', direction: 'asc' });
    expect(toggleSort({ column: 'last', direction: 'asc' }, 'last')).toEqual({ column: 'last', direction: 'desc' });
    expect(toggleSort({ column: 'last', direction: 'desc' }, 'min')).toEqual({ column: 'min', direction: 'asc' });
  });
});
