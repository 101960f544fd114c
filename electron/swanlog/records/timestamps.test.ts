import { describe, expect, it } from 'vitest';
import { isoFromTimestamp, msFromIso, msFromTimestamp } from './timestamps';

describe('timestamps', () => {
  const seconds = Date.UTC(2026, 10, 24, 5, 7, 0) / 1000;

  it('formats like Python isoformat: microseconds, +00:00, no zero fraction', () => {
    expect(isoFromTimestamp(seconds, 680871000)).toBe('2026-11-24T05:07:00.680871+00:00');
    expect(isoFromTimestamp(seconds, 856600000)).toBe('2026-11-24T05:07:00.856600+00:00');
    expect(isoFromTimestamp(seconds, 1000)).toBe('2026-11-24T05:07:00.000001+00:00');
    expect(isoFromTimestamp(seconds, 0)).toBe('2026-11-24T05:07:00+00:00');
    expect(isoFromTimestamp(seconds, 999)).toBe('2026-11-24T05:07:00+00:00'); // truncated below 1 µs
    expect(isoFromTimestamp(0, 0)).toBe('1970-01-01T00:00:00+00:00');
  });

  it('never throws on out-of-range values', () => {
    expect(isoFromTimestamp(1e300, 0)).toBeNull();
    expect(isoFromTimestamp(seconds, NaN)).toBeNull();
    expect(isoFromTimestamp(seconds, -1000)).toBe('2026-11-24T05:06:59.999999+00:00');
  });

  it('keeps sub-millisecond precision in ms numbers', () => {
    expect(msFromTimestamp(seconds, 680871000)).toBeCloseTo(seconds * 1000 + 680.871, 6);
    expect(msFromIso('2026-11-24T05:07:00.680871+00:00')).toBeCloseTo(seconds * 1000 + 680.871, 3);
    expect(msFromIso('2026-11-24T05:07:00+00:00')).toBe(seconds * 1000);
    expect(msFromIso('2026-11-24T07:07:00.5+02:00')).toBe(seconds * 1000 + 500);
    expect(msFromIso('2026-11-24T05:07:00Z')).toBe(seconds * 1000);
    expect(msFromIso('2026-11-24 05:07:00')).toBe(seconds * 1000);
    expect(msFromIso('yesterday')).toBeNaN();
    expect(msFromIso(null)).toBeNaN();
  });
});
