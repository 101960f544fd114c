import { describe, expect, it } from 'vitest';
import { formatLocalTime } from './formatTime';

describe('formatLocalTime', () => {
  it('formats in local time to the minute', () => {
    const d = new Date(2026, 10, 24, 5, 3, 18);
    expect(formatLocalTime(d.toISOString())).toBe('2026-11-24 05:03');
  });

  it('is null for missing or unreadable times', () => {
    expect(formatLocalTime(null)).toBeNull();
    expect(formatLocalTime('not a time')).toBeNull();
  });
});
