// The API key never reaches the renderer: every channel of the contract over the HTTP
// transport of `swanview serve`, with two fake SwanLab hosts that echo credentials into their
// error bodies; every response body, error and server-sent event is kept and searched.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type AccountImport, type AccountsView, type AccountView, type CloudRunRow, type MediaResponse, type WorkspaceView } from '../../shared/contract';
import { decodeWire, encodeWire } from '../../shared/wire';
import { LocalWorkspace } from '../swanlog/workspace';
import { FIXTURES_DIR } from '../testkit/fixtures';
import { startFakeHosts, type FakeHosts } from '../testkit/fakeSwanlab/fakeHosts';
import { KEYS } from '../testkit/fakeSwanlab/sampleModel';
import { startServer, type RunningServer } from './httpServer';

const BASELINE = 'r0baseline00000000001';
const SECRETS = Object.values(KEYS);

let hosts: FakeHosts;
let server: RunningServer;
let ws: LocalWorkspace;
let tmp: string;
/** Everything the renderer side received: bodies, errors, events, media bytes. */
const seen: string[] = [];
const called = new Set<string>();
const sse = new AbortController();
let sseDone: Promise<void>;

async function call<T>(channel: string, body: unknown): Promise<{ status: number; data: T; text: string }> {
  called.add(channel);
  const r = await fetch(`${server.url}/rpc/${channel}`, { method: 'POST', body: encodeWire(body), headers: { 'content-type': 'application/json' } });
  const text = await r.text();
  seen.push(`${r.status} ${[...r.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${text}`);
  return { status: r.status, data: r.ok ? decodeWire<T>(text) : (JSON.parse(text) as T), text };
}

async function ok<T>(channel: string, body: unknown): Promise<T> {
  const r = await call<T>(channel, body);
  expect(r.status, `${channel}: ${r.text}`).toBe(200);
  return r.data;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in 5 s');
}

beforeAll(async () => {
  hosts = await startFakeHosts({ points: 1000 });
  hosts.cloud.faults.echoCredentials = true;
  hosts.private.faults.echoCredentials = true;
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-serve-accounts-'));
  const home = path.join(tmp, 'home');
  await fs.mkdir(path.join(home, '.swanlab'), { recursive: true });
  await fs.writeFile(path.join(home, '.swanlab', '.netrc'), `machine ${hosts.private.origin}\n\tlogin ${hosts.private.origin}\n\tpassword ${KEYS.bob}\n`);
  ws = await LocalWorkspace.open(path.join(FIXTURES_DIR, 'swanlog-0.9.7'));
  server = await startServer(ws, {
    host: '127.0.0.1', port: 0, dataDir: path.join(tmp, 'data'), staticDir: path.join(tmp, 'no-ui'),
    accounts: {
      credentials: { env: { SWANLAB_API_KEY: KEYS.carol, SWANLAB_API_HOST: hosts.cloud.origin }, home, cwd: path.join(tmp, 'cwd') },
      api: { transport: { timeoutMs: 2000, sleep: async () => {} } },
      pollMs: 40,
    },
  });
  const res = await fetch(`${server.url}/rpc-events`, { signal: sse.signal });
  const reader = res.body!.getReader();
  sseDone = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        seen.push(new TextDecoder().decode(value));
      }
    } catch {
      // aborted at the end
    }
  })();
});
afterAll(async () => {
  sse.abort();
  await sseDone;
  await server.close();
  ws.close();
  await hosts.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the key never reaches the renderer (HTTP transport)', () => {
  it('runs every channel, including failures, and no answer, error or event holds a key', async () => {
    const folder = await ok<WorkspaceView>('workspace.get', {});
    await ok('workspace.recent', {});
    expect((await call('workspace.open', { path: '/tmp' })).status).toBe(403);
    await ok('state.set', { folderKey: 'k', state: { pinned: [], hidden: [], folded: [], hiddenRuns: [] } });
    await ok('state.get', { folderKey: 'k' });

    // accounts: a wrong key (the fake echoes it back), both hosts, import (one refused), list
    const wrong = await call<{ error: string }>('accounts.add', { host: hosts.cloud.origin, apiKey: 'Wr0ngKey0123456789abc' });
    expect(wrong.status).toBe(401);
    const cloud = await ok<AccountView>('accounts.add', { host: hosts.cloud.origin, apiKey: KEYS.alice });
    const priv = await ok<AccountView>('accounts.add', { host: hosts.private.origin, apiKey: KEYS.alice });
    const imported = await ok<AccountImport>('accounts.import', {});
    expect(imported.found.map((f) => [f.host, f.added?.username ?? null])).toEqual([[hosts.cloud.origin, null], [hosts.private.origin, 'bob']]);
    expect(imported.found[0].error).toMatch(/not verified/);
    expect((await ok<AccountsView>('accounts.list', {})).accounts.map((a) => a.id)).toEqual([cloud.id, priv.id, `${hosts.private.origin}#bob`]);

    // browse and open on both hosts, with charts, details, console and media
    for (const account of [cloud, priv]) {
      await ok('cloud.workspaces', { accountId: account.id });
      await ok('cloud.projects', { accountId: account.id, workspace: 'alice', search: 'mn' });
      const rows = await ok<CloudRunRow[]>('cloud.runs', { accountId: account.id, workspace: 'alice', project: 'mnist' });
      const view = await ok<WorkspaceView>('cloud.open', { accountId: account.id, workspace: 'alice', project: 'mnist', runIds: rows.map((r) => r.id) });
      const source = view.sourceId!;
      await ok('series.get', { source, key: 'train/loss', runIds: [BASELINE], width: 100 });
      await ok('run.details', { source, runId: BASELINE });
      await ok('run.console', { source, runId: BASELINE });
      await ok('media.get', { source, runId: BASELINE, key: 'samples/pred' });
      let media: MediaResponse | null = null;
      await until(async () => {
        media = await ok<MediaResponse>('media.get', { source, runId: BASELINE, key: 'samples/pred' });
        return media.points.length > 0;
      });
      const img = await fetch(server.url + media!.points[0].urls[0]);
      expect(img.status).toBe(200);
      seen.push(Buffer.from(await img.arrayBuffer()).toString('latin1'));
      await until(async () => (await ok<{ series: unknown[] }>('series.get', { source, key: 'train/loss', runIds: [BASELINE], width: 100 })).series.length > 0);
      await ok('workspace.get', { source });
    }
    await ok('series.get', { source: folder.sourceId, key: 'train/loss', runIds: [folder.runs[0].info.id], width: 100 });

    // failures: a server error, a refused key (signed out), an unreachable host
    hosts.cloud.faults.fail(/^GET \/project\/alice$/, ...Array.from({ length: 4 }, () => ({ status: 500 })));
    expect((await call('cloud.projects', { accountId: cloud.id, workspace: 'alice' })).status).toBe(502);
    hosts.cloud.model.users.find((u) => u.username === 'alice')!.apiKey = 'Rot4tedKey0123456789a';
    hosts.cloud.sessions.expireAll();
    expect((await call('cloud.workspaces', { accountId: cloud.id })).status).toBe(401);
    await hosts.stop('private');
    const down = await call<{ error: string }>('cloud.runs', { accountId: priv.id, workspace: 'alice', project: 'mnist' });
    expect(down.status).toBe(503);
    expect(down.data.error).toContain(hosts.private.origin);
    const statuses = (await ok<AccountsView>('accounts.list', {})).accounts.map((a) => a.status);
    expect(statuses).toEqual(['signed-out', 'offline', 'online']);
    expect((await ok<WorkspaceView>('workspace.get', {})).runs).toHaveLength(3);

    await ok('accounts.remove', { accountId: cloud.id });
    expect(called).toEqual(new Set(CHANNEL_NAMES));

    const everything = seen.join('\n');
    expect(everything).toContain('data: '); // change events did arrive
    expect(everything).toContain('injected failure'); // the echoing error bodies did reach the client
    for (const key of [...SECRETS, 'Wr0ngKey0123456789abc']) {
      const at = everything.indexOf(key);
      expect(at < 0 ? null : everything.slice(Math.max(0, at - 300), at + 30), `${key} reached the renderer`).toBeNull();
    }
  });

  it('keeps keys only in the 0600 key file: accounts.json and the rest of the user-data dir hold none', async () => {
    const dir = path.join(tmp, 'data');
    const files: string[] = [];
    const walk = async (d: string) => {
      for (const e of await fs.readdir(d, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(path.join(d, e.name));
        else files.push(path.join(d, e.name));
      }
    };
    await walk(dir);
    expect(files).toContain(path.join(dir, 'accounts.json'));
    for (const f of files) {
      const text = await fs.readFile(f, 'latin1');
      const holds = SECRETS.some((k) => text.includes(k));
      expect([path.basename(f), holds]).toEqual([path.basename(f), f === path.join(dir, 'swanlab-keys.json')]);
    }
    expect((await fs.stat(path.join(dir, 'swanlab-keys.json'))).mode & 0o777).toBe(0o600);
  });
});
