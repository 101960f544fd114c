// One walk over every channel of the contract with SwanLab accounts on two fake hosts, for
// both transports' "the key never reaches the renderer" tests: the caller records everything
// its transport hands to the renderer side and searches it for keys afterwards.
import { expect } from 'vitest';
import { CHANNEL_NAMES, type AccountImport, type AccountsView, type AccountView, type CloudRunRow, type MediaResponse, type SeriesResponse, type WorkspaceView } from '../../shared/contract';
import type { FakeHosts } from './fakeSwanlab/fakeHosts';
import { KEYS } from './fakeSwanlab/sampleModel';

export interface Answer {
  /** HTTP status; null where the transport carries none (IPC: an error is its message only). */
  status: number | null;
  data: unknown;
  error: string | null;
}

export interface ChannelWalk {
  call(channel: string, request: unknown): Promise<Answer>;
  /** Loads a media URL a `media.get` answered, as the renderer would (its bytes are recorded by the caller). */
  loadMedia(url: string): Promise<number>;
}

/** A wrong key that the fake hosts (with `echoCredentials`) send back in their error bodies. */
export const WRONG_KEY = 'Wr0ngKey0123456789abc';
export const ALL_KEYS = [...Object.values(KEYS), WRONG_KEY];

const BASELINE = 'r0baseline00000000001';

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in 10 s');
}

/**
 * Every channel, successes and failures: accounts added on both hosts (and with a wrong key),
 * imported (expects SWANLAB_API_KEY = carol's on the cloud host and bob's key in a netrc for
 * the private host), browsed, opened, read; then a 500, a refused key and a stopped host.
 * Leaves the private host stopped and alice's cloud key rotated.
 */
export async function walkEveryChannel(t: ChannelWalk, hosts: FakeHosts): Promise<void> {
  const called = new Set<string>();
  const call = async (channel: string, request: unknown) => {
    called.add(channel);
    return t.call(channel, request);
  };
  const ok = async <T>(channel: string, request: unknown): Promise<T> => {
    const a = await call(channel, request);
    expect(a.error, `${channel} failed`).toBeNull();
    return a.data as T;
  };
  const fails = async (channel: string, request: unknown, status: number): Promise<string> => {
    const a = await call(channel, request);
    expect(a.error, `${channel} should fail`).not.toBeNull();
    if (a.status !== null) expect(a.status).toBe(status);
    return a.error!;
  };

  const folder = await ok<WorkspaceView>('workspace.get', {});
  await ok('workspace.recent', {});
  await call('workspace.open', { path: '/nonexistent/swanview-walk' });
  await ok('state.set', { folderKey: 'walk', state: { pinned: [], hidden: [], folded: [], hiddenRuns: [] } });
  await ok('state.get', { folderKey: 'walk' });
  if (folder.sourceId) await ok('series.get', { source: folder.sourceId, key: 'train/loss', runIds: [folder.runs[0].info.id], width: 100 });

  expect(await fails('accounts.add', { host: hosts.cloud.origin, apiKey: WRONG_KEY }, 401)).toContain('the API key was rejected');
  const cloud = await ok<AccountView>('accounts.add', { host: hosts.cloud.origin, apiKey: KEYS.alice });
  const priv = await ok<AccountView>('accounts.add', { host: hosts.private.origin, apiKey: KEYS.alice });
  expect([cloud.kind, priv.kind]).toEqual(['cloud', 'private']);
  const imported = await ok<AccountImport>('accounts.import', {});
  expect(imported.found.map((f) => [f.host, f.added?.username ?? null])).toEqual([[hosts.cloud.origin, null], [hosts.private.origin, 'bob']]);
  expect(imported.found[0].error).toMatch(/not verified/);
  expect((await ok<AccountsView>('accounts.list', {})).accounts.map((a) => a.id)).toEqual([cloud.id, priv.id, `${hosts.private.origin}#bob`]);

  for (const account of [cloud, priv]) {
    await ok('cloud.workspaces', { accountId: account.id });
    await ok('cloud.projects', { accountId: account.id, workspace: 'alice', search: 'mn' });
    const rows = await ok<CloudRunRow[]>('cloud.runs', { accountId: account.id, workspace: 'alice', project: 'mnist' });
    const view = await ok<WorkspaceView>('cloud.open', { accountId: account.id, workspace: 'alice', project: 'mnist', runIds: rows.map((r) => r.id) });
    const source = view.sourceId!;
    await ok('run.details', { source, runId: BASELINE });
    await ok('run.console', { source, runId: BASELINE });
    let media: MediaResponse | null = null;
    await until(async () => {
      media = await ok<MediaResponse>('media.get', { source, runId: BASELINE, key: 'samples/pred' });
      return media.points.length > 0;
    });
    expect(await t.loadMedia(media!.points[0].urls[0]!)).toBe(200);
    await until(async () => (await ok<SeriesResponse>('series.get', { source, key: 'train/loss', runIds: [BASELINE], width: 100 })).series.length > 0);
    await ok('workspace.get', { source });
  }

  hosts.cloud.faults.fail(/^GET \/project\/alice$/, ...Array.from({ length: 4 }, () => ({ status: 500 })));
  await fails('cloud.projects', { accountId: cloud.id, workspace: 'alice' }, 502);
  hosts.cloud.model.users.find((u) => u.username === 'alice')!.apiKey = 'Rot4tedKey0123456789a';
  hosts.cloud.sessions.expireAll();
  await fails('cloud.workspaces', { accountId: cloud.id }, 401);
  await hosts.stop('private');
  expect(await fails('cloud.runs', { accountId: priv.id, workspace: 'alice', project: 'mnist' }, 503)).toContain(hosts.private.origin);
  expect((await ok<AccountsView>('accounts.list', {})).accounts.map((a) => a.status)).toEqual(['signed-out', 'offline', 'online']);
  expect((await ok<WorkspaceView>('workspace.get', {})).runs.length).toBe(folder.runs.length);

  await ok('accounts.remove', { accountId: cloud.id });
  expect(called).toEqual(new Set(CHANNEL_NAMES));
}

/** null when none of the keys is in `text`; else the text around the first one found. */
export function keyIn(text: string, keys: readonly string[] = ALL_KEYS): string | null {
  for (const k of keys) {
    const at = text.indexOf(k);
    if (at >= 0) return `${k}: …${text.slice(Math.max(0, at - 300), at + 30)}…`;
  }
  return null;
}
