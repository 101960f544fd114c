import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_RETRY, parseRetryAfter } from './retryPolicy';

describe('retry policy', () => {
  it('backs off like urllib3 with factor 0.5: 0, 1, 2, 4, 8 s', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(DEFAULT_RETRY, n))).toEqual([0, 1000, 2000, 4000, 8000]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.25', now)).toBe(250);
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
