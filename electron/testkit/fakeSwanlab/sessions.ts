import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FakeModel, FakeUser } from './model';

function cookieValue(headers: IncomingHttpHeaders, name: string): string | null {
  for (const part of (headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/** `sid` sessions: issued by API-key login, expiring at `expiredAt` or when a test expires them all. */
export class FakeSessions {
  private readonly byId = new Map<string, { username: string; expiresAt: number }>();
  /** Lifetime of new sessions; tests shorten it to make the client refresh. */
  ttlMs = 30 * 24 * 3600 * 1000;
  logins = 0;

  constructor(private readonly model: FakeModel, private readonly now: () => number) {}

  login(user: FakeUser): { sid: string; expiredAt: string } {
    this.logins++;
    const sid = randomBytes(12).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.byId.set(sid, { username: user.username, expiresAt });
    // exactly `%Y-%m-%dT%H:%M:%S.%fZ` with milliseconds, as the SDK parses it
    return { sid, expiredAt: new Date(expiresAt).toISOString() };
  }

  /** The caller: cookie `sid`, overridden by header `X-SID` only when a `sid` cookie exists (req-preprocess). */
  resolve(headers: IncomingHttpHeaders): FakeUser | null {
    const cookie = cookieValue(headers, 'sid');
    if (cookie === null) return null;
    const override = headers['x-sid'];
    const sid = typeof override === 'string' && override ? override : cookie;
    const s = this.byId.get(sid);
    if (!s || s.expiresAt <= this.now()) return null;
    return this.model.users.find((u) => u.username === s.username) ?? null;
  }

  /** Server-side expiry of every session (a restart, a revoked key, ...). */
  expireAll(): void {
    this.byId.clear();
  }
}
