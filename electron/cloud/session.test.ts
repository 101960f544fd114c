import { describe, expect, it } from 'vitest';
import { needsLogin, REFRESH_BEFORE_EXPIRY_MS, sessionFrom } from './session';

describe('session', () => {
  const now = Date.parse('2026-11-24T00:00:00.000Z');
  const s = (expiredAt: string) => sessionFrom({ sid: 'x', expiredAt, userInfo: { username: 'alice', name: '' } });

  it('reads the login answer (empty display name becomes null)', () => {
    expect(s('2099-12-31T23:59:59.000Z')).toEqual({ sid: 'x', expiresAt: Date.parse('2099-12-31T23:59:59.000Z'), username: 'alice', name: null });
  });

  it('logs in again by the 7-day rule, when missing, and when expiry is unreadable', () => {
    expect(needsLogin(null, now)).toBe(true);
    expect(needsLogin(s(new Date(now + REFRESH_BEFORE_EXPIRY_MS + 1).toISOString()), now)).toBe(false);
    expect(needsLogin(s(new Date(now + REFRESH_BEFORE_EXPIRY_MS).toISOString()), now)).toBe(true);
    expect(needsLogin(s('tomorrow'), now)).toBe(true);
  });
});
