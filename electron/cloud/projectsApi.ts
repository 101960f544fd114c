import type { ClientContext } from './clientContext';
import type { CloudProject } from './cloudTypes';
import { getPages, type PageOptions } from './paging';
import { projectSchema, type WireProject } from './wire';

export interface ProjectQuery extends PageOptions {
  /** `create` (newest first), `name`, or omitted: recently updated first (doc §4.3). */
  sort?: 'create' | 'name';
  /** Case-insensitive part of the name. */
  search?: string;
}

const seg = encodeURIComponent;

export function projectFrom(p: WireProject, webHost: string): CloudProject {
  const workspace = p.username ?? p.group?.username ?? p.path?.split('/')[0] ?? '';
  const count = p._count?.experiments;
  return {
    cuid: p.cuid,
    name: p.name,
    workspace,
    description: p.description ?? null,
    visibility: p.visibility ?? null,
    createdAt: p.createdAt ?? null,
    updatedAt: p.updatedAt ?? null,
    runCount: typeof count === 'number' ? count : null,
    webUrl: `${webHost}/@${seg(workspace)}/${seg(p.name)}`,
  };
}

export async function listProjects(ctx: ClientContext, workspace: string, q: ProjectQuery = {}): Promise<{ projects: CloudProject[]; total: number | null }> {
  const { items, total } = await getPages(ctx, `/project/${seg(workspace)}`, projectSchema, { sort: q.sort, search: q.search || undefined, detail: true }, q);
  return { projects: items.map((p) => projectFrom(p, ctx.api.host.webHost)), total };
}

export async function getProject(ctx: ClientContext, workspace: string, name: string): Promise<CloudProject> {
  return projectFrom(await ctx.api.call('GET', `/project/${seg(workspace)}/${seg(name)}`, projectSchema), ctx.api.host.webHost);
}
