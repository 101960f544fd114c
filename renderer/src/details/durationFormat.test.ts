import { describe, expect, it } from 'vitest';
import { formatDuration, runDurationMs } from './durationFormat';

describe('formatDuration', () => {
  it('formats seconds, minutes and hours', () => {
    expect(formatDuration(12_400)).toBe('12s');
    expect(formatDuration(245_000)).toBe('4m 05s');
    expect(formatDuration(3_723_000)).toBe('1h 02m 03s');
  });

  it('is null for unknown or negative durations', () => {
    expect(formatDuration(null)).toBeNull();
    expect(formatDuration(-5)).toBeNull();
  });
});

describe('runDurationMs', () => {
  it('uses microsecond ISO times with offsets', () => {
    expect(runDurationMs('2026-11-24T05:12:28.671919+00:00', '2026-11-24T05:12:53.818053+00:00', 0)).toBeCloseTo(25_146.134, 3);
  });

  it('runs until now when not finished, null without a start', () => {
    expect(runDurationMs('2026-01-01T00:00:00+00:00', null, Date.UTC(2026, 0, 1, 0, 1))).toBe(60_000);
    expect(runDurationMs(null, null, 0)).toBeNull();
  });
});
