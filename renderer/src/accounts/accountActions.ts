import type { ApiClient } from '../../../shared/client';
import type { AccountView, ChannelName, CloudProjectView, RequestOf, WorkspaceView } from '../../../shared/contract';
import type { CallOutcome } from '../api/observeCalls';
import { isSourceGone, presentSource, showView } from '../app/viewSwitch';
import {
  browseOf, newBrowse, useAccountsStore, type AccountBrowse, type Loadable, type ProjectSort,
} from '../store/accountsStore';
import { accountView, dropView, FOLDER_VIEW, useViewStore, viewWorkspace } from '../store/viewStore';

/** Most runs one `cloud.open` takes (the contract's limit). */
export const MAX_OPEN_RUNS = 500;

type Level = 'workspaces' | 'projects' | 'runs' | 'openState';

const errorOf = (e: unknown) => ({ message: (e as Error)?.message ?? String(e), status: (e as { status?: number })?.status ?? 0 });

/** 503: the host did not answer (the main side names it); 401: the key was refused. */
export function statusOfFailure(status: number | undefined): AccountView['status'] | null {
  return status === 503 ? 'offline' : status === 401 ? 'signed-out' : null;
}

let listing: Promise<void> | null = null;

/** `accounts.list` into the store (one at a time); 501: this side has no accounts. */
export function loadAccounts(client: ApiClient): Promise<void> {
  listing ??= client.call('accounts.list', {}).then(
    (view) => useAccountsStore.getState().setAccounts(view),
    (e: Error & { status?: number }) => {
      if (e.status === 501) useAccountsStore.getState().setUnavailable();
      else useAccountsStore.getState().setListError(e.message);
    },
  ).finally(() => {
    listing = null;
  });
  return listing;
}

/**
 * Watches every call (see observeCalls) for the account it concerns — named by `accountId`, or
 * by the cloud source it reads — and keeps that account's status current: a failure marks it
 * at once (503 offline, 401 signed out) and asks the main side for its own verdict; a browsing
 * call that worked marks it online.
 */
export function accountCallObserver(client: () => ApiClient) {
  return (channel: ChannelName, request: unknown, outcome: CallOutcome): void => {
    if (channel.startsWith('accounts.') || channel.startsWith('state.')) return;
    const s = useAccountsStore.getState();
    const req = (request ?? {}) as { accountId?: string; source?: string };
    const accountId = req.accountId ?? (req.source ? s.sourceAccount[req.source] : undefined);
    if (!accountId) return;
    if (outcome.ok) {
      if (channel.startsWith('cloud.')) s.noteStatus(accountId, 'online', null);
      return;
    }
    const status = statusOfFailure(outcome.error.status);
    if (status) s.noteStatus(accountId, status, outcome.error.message);
    if (!isSourceGone(outcome.error)) void loadAccounts(client());
  };
}

function patch(accountId: string, p: Partial<AccountBrowse> | ((b: AccountBrowse) => Partial<AccountBrowse>)): void {
  useAccountsStore.getState().updateBrowse(accountId, p);
}

const browse = (accountId: string) => browseOf(useAccountsStore.getState(), accountId);

/**
 * Loads one level of the browser under `key`. The level keeps its data while the same key
 * reloads (a refresh, a retry), so coming back to an account shows what was there at once;
 * `keepStale`: also while another key loads (the next page of projects).
 */
async function load<L extends Level>(
  accountId: string, level: L, key: string, fetch: () => Promise<NonNullable<AccountBrowse[L]['data']>>, keepStale = false,
): Promise<boolean> {
  patch(accountId, (b) => {
    const cur = b[level] as Loadable<unknown>;
    return { [level]: { key, data: cur.key === key || keepStale ? cur.data : null, loading: true, error: null } };
  });
  try {
    const data = await fetch();
    if ((browse(accountId)[level] as Loadable<unknown>).key !== key) return false;
    patch(accountId, { [level]: { key, data, loading: false, error: null } });
    return true;
  } catch (e) {
    if ((browse(accountId)[level] as Loadable<unknown>).key === key) {
      patch(accountId, (b) => ({ [level]: { ...(b[level] as Loadable<unknown>), loading: false, error: errorOf(e) } }));
    }
    return false;
  }
}

export function loadWorkspaces(client: ApiClient, accountId: string): Promise<boolean> {
  return load(accountId, 'workspaces', accountId, () => client.call('cloud.workspaces', { accountId }));
}

const projectsKey = (b: AccountBrowse) => JSON.stringify([b.workspace, b.projectSearch.trim(), b.projectSort, b.projectPage]);

export function loadProjects(client: ApiClient, accountId: string): Promise<boolean> {
  const b = browse(accountId);
  if (!b.workspace) return Promise.resolve(false);
  const search = b.projectSearch.trim();
  const request: RequestOf<'cloud.projects'> = {
    accountId, workspace: b.workspace, sort: b.projectSort, page: b.projectPage, ...(search ? { search } : {}),
  };
  return load(accountId, 'projects', projectsKey(b), () => client.call('cloud.projects', request), true);
}

export function loadRuns(client: ApiClient, accountId: string): Promise<boolean> {
  const b = browse(accountId);
  if (!b.workspace || !b.project) return Promise.resolve(false);
  const { workspace, project } = b;
  return load(accountId, 'runs', `${workspace}/${project}`, async () => {
    const rows = await client.call('cloud.runs', { accountId, workspace, project });
    // runs that are gone from the project are no longer selected
    const ids = new Set(rows.map((r) => r.id));
    patch(accountId, (cur) => ({ selected: cur.selected.filter((id) => ids.has(id)) }));
    return rows;
  });
}

/** Back to the account's workspaces (crumb) or into one workspace's projects. */
export function chooseWorkspace(client: ApiClient, accountId: string, workspace: string | null): void {
  const b = browse(accountId);
  if (workspace === b.workspace && b.project === null && b.mode === 'browse') return;
  const same = workspace === b.workspace;
  patch(accountId, {
    workspace, project: null, projectView: null, mode: 'browse', selected: [],
    ...(same ? {} : { projectSearch: '', projectPage: 1, projects: newBrowse().projects }),
  });
  if (workspace) void loadProjects(client, accountId);
  else void loadWorkspaces(client, accountId);
}

export function chooseProject(client: ApiClient, accountId: string, project: CloudProjectView | null): void {
  const b = browse(accountId);
  const same = project?.name === b.project;
  patch(accountId, {
    project: project?.name ?? null, projectView: project, mode: 'browse',
    ...(same ? {} : { selected: [], filter: newBrowse().filter, columns: null }),
  });
  if (project) void loadRuns(client, accountId);
  else void loadProjects(client, accountId);
}

export function setProjectQuery(client: ApiClient, accountId: string, q: { search?: string; sort?: ProjectSort; page?: number }): void {
  patch(accountId, (b) => ({
    projectSearch: q.search ?? b.projectSearch,
    projectSort: q.sort ?? b.projectSort,
    // a new search or sort starts on the first page
    projectPage: q.page ?? (q.search !== undefined || q.sort !== undefined ? 1 : b.projectPage),
  }));
  void loadProjects(client, accountId);
}

/** `cloud.open` on the ticked runs, then the same charts, run list and details as a folder. */
export async function openCharts(client: ApiClient, accountId: string): Promise<void> {
  const b = browse(accountId);
  if (!b.workspace || !b.project || b.selected.length === 0) return;
  const request: RequestOf<'cloud.open'> = { accountId, workspace: b.workspace, project: b.project, runIds: b.selected.slice(0, MAX_OPEN_RUNS) };
  await openSource(client, accountId, request);
}

async function openSource(client: ApiClient, accountId: string, request: RequestOf<'cloud.open'>): Promise<boolean> {
  const got: { ws?: WorkspaceView } = {};
  const ok = await load(accountId, 'openState', JSON.stringify(request), async () => {
    got.ws = await client.call('cloud.open', request);
    return true as const;
  });
  const ws = got.ws;
  if (!ok || !ws) return false;
  if (ws.sourceId) useAccountsStore.getState().noteSource(ws.sourceId, accountId);
  patch(accountId, { mode: 'charts', opened: { request, sourceId: ws.sourceId } });
  presentSource(client, accountView(accountId), ws);
  return true;
}

/** Charts ▸ back to the runs table (the opened source stays, for "Charts" again). */
export function showRunsTable(accountId: string): void {
  patch(accountId, { mode: 'browse' });
}

/** Back to the charts opened before (from the runs table): reopened only when none are loaded (after a page reload). */
export function showOpenedCharts(client: ApiClient, accountId: string): void {
  if (!browse(accountId).opened) return;
  patch(accountId, { mode: 'charts' });
  if (!viewWorkspace(accountView(accountId))) void revalidate(client, accountId);
}

const sameRuns = (ws: WorkspaceView, runIds: string[]) =>
  ws.runs.length === runIds.length && ws.runs.every((r) => runIds.includes(r.info.id));

/**
 * Coming back to an account (or Retry): what is shown stays, and the level in view is fetched
 * again in the background — which also finds out whether the host is still there (with charts
 * shown: the project's runs, behind them). Charts whose source the main side has closed
 * meanwhile are opened again with the same runs; after a page reload (no charts loaded yet) the
 * source opened last is asked for first. Resolves whether the level in view has its data.
 */
export async function revalidate(client: ApiClient, accountId: string): Promise<boolean> {
  const b = browse(accountId);
  if (b.mode === 'charts' && b.opened) {
    const { request } = b.opened;
    // the runs table behind the charts comes from the host: refreshing it also finds out whether the host is there
    void loadRuns(client, accountId);
    const view = accountView(accountId);
    const shown = viewWorkspace(view);
    const source = shown?.sourceId ?? b.opened.sourceId;
    if (source) {
      useAccountsStore.getState().noteSource(source, accountId);
      try {
        const ws = await client.call('workspace.get', { source });
        // the project's source shows the runs chosen last, maybe elsewhere: only the saved choice is put back
        if (shown || (ws.kind === 'cloud' && sameRuns(ws, request.runIds))) {
          presentSource(client, view, ws);
          return true;
        }
      } catch (e) {
        if (!isSourceGone(e)) return shown !== null;
      }
    }
    return openSource(client, accountId, request);
  }
  if (b.project) return loadRuns(client, accountId);
  if (b.workspace) return loadProjects(client, accountId);
  return loadWorkspaces(client, accountId);
}

/** One click in the sidebar: the account's view as it was left (refreshed in the background by the pane). */
export function switchToAccount(client: ApiClient, accountId: string): void {
  const { unrestored, setUnrestored } = useAccountsStore.getState();
  if (unrestored?.accountId === accountId) setUnrestored(null);
  // a newly shown account's pane revalidates when it mounts; the one in front (a key re-entered) now
  if (useViewStore.getState().active === accountView(accountId)) void revalidate(client, accountId);
  else showView(client, accountView(accountId));
}

export async function addAccount(client: ApiClient, host: string, apiKey: string): Promise<AccountView> {
  const account = await client.call('accounts.add', { host, apiKey });
  // a re-entered key replaces the account's state: it may have been signed out
  useAccountsStore.getState().noteStatus(account.id, account.status, account.lastError);
  await loadAccounts(client);
  return account;
}

export async function importAccounts(client: ApiClient): Promise<void> {
  const result = await client.call('accounts.import', {});
  const s = useAccountsStore.getState();
  s.setAccounts(result.accounts);
  s.setImported(result.found);
}

export async function removeAccount(client: ApiClient, accountId: string): Promise<void> {
  const view = accountView(accountId);
  const accounts = await client.call('accounts.remove', { accountId });
  if (useViewStore.getState().active === view) showView(client, FOLDER_VIEW);
  dropView(view);
  const s = useAccountsStore.getState();
  s.setAccounts(accounts);
  s.forget(accountId);
}
