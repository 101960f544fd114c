import type { AccountView, CloudProjectView, CloudRunRow, CloudWorkspaceView } from '../../shared/contract';
import type { StoredAccount } from './accountsFile';
import type { CloudProject, CloudRun, CloudWorkspace } from './cloudTypes';
import { flattenConfig } from './flattenConfig';

/** How an account is doing, as the last calls found. */
export interface AccountHealth {
  status: AccountView['status'];
  lastError: string | null;
}

export function accountView(a: StoredAccount, health: AccountHealth | undefined): AccountView {
  return {
    id: a.id,
    kind: a.kind,
    webHost: a.webHost,
    apiHost: a.apiHost,
    username: a.username,
    name: a.name,
    status: health?.status ?? 'unknown',
    lastError: health?.lastError ?? null,
    selfHosted: a.selfHosted,
  };
}

export function workspaceView(w: CloudWorkspace): CloudWorkspaceView {
  return { name: w.username, displayName: w.name, kind: w.type === 'PERSON' ? 'personal' : 'team', role: w.role };
}

export function projectView(p: CloudProject): CloudProjectView {
  return { workspace: p.workspace, name: p.name, description: p.description, runCount: p.runCount, createdAt: p.createdAt, updatedAt: p.updatedAt, webUrl: p.webUrl };
}

/** `RunInfo.dir` of a cloud run is its page, `{web}/@{ws}/{project}/runs/{slug or cuid}/chart`. */
export function runRow(r: CloudRun): CloudRunRow {
  return {
    id: r.info.id,
    name: r.info.name,
    status: r.info.status,
    createdAt: r.info.createdAt,
    finishedAt: r.info.finishedAt,
    config: flattenConfig(r.config),
    webUrl: r.info.dir || null,
  };
}
