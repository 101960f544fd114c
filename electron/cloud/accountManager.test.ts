// SwanLab accounts side by side, through the same dispatcher both transports use: two fake
// hosts at once (cloud-style and private), the local folder next to them.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccountsView, AccountView, ChangeEvent, CloudProjectPage, CloudRunRow, CloudWorkspaceView, ConsoleResponse, RunDetails, SeriesResponse, WorkspaceView } from '../../shared/contract';
import { createHandlers, dispatch } from '../api/dispatch';
import { LocalSource } from '../api/localSource';
import { SourceRegistry } from '../api/sourceRegistry';
import { UiStateStore } from '../api/uiStateStore';
import { LocalWorkspace } from '../swanlog/workspace';
import { FIXTURES_DIR } from '../testkit/fixtures';
import { startFakeHosts, type FakeHosts } from '../testkit/fakeSwanlab/fakeHosts';
import { KEYS } from '../testkit/fakeSwanlab/sampleModel';
import { AccountManager, type AccountManagerOptions } from './accountManager';
import { FileKeyStore } from './keyStore';

const BASELINE = 'r0baseline00000000001';
const CRASHED = 'r1crashed000000000001';
const RUNNING = 'r2running000000000001';

let hosts: FakeHosts;
let tmp: string;
let dataDir: string;
let ws: LocalWorkspace;
let local: LocalSource;
let sources: SourceRegistry;
let manager: AccountManager;
let call: <T>(channel: string, req: unknown) => Promise<T>;
const events: ChangeEvent[] = [];

function managerOptions(extra: Partial<AccountManagerOptions> = {}): AccountManagerOptions {
  return {
    dataDir,
    keys: new FileKeyStore(dataDir),
    credentials: { env: {}, home: path.join(tmp, 'nohome'), cwd: path.join(tmp, 'nocwd') },
    api: { transport: { timeoutMs: 2000, sleep: async () => {} } },
    pollMs: 30,
    ...extra,
  };
}

function wire(m: AccountManager) {
  const handlers = createHandlers({
    sources, store: new UiStateStore(path.join(tmp, 'ui-state.json')), open: null, accounts: m,
    mediaUrl: (source, runId, key, file) => `/rpc-media?${new URLSearchParams({ source, run: runId, key, file })}`,
  });
  return <T>(channel: string, req: unknown) => dispatch(handlers, channel, req) as Promise<T>;
}

/** The next change event of `source` (any, when null). */
function nextEvent(source: string | null, match: (e: ChangeEvent) => boolean = () => true): Promise<ChangeEvent> {
  return new Promise((resolve) => {
    const off = sources.onChange((e) => {
      if ((source === null || e.source === source) && match(e)) {
        off();
        resolve(e);
      }
    });
  });
}

async function failure(p: Promise<unknown>): Promise<Error & { status?: number }> {
  return p.then(() => {
    throw new Error('expected a failure');
  }, (e: Error & { status?: number }) => e);
}

beforeAll(async () => {
  hosts = await startFakeHosts({ points: 2000 });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-accounts-'));
  dataDir = path.join(tmp, 'data');
  ws = await LocalWorkspace.open(path.join(FIXTURES_DIR, 'swanlog-0.9.7'));
  local = new LocalSource(ws, false);
  sources = new SourceRegistry({ get: () => local, onChange: (l) => local.onChange(l) });
  sources.onChange((e) => events.push(e));
  manager = new AccountManager(managerOptions());
  call = wire(manager);
});
afterAll(async () => {
  manager.close();
  sources.close();
  ws.close();
  await hosts.close();
  await fs.rm(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  hosts.cloud.faults.clear();
  hosts.private.faults.clear();
});

const cloudId = () => `${hosts.cloud.origin}#alice`;
const privateId = () => `${hosts.private.origin}#alice`;

describe('accounts on two hosts', () => {
  it('adds a cloud-style and a private account, detecting the private one, never answering the key', async () => {
    const cloud = await call<AccountView>('accounts.add', { host: hosts.cloud.origin, apiKey: KEYS.alice });
    expect(cloud).toEqual({
      id: cloudId(), kind: 'cloud', webHost: hosts.cloud.origin, apiHost: hosts.cloud.origin, username: 'alice', name: 'Alice',
      status: 'online', lastError: null, selfHosted: null,
    });
    const priv = await call<AccountView>('accounts.add', { host: `${hosts.private.origin}/some/path?x=1`, apiKey: ` ${KEYS.alice} ` });
    expect(priv).toMatchObject({ id: privateId(), kind: 'private', apiHost: hosts.private.origin, selfHosted: { root: false, expired: false, plan: 'commercial' }, status: 'online' });
    const list = await call<AccountsView>('accounts.list', {});
    expect(list.accounts.map((a) => a.id)).toEqual([cloudId(), privateId()]);
    expect(list.keyStorage).toEqual({ kind: 'file', location: path.join(dataDir, 'swanlab-keys.json') });
    const file = await fs.readFile(path.join(dataDir, 'accounts.json'), 'utf8');
    expect(file).toContain(privateId());
    expect(file).not.toContain(KEYS.alice);
    expect(JSON.stringify([cloud, priv, list])).not.toContain(KEYS.alice);
    expect(JSON.parse(await fs.readFile(path.join(dataDir, 'swanlab-keys.json'), 'utf8'))).toEqual({ [cloudId()]: KEYS.alice, [privateId()]: KEYS.alice });
  });

  it('refuses a wrong key (401) and a bad host (400) without echoing the key', async () => {
    hosts.cloud.faults.echoCredentials = true;
    const bad = 'Wr0ngKey0123456789abc';
    const e = await failure(call('accounts.add', { host: hosts.cloud.origin, apiKey: bad }));
    expect(e.status).toBe(401);
    expect(e.message).toContain('the API key was rejected');
    expect(e.message).toContain(hosts.cloud.origin);
    expect(e.message).not.toContain(bad);
    expect((await failure(call('accounts.add', { host: 'ftp://x', apiKey: bad }))).status).toBe(400);
    expect((await call<AccountsView>('accounts.list', {})).accounts).toHaveLength(2);
  });

  it('lists workspaces personal first, then teams', async () => {
    expect(await call<CloudWorkspaceView[]>('cloud.workspaces', { accountId: privateId() })).toEqual([
      { name: 'alice', displayName: 'Alice', kind: 'personal', role: 'OWNER' },
      { name: 'vision-lab', displayName: 'Vision Lab', kind: 'team', role: 'MEMBER' },
    ]);
    expect((await failure(call('cloud.workspaces', { accountId: 'http://nowhere#x' }))).status).toBe(404);
  });

  it('pages, searches and sorts projects; each host shows its own', async () => {
    const first = await call<CloudProjectPage>('cloud.projects', { accountId: cloudId(), workspace: 'alice' });
    expect([first.total, first.page, first.pageSize, first.projects.length]).toEqual([25, 1, 20, 20]);
    expect(first.projects[0]).toEqual({
      workspace: 'alice', name: 'mnist', description: 'digits', runCount: 4, createdAt: '2026-11-20T07:00:00.000Z', updatedAt: '2026-11-21T00:00:00.000Z',
      webUrl: `${hosts.cloud.origin}/@alice/mnist`,
    });
    const second = await call<CloudProjectPage>('cloud.projects', { accountId: cloudId(), workspace: 'alice', page: 2 });
    expect(second.projects.map((p) => p.name)).toHaveLength(5);
    const byName = await call<CloudProjectPage>('cloud.projects', { accountId: cloudId(), workspace: 'alice', sort: 'name' });
    expect(byName.projects.slice(0, 3).map((p) => p.name)).toEqual(['mnist', 'origin', 'proj-00']);
    const created = await call<CloudProjectPage>('cloud.projects', { accountId: cloudId(), workspace: 'alice', sort: 'created' });
    expect(created.projects[0].name).toBe('mnist');
    const found = await call<CloudProjectPage>('cloud.projects', { accountId: privateId(), workspace: 'alice', search: 'LAB' });
    expect(found.projects.map((p) => p.name)).toEqual(['lab-only']);
    expect((await call<CloudProjectPage>('cloud.projects', { accountId: cloudId(), workspace: 'alice', search: 'lab' })).total).toBe(0);
    expect((await call<CloudProjectPage>('cloud.projects', { accountId: cloudId(), workspace: 'bob' })).total).toBe(0);
  });

  it('lists a project\'s runs with state, times, flattened config and web page', async () => {
    const rows = await call<CloudRunRow[]>('cloud.runs', { accountId: cloudId(), workspace: 'alice', project: 'mnist' });
    expect(rows.map((r) => [r.name, r.status])).toEqual([['cloned', 'finished'], ['still-going', 'running'], ['lr0.3-crash', 'crashed'], ['baseline', 'finished']]);
    const crash = rows.find((r) => r.id === CRASHED)!;
    expect(crash).toEqual({
      id: CRASHED, name: 'lr0.3-crash', status: 'crashed',
      createdAt: hosts.cloud.model.projects[0].runs[1].createdAt, finishedAt: hosts.cloud.model.projects[0].runs[1].finishedAt,
      config: { lr: 0.3, optimizer: 'sgd', 'model.depth': 6, 'model.act': 'gelu' },
      webUrl: `${hosts.cloud.origin}/@alice/mnist/runs/lr03/chart`,
    });
    expect(rows.find((r) => r.id === BASELINE)!.webUrl).toBe(`${hosts.cloud.origin}/@alice/mnist/runs/${BASELINE}/chart`);
    expect(rows.find((r) => r.id === RUNNING)!.finishedAt).toBeNull();
    expect((await failure(call('cloud.runs', { accountId: cloudId(), workspace: 'alice', project: 'nope' }))).status).toBe(404);
  });
});

describe('opened projects as sources', () => {
  let cloudView: WorkspaceView;
  let privView: WorkspaceView;

  it('opens the chosen runs and reads series, details and console like a local folder', async () => {
    cloudView = await call<WorkspaceView>('cloud.open', { accountId: cloudId(), workspace: 'alice', project: 'mnist', runIds: [BASELINE, CRASHED] });
    expect(cloudView.kind).toBe('cloud');
    expect(cloudView.target).toBe(`${hosts.cloud.origin}/@alice/mnist`);
    expect(cloudView.runs.map((r) => r.info.id)).toEqual([BASELINE, CRASHED]);
    expect(cloudView.runs[1].webUrl).toBe(`${hosts.cloud.origin}/@alice/mnist/runs/lr03/chart`);
    const source = cloudView.sourceId!;
    const grown = nextEvent(source, (e) => e.runs.some((r) => r.grownKeys.includes('train/loss')));
    expect((await call<SeriesResponse>('series.get', { source, key: 'train/loss', runIds: [BASELINE], width: 100 })).series).toEqual([]);
    await grown;
    const s = (await call<SeriesResponse>('series.get', { source, key: 'train/loss', runIds: [BASELINE], width: 100 })).series[0];
    expect(s.total).toBe(2000);
    expect(s.steps.length).toBeLessThanOrEqual(200);
    const detailed = nextEvent(source, (e) => e.runs.some((r) => r.runId === CRASHED && r.statusChanged));
    await call<RunDetails>('run.details', { source, runId: CRASHED });
    await detailed;
    const d = await call<RunDetails>('run.details', { source, runId: CRASHED });
    expect(d.config).toEqual({ lr: 0.3, optimizer: 'sgd', model: { depth: 6, act: 'gelu' } });
    expect(d.info.status).toBe('crashed');
    const c = await call<ConsoleResponse>('run.console', { source, runId: CRASHED });
    expect(c.error?.at(-1)).toBe('RuntimeError: loss is inf');
    expect((await failure(call('run.details', { source, runId: RUNNING }))).status).toBe(404);
  });

  it('keeps the same project of the other account open beside it, and switches between them', async () => {
    privView = await call<WorkspaceView>('cloud.open', { accountId: privateId(), workspace: 'alice', project: 'mnist', runIds: [BASELINE] });
    expect(privView.sourceId).not.toBe(cloudView.sourceId);
    expect(privView.target).toBe(`${hosts.private.origin}/@alice/mnist`);
    for (const v of [cloudView, privView, cloudView]) {
      expect((await call<WorkspaceView>('workspace.get', { source: v.sourceId })).target).toBe(v.target);
    }
    expect((await call<WorkspaceView>('workspace.get', {})).kind).toBe('folder');
    expect(manager.sourcesOf(cloudId())).toEqual([cloudView.sourceId]);
  });

  it('opening the project again with other runs answers the same source, keeping downloaded data', async () => {
    const exports = hosts.cloud.count('POST', '/house/metrics/scalar/export');
    const again = await call<WorkspaceView>('cloud.open', { accountId: cloudId(), workspace: 'alice', project: 'mnist', runIds: [BASELINE, RUNNING] });
    expect(again.sourceId).toBe(cloudView.sourceId);
    expect(again.runs.map((r) => r.info.id)).toEqual([BASELINE, RUNNING]);
    expect((await call<SeriesResponse>('series.get', { source: again.sourceId, key: 'train/loss', runIds: [BASELINE], width: 100 })).series[0].total).toBe(2000);
    expect(hosts.cloud.count('POST', '/house/metrics/scalar/export')).toBe(exports);
    expect((await failure(call('cloud.open', { accountId: cloudId(), workspace: 'alice', project: 'mnist', runIds: ['nosuchrun'] }))).status).toBe(404);
  });

  it('polls while a shown run is running, and stops when none is', async () => {
    const run = hosts.cloud.model.projects[0].runs.find((r) => r.cuid === RUNNING)!;
    const finished = nextEvent(cloudView.sourceId, (e) => e.runs.some((r) => r.runId === RUNNING && r.statusChanged));
    run.state = 'FINISHED';
    run.finishedAt = '2026-11-20T10:10:00.000Z';
    await finished;
    const view = await call<WorkspaceView>('workspace.get', { source: cloudView.sourceId });
    expect(view.runs.find((r) => r.info.id === RUNNING)!.info.status).toBe('finished');
    const listings = hosts.cloud.count('GET', '/project/alice/mnist/runs');
    await new Promise((r) => setTimeout(r, 200));
    expect(hosts.cloud.count('GET', '/project/alice/mnist/runs')).toBe(listings);
  });
});

describe('status', () => {
  it('an unreachable host answers 503 naming it and shows offline; the local folder and the other account keep working', async () => {
    await hosts.stop('private');
    const e = await failure(call('cloud.workspaces', { accountId: privateId() }));
    expect(e.status).toBe(503);
    expect(e.message).toContain(hosts.private.origin);
    expect(e.message).toMatch(/unreachable/);
    const acc = (await call<AccountsView>('accounts.list', {})).accounts.find((a) => a.id === privateId())!;
    expect(acc.status).toBe('offline');
    expect(acc.lastError).toContain(hosts.private.origin);
    expect((await call<WorkspaceView>('workspace.get', {})).runs).toHaveLength(3);
    expect(await call<CloudWorkspaceView[]>('cloud.workspaces', { accountId: cloudId() })).toHaveLength(2);
    expect((await call<AccountsView>('accounts.list', {})).accounts.find((a) => a.id === cloudId())!.status).toBe('online');
    await hosts.restart('private');
    expect(await call<CloudWorkspaceView[]>('cloud.workspaces', { accountId: privateId() })).toHaveLength(2);
    expect((await call<AccountsView>('accounts.list', {})).accounts.find((a) => a.id === privateId())).toMatchObject({ status: 'online', lastError: null });
  });

  it('a key refused at the re-login after a 401 answers 401 and shows signed-out; adding it again signs back in', async () => {
    const alice = hosts.cloud.model.users.find((u) => u.username === 'alice')!;
    const newKey = 'N3wAliceKey0123456789';
    alice.apiKey = newKey;
    hosts.cloud.sessions.expireAll();
    hosts.cloud.faults.echoCredentials = true;
    const e = await failure(call('cloud.projects', { accountId: cloudId(), workspace: 'alice' }));
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/refused/);
    expect(e.message).not.toContain(KEYS.alice);
    const acc = (await call<AccountsView>('accounts.list', {})).accounts.find((a) => a.id === cloudId())!;
    expect(acc.status).toBe('signed-out');
    expect(acc.lastError).toContain(hosts.cloud.origin);
    expect(JSON.stringify(acc)).not.toContain(KEYS.alice);
    expect((await call<AccountView>('accounts.add', { host: hosts.cloud.origin, apiKey: newKey })).status).toBe('online');
    expect((await call<AccountsView>('accounts.list', {})).accounts.map((a) => a.id)).toEqual([cloudId(), privateId()]);
    expect(await call<CloudWorkspaceView[]>('cloud.workspaces', { accountId: cloudId() })).toHaveLength(2);
    alice.apiKey = KEYS.alice;
    await call('accounts.add', { host: hosts.cloud.origin, apiKey: KEYS.alice });
  });

  it('a new service instance remembers the accounts (status unknown) and reconnects from the key store', async () => {
    const fresh = new AccountManager(managerOptions());
    try {
      const list = await fresh.list();
      expect(list.accounts.map((a) => [a.id, a.status])).toEqual([[cloudId(), 'unknown'], [privateId(), 'unknown']]);
      const logins = hosts.private.sessions.logins;
      expect((await fresh.workspaces(privateId()))[0].name).toBe('alice');
      expect(hosts.private.sessions.logins).toBe(logins + 1);
      await fresh.workspaces(privateId());
      expect(hosts.private.sessions.logins).toBe(logins + 1);
      expect((await fresh.list()).accounts.map((a) => a.status)).toEqual(['unknown', 'online']);
    } finally {
      fresh.close();
    }
    const keyless = new AccountManager(managerOptions({ keys: new FileKeyStore(path.join(tmp, 'empty-keys')) }));
    const e = await failure(keyless.workspaces(cloudId()));
    expect(e.status).toBe(401);
    expect((await keyless.list()).accounts[0].status).toBe('signed-out');
  });
});

describe('import and remove', () => {
  it('imports from the netrc files and the environment, reporting each origin, never writing .netrc', async () => {
    const home = path.join(tmp, 'home');
    const cwd = path.join(tmp, 'project');
    const netrc = path.join(home, '.swanlab', '.netrc');
    const localNetrc = path.join(cwd, '.swanlab', '.netrc');
    await fs.mkdir(path.dirname(netrc), { recursive: true });
    await fs.mkdir(path.dirname(localNetrc), { recursive: true });
    await fs.writeFile(netrc, `machine ${hosts.private.origin}\n\tlogin ${hosts.private.origin}\n\tpassword ${KEYS.bob}\n`, { mode: 0o600 });
    await fs.writeFile(localNetrc, `machine ${hosts.cloud.origin}\n\tlogin ${hosts.cloud.origin}\n\tpassword Wr0ngKey0123456789abc\n`, { mode: 0o600 });
    const before = await Promise.all([netrc, localNetrc].map((f) => fs.stat(f)));
    const env = { SWANLAB_API_KEY: `"${KEYS.alice}"`, SWANLAB_API_HOST: hosts.private.origin };
    const m = new AccountManager(managerOptions({ credentials: { env, home, cwd } }));
    try {
      const result = await m.importFound();
      expect(result.found.map((f) => [f.origin, f.host, f.added?.id ?? null])).toEqual([
        ['SWANLAB_API_KEY', hosts.private.origin, privateId()],
        [localNetrc, hosts.cloud.origin, null],
        [netrc, hosts.private.origin, `${hosts.private.origin}#bob`],
      ]);
      expect(result.found[1].error).toContain('the API key was rejected');
      expect(result.accounts.accounts.map((a) => a.id)).toEqual([cloudId(), privateId(), `${hosts.private.origin}#bob`]);
      expect(JSON.stringify(result)).not.toMatch(new RegExp(`${KEYS.alice}|${KEYS.bob}|Wr0ngKey`));
      const logins = hosts.private.sessions.logins;
      const again = await m.importFound();
      expect(again.found.map((f) => f.added?.id ?? null)).toEqual([privateId(), null, `${hosts.private.origin}#bob`]);
      expect(hosts.private.sessions.logins).toBe(logins);
      const after = await Promise.all([netrc, localNetrc].map((f) => fs.stat(f)));
      expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
      expect(await fs.readFile(netrc, 'utf8')).toContain(KEYS.bob);
      await m.remove(`${hosts.private.origin}#bob`);
    } finally {
      m.close();
    }
    expect((await fs.readdir(path.join(home, '.swanlab')))).toEqual(['.netrc']);
  });

  it('remove forgets metadata and key, closes the account\'s open sources and its media cache', async () => {
    // the manager above changed accounts.json behind this one's back: a fresh instance reads it
    const m = new AccountManager(managerOptions());
    const callM = wire(m);
    const opened = await callM<WorkspaceView>('cloud.open', { accountId: privateId(), workspace: 'alice', project: 'mnist', runIds: [BASELINE] });
    const media = await callM<{ points: { urls: (string | null)[] }[] }>('media.get', { source: opened.sourceId, runId: BASELINE, key: 'samples/pred' });
    expect(media.points).toEqual([]);
    await nextEvent(opened.sourceId, (e) => e.runs.some((r) => r.grownKeys.includes('samples/pred')));
    const file = await sources.get(opened.sourceId!).mediaFile(BASELINE, 'samples/pred', 'media/samples/pred/0-1.png');
    expect(file).toMatch(new RegExp(`^${path.join(dataDir, 'cloud-media')}`));
    const left = await callM<AccountsView>('accounts.remove', { accountId: privateId() });
    expect(left.accounts.map((a) => a.id)).toEqual([cloudId()]);
    expect((await failure(callM('workspace.get', { source: opened.sourceId }))).status).toBe(404);
    expect(sources.find(opened.sourceId!)).toBeNull();
    await expect(fs.stat(file!)).rejects.toThrow();
    expect(await new FileKeyStore(dataDir).load(privateId())).toBeNull();
    expect(await fs.readFile(path.join(dataDir, 'accounts.json'), 'utf8')).not.toContain(privateId());
    expect((await failure(callM('cloud.workspaces', { accountId: privateId() }))).status).toBe(404);
    expect((await callM<AccountsView>('accounts.remove', { accountId: privateId() })).accounts).toHaveLength(1);
    m.close();
  });
});

describe('no key in what goes out', () => {
  it('accounts.json and every change event carry no key', async () => {
    expect(await fs.readFile(path.join(dataDir, 'accounts.json'), 'utf8')).not.toContain(KEYS.alice);
    expect(events.length).toBeGreaterThan(3);
    expect(JSON.stringify(events)).not.toContain(KEYS.alice);
  });
});
