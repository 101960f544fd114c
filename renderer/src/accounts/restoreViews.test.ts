import { beforeEach, describe, expect, it, vi } from 'vitest';

// the app store reads the saved language (or the browser's) when it is created
vi.hoisted(() => {
  const g = globalThis as { navigator?: { language: string } };
  if (!g.navigator) Object.defineProperty(g, 'navigator', { value: { language: 'en' }, configurable: true });
});
import type { ApiClient } from '../../../shared/client';
import { ApiError } from '../../../shared/client';
import type { AccountView, ChannelName, WorkspaceView } from '../../../shared/contract';
import { observeCalls } from '../api/observeCalls';
import { browseOf, newBrowse, useAccountsStore, type AccountBrowse } from '../store/accountsStore';
import { useAppStore } from '../store/appStore';
import { savedBrowseOf, serializeViews } from '../store/savedViews';
import { accountView, FOLDER_VIEW, useViewStore } from '../store/viewStore';
import { accountCallObserver } from './accountActions';
import { persistViews } from './persistViews';
import { restoreSavedViews } from './restoreViews';

const A = 'http://h:1#alice';
const account = (id: string, status: AccountView['status'] = 'online'): AccountView => ({
  id, kind: 'cloud', webHost: 'http://h:1', apiHost: 'http://h:1', username: 'alice', name: null, status, lastError: null, selfHosted: null,
});
const request = { accountId: A, workspace: 'alice', project: 'mnist', runIds: ['r1', 'r2'] };
const cloudWs = (sourceId: string, runIds: string[]): WorkspaceView => ({
  sourceId, kind: 'cloud', target: 'http://h:1/@alice/mnist', folderKey: `cloud-${sourceId}`, canOpenFolders: false, issues: [],
  runs: runIds.map((id) => ({ info: { id }, keys: [], webUrl: null }) as unknown as WorkspaceView['runs'][number]),
});
const chartsBrowse = (): AccountBrowse => ({
  ...newBrowse(), workspace: 'alice', project: 'mnist', selected: ['r1', 'r2'], mode: 'charts', opened: { request, sourceId: 'cloud:1' },
});

/** localStorage as the page has it, in memory. */
function fakeStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

/** A client answering from `answers`, through the same call observer as the app (it marks accounts offline). */
function fakeClient(answers: Partial<Record<ChannelName, (req: unknown) => unknown>>): ApiClient & { calls: ChannelName[] } {
  const calls: ChannelName[] = [];
  const base: ApiClient = {
    transport: 'http',
    onChange: () => () => {},
    call: (async (channel: ChannelName, req: unknown) => {
      calls.push(channel);
      const answer = answers[channel];
      if (!answer) throw new ApiError(channel, 'not faked', 500);
      return answer(req);
    }) as ApiClient['call'],
  };
  return Object.assign(observeCalls(base, accountCallObserver(() => base)), { calls });
}

const listed = (...accounts: AccountView[]) => () => ({ accounts, keyStorage: { kind: 'file' as const, location: '/k' } });
const offline = (channel: string) => () => {
  throw new ApiError(channel, 'SwanLab host http://h:1 is unreachable', 503);
};
const gone = () => {
  throw new ApiError('workspace.get', 'source cloud:1 is not open (open the folder or project again)', 404);
};

function save(active: string, browse: AccountBrowse): void {
  localStorage.setItem('swanview.views', serializeViews({ active, accounts: { [A]: savedBrowseOf(browse) } }));
}

describe('restoring account views after a reload', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', fakeStorage());
    useAccountsStore.setState({ accounts: null, available: true, listError: null, browse: {}, sourceAccount: {}, unrestored: null });
    useViewStore.setState({ active: FOLDER_VIEW, parked: {}, scroll: {} });
    useAppStore.setState({ workspace: null, selectedRunId: null });
  });

  it('shows the charts again from the source the main side still has open', async () => {
    save(accountView(A), chartsBrowse());
    const client = fakeClient({
      'accounts.list': listed(account(A)),
      'workspace.get': () => cloudWs('cloud:1', ['r2', 'r1']),
      'cloud.runs': () => [],
      'state.get': () => ({ pinned: [], hidden: [], folded: [], hiddenRuns: [] }),
    });
    expect(await restoreSavedViews(client)).toBe(true);
    expect(useViewStore.getState().active).toBe(accountView(A));
    expect(useAppStore.getState().workspace?.sourceId).toBe('cloud:1');
    expect(browseOf(useAccountsStore.getState(), A).mode).toBe('charts');
    expect(client.calls).not.toContain('cloud.open');
  });

  it('opens the same runs again when the source is closed, or shows other runs now', async () => {
    for (const answer of [gone, () => cloudWs('cloud:1', ['r3'])]) {
      save(accountView(A), chartsBrowse());
      useViewStore.setState({ active: FOLDER_VIEW, parked: {} });
      const opened: unknown[] = [];
      const client = fakeClient({
        'accounts.list': listed(account(A)),
        'workspace.get': answer,
        'cloud.open': (req) => {
          opened.push(req);
          return cloudWs('cloud:2', ['r1', 'r2']);
        },
        'cloud.runs': () => [],
        'state.get': () => ({ pinned: [], hidden: [], folded: [], hiddenRuns: [] }),
      });
      await restoreSavedViews(client);
      expect(opened).toEqual([request]);
      expect(useViewStore.getState().active).toBe(accountView(A));
      expect(useAppStore.getState().workspace?.sourceId).toBe('cloud:2');
      expect(browseOf(useAccountsStore.getState(), A).opened?.sourceId).toBe('cloud:2');
    }
  });

  it('keeps the folder in front, saying why, when the host does not answer', async () => {
    save(accountView(A), chartsBrowse());
    const client = fakeClient({
      'accounts.list': listed(account(A)),
      'workspace.get': gone,
      'cloud.open': offline('cloud.open'),
      'cloud.runs': offline('cloud.runs'),
    });
    await restoreSavedViews(client);
    const s = useAccountsStore.getState();
    expect(useViewStore.getState().active).toBe(FOLDER_VIEW);
    expect(s.unrestored).toEqual({ accountId: A, reason: 'offline' });
    expect(s.accounts![0].status).toBe('offline');
    // where the account was stays, for the next try
    expect(browseOf(s, A).opened?.request).toEqual(request);
    const stop = persistViews();
    expect(JSON.parse(localStorage.getItem('swanview.views')!).active).toBe(accountView(A));
    stop();
  });

  it('keeps the folder in front for an account that is gone, and forgets its view', async () => {
    save(accountView(A), chartsBrowse());
    const client = fakeClient({ 'accounts.list': listed() });
    await restoreSavedViews(client);
    expect(useViewStore.getState().active).toBe(FOLDER_VIEW);
    expect(useAccountsStore.getState().unrestored).toEqual({ accountId: A, reason: 'gone' });
    expect(useAccountsStore.getState().browse).toEqual({});
    const stop = persistViews();
    expect(JSON.parse(localStorage.getItem('swanview.views')!)).toMatchObject({ active: FOLDER_VIEW, accounts: {} });
    stop();
  });

  it('leaves what is saved alone when the accounts cannot be listed', async () => {
    save(accountView(A), chartsBrowse());
    const before = localStorage.getItem('swanview.views');
    const client = fakeClient({ 'accounts.list': offline('accounts.list') });
    expect(await restoreSavedViews(client)).toBe(false);
    expect(useViewStore.getState().active).toBe(FOLDER_VIEW);
    expect(localStorage.getItem('swanview.views')).toBe(before);
  });

  it('saves each change of view and browse state', async () => {
    const stop = persistViews();
    useAccountsStore.getState().updateBrowse(A, { workspace: 'alice', project: 'mnist' });
    useViewStore.setState({ active: accountView(A) });
    const saved = JSON.parse(localStorage.getItem('swanview.views')!);
    expect(saved.active).toBe(accountView(A));
    expect(saved.accounts[A]).toMatchObject({ workspace: 'alice', project: 'mnist', mode: 'browse' });
    stop();
    useViewStore.setState({ active: FOLDER_VIEW });
    expect(JSON.parse(localStorage.getItem('swanview.views')!).active).toBe(accountView(A));
  });
});
