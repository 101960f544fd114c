import { z } from 'zod';
import { isNotFound, type ClientContext } from './clientContext';
import type { CloudWorkspace } from './cloudTypes';
import { workspaceSchema } from './wire';

function workspaceFrom(w: z.infer<typeof workspaceSchema>, fallbackType: 'PERSON' | 'TEAM'): CloudWorkspace {
  return { username: w.username, name: w.name || null, type: w.type === 'PERSON' || w.type === 'TEAM' ? w.type : fallbackType, role: w.role ?? null };
}

/**
 * The caller's personal workspace first, then their teams (`/user/{u}/groups`). Whether that
 * list holds the personal space is unclear (doc §13.2), so it is prepended and deduped.
 */
export async function listWorkspaces(ctx: ClientContext): Promise<CloudWorkspace[]> {
  const session = await ctx.api.session();
  const me = encodeURIComponent(session.username);
  const [personal, groups] = await Promise.all([
    ctx.api.call('GET', `/group/${me}`, workspaceSchema).catch((e: unknown) => {
      if (isNotFound(e)) return null;
      throw e;
    }),
    ctx.api.call('GET', `/user/${me}/groups`, z.array(workspaceSchema)),
  ]);
  const out: CloudWorkspace[] = [personal
    ? workspaceFrom(personal, 'PERSON')
    : { username: session.username, name: session.name, type: 'PERSON', role: 'OWNER' }];
  for (const g of groups) if (!out.some((w) => w.username === g.username)) out.push(workspaceFrom(g, 'TEAM'));
  return out;
}
