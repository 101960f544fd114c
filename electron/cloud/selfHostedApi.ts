import { isNotFound, type ClientContext } from './clientContext';
import type { SelfHostedInfo } from './cloudTypes';
import { getPages, type PageOptions } from './paging';
import { anySchema, selfHostedInfoSchema, userSchema } from './wire';

/** `/self_hosted/info`: null on a host that is not a private deployment (the cloud answers 404). */
export async function selfHostedInfo(ctx: ClientContext): Promise<SelfHostedInfo | null> {
  try {
    const i = await ctx.api.call('GET', '/self_hosted/info', selfHostedInfoSchema);
    return { enabled: i.enabled ?? false, expired: i.expired ?? false, root: i.root ?? false, plan: i.plan ?? null, seats: i.seats ?? null };
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/** Checked before root-only calls, like the SDK: enabled, not expired, and the caller is root. */
async function requireRoot(ctx: ClientContext): Promise<void> {
  const info = await selfHostedInfo(ctx);
  const host = ctx.api.host.apiHost;
  if (!info) throw new Error(`${host} is not a self-hosted SwanLab (no /self_hosted/info)`);
  if (!info.enabled) throw new Error(`self-hosted SwanLab at ${host} is not enabled (licence not activated)`);
  if (info.expired) throw new Error(`the licence of self-hosted SwanLab at ${host} has expired`);
  if (!info.root) throw new Error(`only the root user of ${host} may manage users`);
}

export interface SelfHostedUser {
  username: string;
  name: string | null;
  email: string | null;
}

export async function listUsers(ctx: ClientContext, page: PageOptions = { all: true }): Promise<SelfHostedUser[]> {
  await requireRoot(ctx);
  const { items } = await getPages(ctx, '/self_hosted/users', userSchema, {}, page);
  return items.map((u) => ({ username: u.username, name: u.name ?? null, email: u.email ?? null }));
}

export async function createUsers(ctx: ClientContext, users: { username: string; password: string }[]): Promise<void> {
  await requireRoot(ctx);
  await ctx.api.call('POST', '/self_hosted/users', anySchema, { body: { users } });
}
