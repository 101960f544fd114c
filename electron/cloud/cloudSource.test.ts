import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/contract';
import { NotFoundError } from '../api/source';
import { startFakeSwanlab, type FakeSwanlab } from '../testkit/fakeSwanlab/fakeServer';
import { KEYS, sampleModel } from '../testkit/fakeSwanlab/sampleModel';
import { connectAccount, reconnectAccount } from './accounts';
import { CloudSource } from './cloudSource';
import { clientFor } from './fakeClient.testkit';
import { FileKeyStore } from './keyStore';

let fake: FakeSwanlab;
let tmp: string;
let source: CloudSource;
const BASELINE = 'r0baseline00000000001';
const CRASHED = 'r1crashed000000000001';
const urlOf = (runId: string, key: string, file: string) => `/media?${new URLSearchParams({ runId, key, file })}`;

/** The next change event of `s`. */
const nextChange = (s: CloudSource) => new Promise<ChangeEvent>((resolve) => {
  const off = s.onChange((e) => {
    off();
    resolve(e);
  });
});

async function openSource(): Promise<CloudSource> {
  const { client } = clientFor(fake);
  return CloudSource.open({ client, project: await client.project('alice', 'mnist'), cacheDir: path.join(tmp, 'media') });
}

beforeAll(async () => {
  fake = await startFakeSwanlab({ model: sampleModel() });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-cloudsource-'));
  source = await openSource();
});
afterAll(async () => {
  source.close();
  await fake.close();
  await fs.rm(tmp, { recursive: true, force: true });
});
beforeEach(() => fake.faults.clear());

describe('CloudSource', () => {
  it('shows the project runs, oldest first, with their keys', () => {
    const view = source.view();
    expect(view.target).toBe(`${fake.origin}/@alice/mnist`);
    expect(view.folderKey).toMatch(/^[0-9a-f]{16}$/);
    expect(view.canOpenFolders).toBe(false);
    expect(view.runs.map((r) => [r.info.name, r.info.status])).toEqual([['baseline', 'finished'], ['lr0.3-crash', 'crashed'], ['still-going', 'running'], ['cloned', 'finished']]);
    expect(view.runs[0].keys.map((k) => k.key)).toEqual(['__swanlab__.cpu.pct', 'train/loss', 'train/lr', 'val/acc', 'samples/pred']);
    expect(view.runs[0].keys[0]).toMatchObject({ section: 'system', system: true, displayName: 'CPU Utilization (%)', chartName: 'CPU Utilization (%)' });
    expect(() => source.details('nope')).toThrow(NotFoundError);
  });

  it('answers series from the cache: first a download and one change event, then thinned data', async () => {
    const exports = fake.count('POST', '/house/metrics/scalar/export');
    const changed = nextChange(source);
    expect(source.series('train/loss', [BASELINE, CRASHED], 200).series).toEqual([]);
    expect(source.series('train/loss', [BASELINE, CRASHED], 200).series).toEqual([]);
    const events = [await changed, await nextChange(source)];
    expect(events.map((e) => e.runs[0].grownKeys)).toEqual([['train/loss'], ['train/loss']]);
    expect(fake.count('POST', '/house/metrics/scalar/export') - exports).toBe(2);
    const { series } = source.series('train/loss', [BASELINE, CRASHED], 200);
    expect(series.map((s) => [s.runId, s.total])).toEqual([[BASELINE, 10_000], [CRASHED, 3000]]);
    expect(series[0].steps.length).toBeLessThanOrEqual(400);
    expect(series[1].values.at(-1)).toBe(Infinity);
    const zoom = source.series('train/loss', [BASELINE], 1000, [100, 200]).series[0];
    expect([zoom.steps[0], zoom.steps.at(-1), zoom.steps.length]).toEqual([99, 201, 103]);
    expect(source.series('samples/pred', [BASELINE], 200).series).toEqual([]);
  });

  it('loads details (profile and every line key) then summarises like a local run', async () => {
    const first = source.details(BASELINE);
    expect(first.config).toEqual({ lr: 0.01, optimizer: 'adam', model: { depth: 12, act: 'relu' } });
    expect(first.system).toBeNull();
    const e = await nextChange(source);
    expect(e.runs[0]).toMatchObject({ runId: BASELINE, statusChanged: true });
    const d = source.details(BASELINE);
    expect(d.system).toMatchObject({ hostname: 'gpu-7', sdkVersion: '0.9.7' });
    expect(d.requirements).toEqual(['torch==2.3.0', 'numpy==1.26.4', '']);
    expect(d.conda).toContain('defaults');
    expect(d.info.sdkVersion).toBe('0.9.7');
    const acc = fake.model.projects[0].runs[0].scalars['val/acc'];
    expect(d.summaries.find((s) => s.key === 'val/acc')).toEqual({
      key: 'val/acc', count: 100, lastStep: 9900, last: acc.values[99],
      min: Math.min(...acc.values), minStep: acc.steps[acc.values.indexOf(Math.min(...acc.values))],
      max: Math.max(...acc.values), maxStep: acc.steps[acc.values.indexOf(Math.max(...acc.values))],
    });
    expect(d.summaries.map((s) => s.key)).toEqual(['__swanlab__.cpu.pct', 'train/loss', 'train/lr', 'val/acc']);
  });

  it('lists media after a download and serves its files from a local cache', async () => {
    const changed = nextChange(source);
    expect(source.media(BASELINE, 'samples/pred', urlOf).points).toEqual([]);
    await changed;
    const { points } = source.media(BASELINE, 'samples/pred', urlOf);
    expect(points.map((p) => p.step)).toEqual([0, 500, 1000]);
    expect(points[0].urls[1]).toBe(urlOf(BASELINE, 'samples/pred', 'media/samples/pred/0-1.png'));
    const file = await source.mediaFile(BASELINE, 'samples/pred', 'media/samples/pred/0-1.png');
    expect(file).toMatch(/\.png$/);
    expect(await fs.readFile(file!, 'latin1')).toBe('\x89PNG fake image media/samples/pred/0-1.png');
    const presigns = fake.count('POST', '/resources/presigned/get');
    expect(await source.mediaFile(BASELINE, 'samples/pred', 'media/samples/pred/0-1.png')).toBe(file);
    expect(fake.count('POST', '/resources/presigned/get')).toBe(presigns);
    expect(await source.mediaFile(BASELINE, 'samples/pred', '../../etc/passwd')).toBeNull();
  });

  it('reads the console, with error lines for a crashed run', async () => {
    const ok = await source.console(BASELINE);
    expect([ok.total, ok.error]).toEqual([2500, null]);
    const crash = await source.console(CRASHED);
    expect(crash.error).toEqual(['Traceback (most recent call last):', '  File "train.py", line 3, in <module>', 'RuntimeError: loss is inf']);
  });

  it('shows a failed download on the run and lets the UI ask again', async () => {
    const s = await openSource();
    fake.faults.fail('POST /house/metrics/scalar/export', ...Array.from({ length: 6 }, () => ({ status: 500 })));
    s.series('val/acc', [CRASHED], 100);
    await nextChange(s);
    const issues = s.view().runs.find((r) => r.info.id === CRASHED)!.info.issues;
    expect(issues.at(-1)!.reason).toMatch(/^val\/acc: SwanLab .* answered 500/);
    s.series('val/acc', [CRASHED], 100);
    await nextChange(s);
    expect(s.series('val/acc', [CRASHED], 100).series[0].total).toBe(30);
    s.close();
  });

  it('refreshes: new runs, finished runs with grown series', async () => {
    const s = await openSource();
    const RUNNING = 'r2running000000000001';
    s.series('train/loss', [RUNNING], 100);
    await nextChange(s);
    expect(s.series('train/loss', [RUNNING], 100).series[0].total).toBe(50);
    const mnist = fake.model.projects[0];
    const running = mnist.runs[2];
    const loss = running.scalars['train/loss'];
    for (let i = 50; i < 80; i++) {
      loss.steps.push(i);
      loss.values.push(1 / i);
      loss.timestamps.push(loss.timestamps[0] + i * 250);
    }
    running.scalars['train/acc'] = { steps: [79], values: [0.5], timestamps: [loss.timestamps[79]] };
    running.state = 'FINISHED';
    running.finishedAt = '2026-11-20T10:10:00.000Z';
    mnist.runs.push({ ...mnist.runs[1], cuid: 'r5new00000000000000001', slug: null, name: 'new-run', createdAt: '2026-11-21T00:00:00.000Z' });
    const heard = nextChange(s);
    const event = await s.refresh();
    expect(await heard).toEqual(event);
    expect(event.newRuns).toEqual(['r5new00000000000000001']);
    expect(event.runs).toEqual([{ runId: RUNNING, newKeys: ['train/acc'], grownKeys: ['train/loss'], consoleLines: 0, statusChanged: true }]);
    expect(s.view().runs.map((r) => r.info.name).at(-1)).toBe('new-run');
    s.series('train/loss', [RUNNING], 100);
    await nextChange(s);
    expect(s.series('train/loss', [RUNNING], 100).series[0].total).toBe(80);
    expect((await s.refresh()).runs).toEqual([]);
    s.close();
  });
});

describe('CloudSource console tail', () => {
  const RUNNING = 'r2running000000000001';
  let own: FakeSwanlab;
  beforeAll(async () => {
    own = await startFakeSwanlab({ model: sampleModel(1000) });
  });
  afterAll(() => own.close());

  const logShardsAsked = (runId: string, from: number) => own.requests.slice(from)
    .filter((r) => r.path === '/house/metrics/log' && r.query.get('experimentId') === runId).map((r) => Number(r.query.get('epoch')));
  const open = async (consoleFreshMs?: number) => {
    const { client } = clientFor(own);
    return CloudSource.open({ client, project: await client.project('alice', 'mnist'), cacheDir: path.join(tmp, 'media-tail'), consoleFreshMs });
  };
  const append = (n: number, level: 'INFO' | 'ERROR' = 'INFO') => {
    const logs = own.model.projects[0].runs[2].logs;
    for (let i = 0; i < n; i++) logs.push({ level, message: `${level} line ${logs.length}`, timestamp: new Date(Date.parse('2026-11-20T10:00:00.000Z') + logs.length * 1000).toISOString() });
  };

  it('downloads a finished run\'s log once, answering later calls and tails from the cache', async () => {
    const s = await open();
    const mark = own.requests.length;
    const all = await s.console(BASELINE);
    expect(all.total).toBe(2500);
    expect(logShardsAsked(BASELINE, mark)).toEqual([0, 1, 2]);
    const tail = await s.console(BASELINE, 2400, all.lines[2399].text);
    expect([tail.from, tail.lines.length, tail.total]).toEqual([2400, 100, 2500]);
    expect((await s.console(BASELINE)).lines).toEqual(all.lines);
    expect(logShardsAsked(BASELINE, mark)).toEqual([0, 1, 2]);
    const crash = await s.console(CRASHED);
    expect(crash.error).toEqual(['Traceback (most recent call last):', '  File "train.py", line 3, in <module>', 'RuntimeError: loss is inf']);
    await s.console(CRASHED);
    expect(logShardsAsked(CRASHED, mark)).toEqual([0]);
    s.close();
  });

  it('fetches a running run\'s log from the last shard held: new lines appear, error lines included', async () => {
    const s = await open(0);
    append(1500);
    const mark = own.requests.length;
    const first = await s.console(RUNNING);
    expect([first.from, first.total, first.error]).toEqual([0, 1500, null]);
    expect(logShardsAsked(RUNNING, mark)).toEqual([0, 1]);
    append(698);
    append(2, 'ERROR');
    const next = await s.console(RUNNING, 1500, first.lines[1499].text);
    expect([next.from, next.total, next.lines.length]).toEqual([1500, 2200, 700]);
    expect(next.lines.at(-1)).toEqual({ text: 'ERROR line 2199', stream: 'unknown', level: 'error' });
    expect(next.error).toEqual(['ERROR line 2198', 'ERROR line 2199']);
    expect(logShardsAsked(RUNNING, mark)).toEqual([0, 1, 1, 2]);
    const none = await s.console(RUNNING, 2200, 'ERROR line 2199');
    expect([none.from, none.lines.length]).toEqual([2200, 0]);
    expect(logShardsAsked(RUNNING, mark)).toEqual([0, 1, 1, 2, 2]);
    s.close();
  });

  it('polls the tail of a console someone looked at, announces its new lines, and stops asking once the run ended', async () => {
    const s = await open();
    const before = (await s.console(RUNNING)).total;
    const run = own.model.projects[0].runs[2];
    append(30);
    const mark = own.requests.length;
    const event = await s.refresh();
    expect(event.runs).toEqual([{ runId: RUNNING, newKeys: [], grownKeys: [], consoleLines: 30, statusChanged: false }]);
    // the renderer asks right after the event: answered from what the poll fetched
    const tail = await s.console(RUNNING, before, (await s.console(RUNNING)).lines[before - 1].text);
    expect([tail.from, tail.lines.length]).toEqual([before, 30]);
    expect(logShardsAsked(RUNNING, mark)).toEqual([Math.floor(before / 1000)]);
    append(5);
    run.state = 'FINISHED';
    run.finishedAt = '2026-11-20T11:00:00.000Z';
    const ended = await s.refresh();
    expect(ended.runs[0]).toMatchObject({ runId: RUNNING, consoleLines: 5, statusChanged: true });
    expect((await s.console(RUNNING)).total).toBe(before + 35);
    append(1);
    await s.console(RUNNING);
    expect(await s.refresh()).toMatchObject({ runs: [] });
    expect(logShardsAsked(RUNNING, mark)).toHaveLength(2);
    s.close();
  });
});

describe('accounts', () => {
  it('connects with a key, keeps it in the key store and reconnects from it', async () => {
    const keys = new FileKeyStore(path.join(tmp, 'userdata'));
    const { account } = await connectAccount({ host: fake.origin, apiKey: ` ${KEYS.admin} ` }, keys);
    expect(account).toEqual({
      id: `${fake.origin}#admin`, host: expect.objectContaining({ apiBase: `${fake.origin}/api` }), username: 'admin', name: null,
      selfHosted: { enabled: true, expired: false, root: true, plan: 'commercial', seats: 20 },
    });
    expect(await keys.load(account.id)).toBe(KEYS.admin);
    const again = await reconnectAccount(account, keys);
    expect((await again!.workspaces())[0].username).toBe('admin');
    await keys.remove(account.id);
    expect(await reconnectAccount(account, keys)).toBeNull();
    await expect(connectAccount({ host: fake.origin, apiKey: 'Wr0ngKey0123456789abc' }, keys)).rejects.toThrow('the API key was rejected');
  });
});
