import { z } from 'zod';

/** The SDK logs in again when the session has at most this long left (`REFRESH_TIME`). */
export const REFRESH_BEFORE_EXPIRY_MS = 7 * 24 * 3600 * 1000;

export const loginSchema = z.looseObject({
  sid: z.string().min(1),
  expiredAt: z.string(),
  userInfo: z.looseObject({ username: z.string().min(1), name: z.string().nullish() }),
});

export interface Session {
  sid: string;
  /** ms since epoch; NaN when the server's `expiredAt` is unreadable (then every call re-logs in). */
  expiresAt: number;
  username: string;
  name: string | null;
}

export function sessionFrom(body: z.infer<typeof loginSchema>): Session {
  return { sid: body.sid, expiresAt: Date.parse(body.expiredAt), username: body.userInfo.username, name: body.userInfo.name || null };
}

export function needsLogin(session: Session | null, now: number): boolean {
  return session === null || !(session.expiresAt - now > REFRESH_BEFORE_EXPIRY_MS);
}
