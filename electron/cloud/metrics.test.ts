import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NumericSeries } from '../../shared/domain';
import { startFakeSwanlab, type FakeSwanlab } from '../testkit/fakeSwanlab/fakeServer';
import type { FakeSeries } from '../testkit/fakeSwanlab/model';
import { KEYS } from '../testkit/fakeSwanlab/sampleModel';
import type { CloudProject, RunRef } from './cloudTypes';
import { clientFor } from './fakeClient.testkit';
import type { SwanlabClient } from './swanlabClient';

let fake: FakeSwanlab;
let client: SwanlabClient;
let mnist: CloudProject;
const refs: Record<string, RunRef> = {};
const model = () => fake.model.projects[0].runs;
const baselineData = () => model()[0].scalars;

function expectSame(actual: NumericSeries | undefined, expected: FakeSeries): void {
  expect(actual).toBeDefined();
  expect(Array.from(actual!.steps)).toEqual(expected.steps);
  expect(Array.from(actual!.values)).toEqual(expected.values);
  expect(Array.from(actual!.timestamps)).toEqual(expected.timestamps);
}

beforeAll(async () => {
  fake = await startFakeSwanlab();
  client = clientFor(fake).client;
  mnist = await client.project('alice', 'mnist');
  for (const r of await client.runs(mnist)) refs[r.info.name] = r.ref;
});
afterAll(() => fake.close());
beforeEach(() => fake.faults.clear());

/** A fresh client: capabilities learnt from an old server are per client. */
const fresh = () => clientFor(fake).client;

describe('metric keys', () => {
  it('lists scalar keys (system ones in their section) and media keys from the house', async () => {
    const keys = await client.metricKeys(refs.baseline);
    expect(keys.map((k) => [k.key, k.type, k.section, k.system])).toEqual([
      ['__swanlab__.cpu.pct', 'line', 'system', true],
      ['train/loss', 'line', 'train', false],
      ['train/lr', 'line', 'train', false],
      ['val/acc', 'line', 'val', false],
      ['samples/pred', 'image', 'samples', false],
    ]);
    const body = fake.requests.filter((r) => r.path === '/house/metrics/scalar/keys').at(-1)!.body;
    expect(body).toEqual({ experiments: [{ projectId: mnist.cuid, experimentId: refs.baseline.cuid, createdAt: refs.baseline.createdAtSec }], limit: 2000, cursor: '' });
  });

  it('follows the cursor when the server pages the key listing', async () => {
    fake.faults.keyPageLimit = 1;
    const keys = await client.metricKeys(refs.baseline);
    expect(keys).toHaveLength(5);
    expect(fake.requests.filter((r) => r.path === '/house/metrics/scalar/keys').slice(-4).map((r) => (r.body as { cursor: string }).cursor)).toEqual(['', '1', '2', '3']);
  });

  it('asks the root run for the keys of a clone', async () => {
    expect((await client.metricKeys(refs.cloned)).map((k) => k.key)).toEqual(['train/loss']);
  });

  it('falls back to the legacy column index on an old server', async () => {
    fake.faults.legacy = true;
    const c = fresh();
    const keys = await c.metricKeys(refs.baseline);
    expect(keys.map((k) => [k.key, k.type])).toEqual([
      ['__swanlab__.cpu.pct', 'line'], ['train/loss', 'line'], ['train/lr', 'line'], ['val/acc', 'line'], ['samples/pred', 'image'],
    ]);
    expect(c.missingEndpoints.has('house-keys')).toBe(true);
  });
});

describe('scalar data', () => {
  it('exports every point at full resolution, NaN and ±inf included', async () => {
    const keys = ['train/loss', 'train/lr', 'val/acc', '__swanlab__.cpu.pct', 'no/such'];
    const got = await client.fullScalars(refs.baseline, keys);
    expect([...got.keys()]).toEqual(keys.slice(0, 4));
    for (const k of keys.slice(0, 4)) expectSame(got.get(k), baselineData()[k]);
    const loss = got.get('train/loss')!;
    expect(loss.steps.length).toBe(10_000);
    expect(loss.values[1234]).toBeNaN();
    expect(loss.values[7777]).toBe(Infinity);
    expect(loss.values[8888]).toBe(-Infinity);
    const exp = fake.requests.filter((r) => r.path === '/house/metrics/scalar/export').at(-1)!.body as { projectId: string; columns: unknown[] };
    expect(exp.projectId).toBe(mnist.cuid);
    expect(exp.columns[0]).toEqual({ experimentName: 'baseline', experimentId: refs.baseline.cuid, key: 'train/loss', createdAt: refs.baseline.createdAtSec });
  });

  it('sends at most 16 keys per export', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`).concat('train/loss');
    const before = fake.count('POST', '/house/metrics/scalar/export');
    const got = await client.fullScalars(refs.baseline, keys);
    expect(fake.count('POST', '/house/metrics/scalar/export') - before).toBe(2);
    expect([...got.keys()]).toEqual(['train/loss']);
  });

  it('reads a clone through its root ids, and the data of another run exactly', async () => {
    expectSame((await client.fullScalars(refs.cloned, ['train/loss'])).get('train/loss'), fake.model.projects[1].runs[0].scalars['train/loss']);
    expectSame((await client.fullScalars(refs['lr0.3-crash'], ['train/loss'])).get('train/loss'), model()[1].scalars['train/loss']);
  });

  it('falls back to one legacy column CSV per key on an old server, same data', async () => {
    fake.faults.legacy = true;
    const c = fresh();
    const got = await c.fullScalars(refs.baseline, ['train/loss', 'val/acc', 'no/such']);
    expectSame(got.get('train/loss'), baselineData()['train/loss']);
    expectSame(got.get('val/acc'), baselineData()['val/acc']);
    expect(got.has('no/such')).toBe(false);
    expect(c.missingEndpoints.has('house-export')).toBe(true);
    const before = fake.count('POST', '/house/metrics/scalar/export');
    await c.fullScalars(refs.baseline, ['train/lr']);
    expect(fake.count('POST', '/house/metrics/scalar/export')).toBe(before);
  });

  it('samples with LTTB to at most 1500 points of the real data (NaN points dropped by the server)', async () => {
    const got = await client.sampledScalars(refs.baseline, ['train/loss', 'val/acc'], 5000);
    const loss = got.get('train/loss')!;
    expect(loss.steps.length).toBe(1500);
    const src = baselineData()['train/loss'];
    for (let i = 0; i < loss.steps.length; i += 97) expect(loss.values[i]).toBe(src.values[loss.steps[i]]);
    expect(Array.from(loss.values).some(Number.isNaN)).toBe(false);
    expectSame(got.get('val/acc'), baselineData()['val/acc']);
    expect((fake.requests.filter((r) => r.path === '/house/metrics/scalar').at(-1)!.body as { num: number }).num).toBe(1500);
  });

  it('samples from the legacy CSV when the house line endpoint is missing', async () => {
    const c = fresh();
    fake.faults.fail('POST /house/metrics/scalar', { status: 404 });
    fake.faults.legacy = true;
    const loss = (await c.sampledScalars(refs.baseline, ['train/loss'], 500)).get('train/loss')!;
    expect(loss.steps.length).toBeLessThanOrEqual(500);
    expect(loss.values[0]).toBe(baselineData()['train/loss'].values[0]);
  });

  it('merges step and timestamp statistics', async () => {
    const stats = (await client.scalarStats(refs.baseline, ['val/acc'])).get('val/acc')!;
    const s = baselineData()['val/acc'];
    const last = s.steps.length - 1;
    expect(stats.latest).toEqual({ step: s.steps[last], value: s.values[last], timestamp: s.timestamps[last] });
    const maxAt = s.values.indexOf(Math.max(...s.values));
    expect(stats.max).toEqual({ step: s.steps[maxAt], value: s.values[maxAt], timestamp: s.timestamps[maxAt] });
    const crash = (await client.scalarStats(refs['lr0.3-crash'], ['train/loss'])).get('train/loss')!;
    expect(crash.latest!.value).toBe(Infinity);
  });

  it('reads summaries of several runs in one call, with the legacy body on an old server', async () => {
    for (const legacy of [false, true]) {
      fake.faults.legacy = legacy;
      const c = fresh();
      const sums = await c.summaries([refs.baseline, refs['lr0.3-crash']], legacy ? undefined : ['val/acc', 'train/loss']);
      const acc = baselineData()['val/acc'];
      expect(sums.get(refs.baseline.cuid)!.get('val/acc')).toEqual({ step: acc.steps.at(-1), value: acc.values.at(-1), min: Math.min(...acc.values), max: Math.max(...acc.values) });
      expect(sums.get(refs['lr0.3-crash'].cuid)!.get('train/loss')!.value).toBe(Infinity);
      expect(c.missingEndpoints.has('summaries-body')).toBe(legacy);
    }
  });
});

describe('logs and media', () => {
  it('reads every console line shard by shard, all levels', async () => {
    const lines = await client.logs(refs.baseline);
    const src = model()[0].logs;
    expect(lines).toHaveLength(2500);
    expect(lines.map((l) => l.text)).toEqual(src.map((l) => l.message));
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(src.filter((l) => l.level === 'WARN').length);
    const q = fake.requests.filter((r) => r.path === '/house/metrics/log').slice(-3).map((r) => [r.query.get('epoch'), r.query.get('size'), r.query.get('level'), r.query.get('createdAt')]);
    expect(q).toEqual([0, 1, 2].map((e) => [String(e), '1000', 'DEBUG', String(refs.baseline.createdAtSec)]));
    const crash = await client.logs(refs['lr0.3-crash']);
    expect(crash.filter((l) => l.level === 'error').map((l) => l.text)).toEqual(['Traceback (most recent call last):', '  File "train.py", line 3, in <module>', 'RuntimeError: loss is inf']);
    expect((await client.logs(refs.cloned)).length).toBe(3);
  });

  it('reads the console from a later shard on', async () => {
    const tail = await client.logsFrom(refs.baseline, 2);
    expect([tail.fromShard, tail.lines.length, tail.count]).toEqual([2, 500, 2500]);
    expect(tail.lines[0].text).toBe(model()[0].logs[2000].message);
    expect(fake.requests.filter((r) => r.path === '/house/metrics/log').at(-1)!.query.get('epoch')).toBe('2');
    expect((await client.logsFrom(refs.baseline, 3)).lines).toEqual([]);
  });

  it('lists media steps with captions and downloads the files through presigned URLs', async () => {
    const points = await client.media(refs.baseline, 'samples/pred');
    expect(points.map((p) => p.step)).toEqual([0, 500, 1000]);
    expect(points[1].items).toEqual([
      { file: 'media/samples/pred/500-0.png', text: null, caption: 'pred 500 a' },
      { file: 'media/samples/pred/500-1.png', text: null, caption: 'pred 500 b' },
    ]);
    const bytes = await client.mediaBytes(refs.baseline, points[1].items[0].file!);
    expect(bytes.toString('latin1')).toBe('\x89PNG fake image media/samples/pred/500-0.png');
  });

  it('re-presigns an expired URL once and resolves relative presigned URLs against the host', async () => {
    fake.faults.expiredDownloads = 1;
    fake.faults.relativePresignedUrls = true;
    const before = fake.count('POST', '/files/presigned/get');
    expectSame((await client.fullScalars(refs.baseline, ['val/acc'])).get('val/acc'), baselineData()['val/acc']);
    expect(fake.count('POST', '/files/presigned/get') - before).toBe(2);
    fake.faults.expiredDownloads = 1;
    expect((await client.mediaBytes(refs.baseline, 'media/samples/pred/0-1.png')).length).toBeGreaterThan(0);
  });

  it('fails when storage keeps refusing, naming the storage host but not the signature', async () => {
    fake.faults.expiredDownloads = 2;
    const e = (await client.mediaBytes(refs.baseline, 'media/samples/pred/0-1.png').catch((x: Error) => x)) as Error;
    expect(e.message).toContain(`SwanLab ${fake.origin}: GET /swanlab-private/`);
    expect(e.message).toContain('403');
    expect(e.message).toContain('Request has expired');
    expect(e.message).not.toContain('X-Amz-Signature');
  });
});

describe('flavours', () => {
  it('cloud: storage on its own origin, not a self-hosted instance', async () => {
    const cloud = await startFakeSwanlab({ flavour: 'cloud' });
    try {
      const c = clientFor(cloud).client;
      const project = await c.project('alice', 'mnist');
      const ref = (await c.runs(project)).find((r) => r.info.name === 'baseline')!.ref;
      expectSame((await c.fullScalars(ref, ['train/loss'])).get('train/loss'), cloud.model.projects[0].runs[0].scalars['train/loss']);
      expect(cloud.storageOrigin).not.toBe(cloud.origin);
      expect(await c.selfHostedInfo()).toBeNull();
      await expect(c.users()).rejects.toThrow('is not a self-hosted SwanLab');
    } finally {
      await cloud.close();
    }
  });

  it('private: root lists and creates users; others may not', async () => {
    const admin = clientFor(fake, KEYS.admin).client;
    expect(await admin.selfHostedInfo()).toEqual({ enabled: true, expired: false, root: true, plan: 'commercial', seats: 20 });
    expect((await admin.users({ all: true, size: 10 })).map((u) => u.username)).toEqual(['alice', 'bob', 'admin', 'carol']);
    await admin.createUsers([{ username: 'dave', password: 'secret-pw' }]);
    expect((await admin.users()).map((u) => u.username)).toContain('dave');
    expect(fake.requests.filter((r) => r.path === '/self_hosted/users' && r.method === 'POST').at(-1)!.body).toEqual({ users: [{ username: 'dave', password: 'secret-pw' }] });
    await expect(admin.createUsers([{ username: 'dave', password: 'x' }])).rejects.toThrow(/409/);
    await expect(client.users()).rejects.toThrow('only the root user');
  });
});
