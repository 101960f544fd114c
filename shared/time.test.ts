import { describe, expect, it } from 'vitest';
import { formatIsoUtc, parseIsoMs } from './time';

describe('ISO times', () => {
  it('round-trips the SDK microsecond timestamps exactly', () => {
    for (const s of ['2026-11-24T05:00:31.774976+00:00', '2026-11-24T05:12:53.818053+00:00', '2026-01-01T00:00:00.000001+00:00']) {
      expect(formatIsoUtc(parseIsoMs(s))).toBe(s);
    }
  });
  it('omits a zero fraction like Python isoformat', () => {
    expect(formatIsoUtc(parseIsoMs('2026-11-24T05:00:31+00:00'))).toBe('2026-11-24T05:00:31+00:00');
  });
  it('applies offsets and Z', () => {
    expect(parseIsoMs('2026-11-24T08:00:00+03:00')).toBe(parseIsoMs('2026-11-24T05:00:00Z'));
    expect(parseIsoMs('2026-11-24T05:00:00.5Z') - parseIsoMs('2026-11-24T05:00:00Z')).toBe(500);
  });
  it('returns NaN for garbage', () => {
    expect(parseIsoMs('yesterday')).toBeNaN();
    expect(parseIsoMs('')).toBeNaN();
  });
});
