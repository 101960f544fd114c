import { beforeEach, describe, expect, it, vi } from 'vitest';

// the app store reads the saved language (or the browser's) when it is created
vi.hoisted(() => {
  const g = globalThis as { navigator?: { language: string } };
  if (!g.navigator) Object.defineProperty(g, 'navigator', { value: { language: 'en' }, configurable: true });
});
import type { ApiClient } from '../../../shared/client';
import { ApiError } from '../../../shared/client';
import type { AccountView, ChannelName, CloudRunRow } from '../../../shared/contract';
import { observeCalls } from '../api/observeCalls';
import { browseOf, newBrowse, useAccountsStore } from '../store/accountsStore';
import { accountCallObserver, chooseProject, chooseWorkspace, loadRuns, statusOfFailure } from './accountActions';

const account = (id: string, status: AccountView['status'] = 'online'): AccountView => ({
  id, kind: 'cloud', webHost: 'http://h', apiHost: 'http://h', username: 'alice', name: null, status, lastError: null, selfHosted: null,
});

/** A client answering from `answers` (a function per channel); the calls made are recorded. */
function fakeClient(answers: Partial<Record<ChannelName, (req: unknown) => unknown>>): ApiClient & { calls: [ChannelName, unknown][] } {
  const calls: [ChannelName, unknown][] = [];
  return {
    transport: 'http',
    calls,
    onChange: () => () => {},
    call: (async (channel: ChannelName, request: unknown) => {
      calls.push([channel, request]);
      const answer = answers[channel];
      if (!answer) throw new ApiError(channel, 'not faked', 500);
      return answer(request);
    }) as ApiClient['call'],
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('account status from calls', () => {
  beforeEach(() => {
    useAccountsStore.setState({ accounts: [account('A'), account('B')], browse: {}, sourceAccount: { 'cloud:1': 'A' } });
  });

  it('maps 503 to offline and 401 to signed out', () => {
    expect(statusOfFailure(503)).toBe('offline');
    expect(statusOfFailure(401)).toBe('signed-out');
    expect(statusOfFailure(500)).toBeNull();
  });

  it('blames a failure on the account named by accountId or by the cloud source, then asks the main side', async () => {
    const list = { accounts: [account('A', 'offline'), account('B')], keyStorage: { kind: 'file' as const, location: '/x' } };
    let listAnswer: () => unknown = () => list;
    const base = fakeClient({
      'cloud.runs': () => {
        throw new ApiError('cloud.runs', 'SwanLab host http://h is unreachable', 503);
      },
      'series.get': () => {
        throw new ApiError('series.get', 'key refused', 401);
      },
      'accounts.list': () => listAnswer(),
      'cloud.workspaces': () => [],
    });
    const client = observeCalls(base, accountCallObserver(() => base));
    await client.call('cloud.runs', { accountId: 'A', workspace: 'w', project: 'p' }).catch(() => undefined);
    await tick();
    const s = useAccountsStore.getState();
    expect(s.accounts!.find((a) => a.id === 'A')!.status).toBe('offline');
    expect(base.calls.some(([c]) => c === 'accounts.list')).toBe(true);

    // marked at once, before the main side's own verdict arrives
    listAnswer = () => new Promise(() => {});
    useAccountsStore.setState({ accounts: [account('A'), account('B')] });
    await client.call('series.get', { source: 'cloud:1', key: 'k', runIds: ['r'], width: 100 }).catch(() => undefined);
    expect(useAccountsStore.getState().accounts!.find((a) => a.id === 'A')!.status).toBe('signed-out');
    expect(useAccountsStore.getState().accounts!.find((a) => a.id === 'B')!.status).toBe('online');

    // a browsing call that works marks the account online again
    useAccountsStore.setState({ accounts: [account('B', 'offline')] });
    await client.call('cloud.workspaces', { accountId: 'B' });
    await tick();
    expect(useAccountsStore.getState().accounts![0].status).toBe('online');
  });
});

describe('browsing state', () => {
  const rows: CloudRunRow[] = [
    { id: 'r1', name: 'a', status: 'finished', createdAt: null, finishedAt: null, config: {}, webUrl: null },
    { id: 'r2', name: 'b', status: 'running', createdAt: null, finishedAt: null, config: {}, webUrl: null },
  ];

  beforeEach(() => {
    useAccountsStore.setState({ accounts: [account('A')], browse: {}, sourceAccount: {} });
  });

  it('keeps filters and selection per project, drops runs that are gone, and forgets them for another project', async () => {
    let answer = rows;
    const client = fakeClient({ 'cloud.runs': () => answer, 'cloud.projects': () => ({ projects: [], total: 0, page: 1, pageSize: 20 }) });
    chooseWorkspace(client, 'A', 'alice');
    chooseProject(client, 'A', { workspace: 'alice', name: 'mnist', description: null, runCount: 2, createdAt: null, updatedAt: null, webUrl: 'http://h/@alice/mnist' });
    await tick();
    expect(browseOf(useAccountsStore.getState(), 'A').runs.data).toEqual(rows);
    useAccountsStore.getState().updateBrowse('A', { selected: ['r1', 'r2'], filter: { ...newBrowse().filter, name: 'a' } });

    answer = rows.slice(0, 1);
    await loadRuns(client, 'A');
    let b = browseOf(useAccountsStore.getState(), 'A');
    expect(b.selected).toEqual(['r1']);
    expect(b.filter.name).toBe('a');
    expect(b.projectView?.webUrl).toBe('http://h/@alice/mnist');

    chooseProject(client, 'A', { workspace: 'alice', name: 'other', description: null, runCount: 0, createdAt: null, updatedAt: null, webUrl: 'http://h/@alice/other' });
    b = browseOf(useAccountsStore.getState(), 'A');
    expect(b.selected).toEqual([]);
    expect(b.filter.name).toBe('');
    expect(b.runs.data).toBeNull(); // not the other project's rows while loading
  });
});
