import type { SystemInfo } from '../../shared/domain';
import type { ClientContext } from './clientContext';
import type { CloudProject, CloudRun, CloudRunDetail, RunRef } from './cloudTypes';
import { profileFrom, runInfoFrom, unwrapConfig } from './mapRun';
import { getPages, type PageOptions } from './paging';
import { runGroupsSchema, runSchema, type WireRun, type WireRunGroups } from './wire';

export type FilterOp = 'EQ' | 'NEQ' | 'GTE' | 'LTE' | 'IN' | 'NOT IN' | 'CONTAIN';
export type FieldType = 'STABLE' | 'CONFIG' | 'SCALAR';

/** `runs/shows` query (doc §4.4.1): filters ANDed, values always arrays; date values are UTC+8. */
export interface RunQuery {
  filters?: { key: string; type: FieldType; op: FilterOp; value: unknown[] }[];
  groups?: { key: string; type: FieldType }[];
  sorts?: { key: string; type: FieldType; order: 'ASC' | 'DESC' }[];
}

const seg = encodeURIComponent;
const projectPath = (p: CloudProject) => `/project/${seg(p.workspace)}/${seg(p.name)}`;

export function runRefFrom(run: WireRun, project: CloudProject): RunRef {
  const created = run.createdAt ? Date.parse(run.createdAt) : Number.NaN;
  return {
    workspace: project.workspace,
    project: project.name,
    projectId: run.project_id || project.cuid,
    cuid: run.cuid,
    slug: run.slug || null,
    name: run.name || run.slug || run.cuid,
    createdAtSec: Number.isNaN(created) ? null : Math.floor(created / 1000),
    rootProId: run.rootProId || null,
    rootExpId: run.rootExpId || null,
  };
}

function cloudRunFrom(run: WireRun, project: CloudProject, webHost: string, system: SystemInfo | null = null): CloudRun {
  const config = run.profile?.config;
  return {
    ref: runRefFrom(run, project),
    info: runInfoFrom(run, { workspace: project.workspace, project: project.name, webHost }, system),
    config: config && typeof config === 'object' && !Array.isArray(config) ? (unwrapConfig(config) as Record<string, unknown>) : null,
  };
}

/** Grouped `runs/shows` answers nest `{group: runs | {subgroup: ...}}`; the runs in server order. */
export function flattenRunGroups(g: WireRunGroups): WireRun[] {
  return Array.isArray(g) ? g : Object.values(g).flatMap(flattenRunGroups);
}

/** `GET …/runs`: paged summaries (profile holds only config). */
export async function listRuns(ctx: ClientContext, project: CloudProject, page: PageOptions = { all: true }): Promise<CloudRun[]> {
  const { items } = await getPages(ctx, `${projectPath(project)}/runs`, runSchema, {}, page);
  return items.map((r) => cloudRunFrom(r, project, ctx.api.host.webHost));
}

/** `POST …/runs/shows`: every matching run (not paged); a grouped answer is flattened. */
export async function showRuns(ctx: ClientContext, project: CloudProject, q: RunQuery = {}): Promise<CloudRun[]> {
  const body = {
    filters: (q.filters ?? []).map((f) => ({ ...f, active: true })),
    groups: (q.groups ?? []).map((g) => ({ ...g, active: true })),
    sorts: (q.sorts ?? []).map((s) => ({ ...s, active: true })),
  };
  const answer = await ctx.api.call('POST', `${projectPath(project)}/runs/shows`, runGroupsSchema, { body });
  return flattenRunGroups(answer).map((r) => cloudRunFrom(r, project, ctx.api.host.webHost));
}

/** One run by cuid or slug, with its profile (config, metadata, requirements, conda). */
export async function getRun(ctx: ClientContext, project: CloudProject, id: string): Promise<CloudRunDetail> {
  const run = await ctx.api.call('GET', `${projectPath(project)}/runs/${seg(id)}`, runSchema);
  const profile = profileFrom(run.profile);
  return { ...cloudRunFrom(run, project, ctx.api.host.webHost, profile.system), profile };
}
