// The typed contract over HTTP, as the renderer uses it in serve mode.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsView, ChangeEvent, ConsoleResponse, MediaResponse, RunDetails, SeriesResponse, UiState, WorkspaceView } from '../../shared/contract';
import { decodeWire, encodeWire } from '../../shared/wire';
import { LocalWorkspace } from '../swanlog/workspace';
import { SwanlogRunWriter } from '../swanlog/writer/runWriter';
import { FIXTURES_DIR } from '../testkit/fixtures';
import { startServer, type RunningServer } from './httpServer';

let server: RunningServer;
let ws: LocalWorkspace;
let tmp: string;

async function call<T>(channel: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; data: T }> {
  const r = await fetch(`${server.url}/rpc/${channel}`, { method: 'POST', body: encodeWire(body), headers: { 'content-type': 'application/json', ...headers } });
  const text = await r.text();
  return { status: r.status, data: r.ok ? decodeWire<T>(text) : (JSON.parse(text) as T) };
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-rpc-'));
  ws = await LocalWorkspace.open(path.join(FIXTURES_DIR, 'swanlog-0.9.7'));
  server = await startServer(ws, { host: '127.0.0.1', port: 0, stateFile: path.join(tmp, 'state.json'), staticDir: path.join(tmp, 'no-ui'), dataDir: path.join(tmp, 'data') });
});
afterAll(async () => {
  await server.close();
  ws.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('contract over HTTP', () => {
  it('workspace.get lists the runs with their keys and statuses', async () => {
    const { data } = await call<WorkspaceView>('workspace.get', {});
    expect(data.runs.map((r) => [r.info.name, r.info.status])).toEqual([
      ['baseline-lr0.1', 'finished'], ['lr0.3-crash', 'crashed'], ['lr0.05-killed', 'killed']]);
    expect(data.runs[0].keys.map((k) => k.key)).toContain('samples/pred');
    expect(data.canOpenFolders).toBe(false);
  });

  it('series.get answers typed arrays with at most 2 points per pixel, spikes kept', async () => {
    const { data: view } = await call<WorkspaceView>('workspace.get', {});
    const ids = view.runs.map((r) => r.info.id);
    const { data } = await call<SeriesResponse>('series.get', { source: view.sourceId, key: 'train/loss', runIds: ids, width: 100 });
    expect(data.series).toHaveLength(3);
    const base = data.series[0];
    expect(base.steps).toBeInstanceOf(Float64Array);
    expect(base.total).toBe(2500);
    expect(base.steps.length).toBeLessThanOrEqual(200);
    expect(base.steps[0]).toBe(0);
    expect(base.steps[base.steps.length - 1]).toBe(2499);
    const full = (await ws.run(ids[0])!.series('train/loss'))!;
    expect(Math.max(...base.values)).toBe(Math.max(...full.values));
    expect(Math.min(...base.values)).toBe(Math.min(...full.values));
    const zoom = (await call<SeriesResponse>('series.get', { source: view.sourceId, key: 'train/loss', runIds: [ids[0]], width: 100, range: [1000, 1100] })).data.series[0];
    expect(zoom.steps.length).toBe(103); // 101 steps in range + one beyond each edge
    expect(zoom.steps[0]).toBe(999);
  });

  it('run.details, run.console and media.get serve what the run recorded', async () => {
    const { data: view } = await call<WorkspaceView>('workspace.get', {});
    const [base, crash] = view.runs.map((r) => r.info.id);
    const d = (await call<RunDetails>('run.details', { source: view.sourceId, runId: base })).data;
    expect(d.summaries.find((s) => s.key === 'train/loss')!.last).toBe(0.1120570155194666);
    expect(d.config?.model).toEqual({ depth: 18, dropout: 0.1, name: 'resnet18', pretrained: false });
    const c = (await call<ConsoleResponse>('run.console', { source: view.sourceId, runId: crash })).data;
    expect(c.error?.some((l) => l.includes('RuntimeError'))).toBe(true);
    const m = (await call<MediaResponse>('media.get', { source: view.sourceId, runId: base, key: 'samples/pred' })).data;
    expect(m.points).toHaveLength(4);
    const img = await fetch(server.url + m.points[0].urls[0]);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect((await img.arrayBuffer()).byteLength).toBe(3172);
    const src = encodeURIComponent(view.sourceId!);
    expect((await fetch(`${server.url}/rpc-media?source=${src}&run=nope&key=samples%2Fpred&file=x.png`)).status).toBe(404);
    expect((await fetch(`${server.url}/rpc-media?source=${src}&run=${encodeURIComponent(base)}&key=samples%2Fpred&file=..%2F..%2Fruns.swanlab`)).status).toBe(404);
    // the recorded file, asked for under a source that is not open
    expect((await fetch(server.url + m.points[0].urls[0]!.replace(src, 'folder%3Aother'))).status).toBe(404);
  });

  it('state.set persists per folder and state.get reads it back', async () => {
    const state: UiState = { pinned: ['val/acc'], hidden: ['train/lr'], folded: ['grad'], hiddenRuns: [] };
    expect((await call<UiState>('state.set', { folderKey: 'abc', state })).status).toBe(200);
    expect((await call<UiState>('state.get', { folderKey: 'abc' })).data).toEqual(state);
    expect(JSON.parse(await fs.readFile(path.join(tmp, 'state.json'), 'utf8')).folders.abc).toEqual(state);
  });

  it('rejects invalid requests, unknown channels, folder opening and other origins', async () => {
    expect((await call<{ error: string }>('series.get', { source: 'folder:x', key: 'x', runIds: [], width: 10 })).data.error).toMatch(/runIds/);
    expect((await call<{ error: string }>('series.get', { key: 'x', runIds: ['r'], width: 10 })).data.error).toMatch(/source/);
    expect((await call<{ error: string }>('series.get', { source: 'cloud:nope', key: 'x', runIds: ['r'], width: 10 })).status).toBe(404);
    expect((await call('fs.read', {})).status).toBe(404);
    expect((await call('workspace.open', { path: '/etc' })).status).toBe(403);
    expect((await call('workspace.get', {}, { origin: 'http://evil.example' })).status).toBe(403);
    const { data: view } = await call<WorkspaceView>('workspace.get', {});
    expect((await call<{ error: string }>('run.details', { source: view.sourceId, runId: 'nope' })).status).toBe(404);
  });
});

describe('SwanLab accounts over HTTP', () => {
  it('are offered on loopback, keys in a 0600 file in the user-data dir', async () => {
    const { status, data } = await call<AccountsView>('accounts.list', {});
    expect(status).toBe(200);
    expect(data).toEqual({ accounts: [], keyStorage: { kind: 'file', location: path.join(tmp, 'data', 'swanlab-keys.json') } });
  });

  it('are refused (501, saying why) when serve listens on a network address', async () => {
    const open = await startServer(ws, { host: '0.0.0.0', port: 0, stateFile: path.join(tmp, 's3.json'), dataDir: path.join(tmp, 'data3'), staticDir: path.join(tmp, 'no-ui') });
    try {
      const port = new URL(open.url).port;
      const r = await fetch(`http://127.0.0.1:${port}/rpc/accounts.list`, { method: 'POST', body: '{}' });
      expect(r.status).toBe(501);
      expect(((await r.json()) as { error: string }).error).toMatch(/only when swanview serve listens on loopback/);
      const add = await fetch(`http://127.0.0.1:${port}/rpc/accounts.add`, { method: 'POST', body: JSON.stringify({ host: '', apiKey: 'x' }) });
      expect(add.status).toBe(501);
      expect((await fetch(`http://127.0.0.1:${port}/rpc/workspace.get`, { method: 'POST', body: '{}' })).status).toBe(200);
    } finally {
      await open.close();
    }
    await expect(fs.stat(path.join(tmp, 'data3'))).rejects.toThrow();
  });
});

describe('change feed over server-sent events', () => {
  it('pushes an event when a run grows', async () => {
    const root = path.join(tmp, 'live');
    const w = await SwanlogRunWriter.create(root, { name: 'live', generations: ['C'] });
    w.log({ loss: 1 });
    w.flush();
    const live = await LocalWorkspace.open(root);
    const s = await startServer(live, { host: '127.0.0.1', port: 0, stateFile: path.join(tmp, 's2.json'), dataDir: path.join(tmp, 'data2') });
    const ctrl = new AbortController();
    try {
      const res = await fetch(`${s.url}/rpc-events`, { signal: ctrl.signal });
      const reader = res.body!.getReader();
      w.log({ loss: 0.5, acc: 0.1 });
      w.flush();
      await live.refresh();
      let text = '';
      while (!text.includes('data: ')) text += new TextDecoder().decode((await reader.read()).value);
      const event = decodeWire<ChangeEvent>(text.split('data: ')[1].split('\n')[0]);
      expect(event.runs[0].newKeys).toEqual(['acc']);
    } finally {
      ctrl.abort();
      await s.close();
      live.close();
    }
  });
});
