import type { FakeModel, FakeProject, FakeRun } from './model';

export function projectJson(model: FakeModel, p: FakeProject, viewer: string, detail: boolean) {
  const ws = model.workspaces.find((w) => w.username === p.workspace);
  return {
    cuid: p.cuid, name: p.name, username: p.workspace, path: `${p.workspace}/${p.name}`, description: p.description,
    visibility: p.visibility, createdAt: p.createdAt, updatedAt: p.updatedAt,
    group: { type: ws?.type ?? 'PERSON', username: p.workspace, name: ws?.name ?? null },
    projectLabels: [],
    ...(detail ? { _count: { experiments: p.runs.length, contributors: 1, collaborators: 0, clones: 0 } } : {}),
    role: ws?.members[viewer] ?? 'VISITOR',
  };
}

/** `part`: `summary` for list items (profile holds only config), `full` for the single-run GET. */
export function runJson(model: FakeModel, p: FakeProject, r: FakeRun, part: 'summary' | 'full') {
  const user = model.users.find((u) => u.username === r.user);
  return {
    cuid: r.cuid, slug: r.slug, name: r.name, description: r.description, state: r.state, show: true, pin: r.pin, baseline: false,
    colors: r.colors, labels: r.labels.map((name) => ({ name, colors: ['#888888', '#888888'] })), cluster: r.cluster, job: r.job,
    type: 'SUMMARY', createdAt: r.createdAt, finishedAt: r.finishedAt, updatedAt: r.updatedAt,
    user: { username: r.user, name: user?.name ?? null }, rootExpId: r.rootExpId, rootProId: r.rootProId, project_id: p.cuid,
    profile: part === 'full' ? { config: r.config, metadata: r.metadata, requirements: r.requirements, conda: r.conda } : { config: r.config },
  };
}
