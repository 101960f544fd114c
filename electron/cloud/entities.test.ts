import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSwanlab, type FakeSwanlab } from '../testkit/fakeSwanlab/fakeServer';
import { CloudError } from './cloudError';
import { clientFor } from './fakeClient.testkit';
import { flattenRunGroups } from './runsApi';
import type { SwanlabClient } from './swanlabClient';

let fake: FakeSwanlab;
let client: SwanlabClient;
beforeAll(async () => {
  fake = await startFakeSwanlab();
  client = clientFor(fake).client;
});
afterAll(() => fake.close());
beforeEach(() => fake.faults.clear());

describe('workspaces', () => {
  it('lists the personal workspace first, then teams', async () => {
    expect(await client.workspaces()).toEqual([
      { username: 'alice', name: 'Alice', type: 'PERSON', role: 'OWNER' },
      { username: 'vision-lab', name: 'Vision Lab', type: 'TEAM', role: 'MEMBER' },
    ]);
  });
});

describe('projects', () => {
  it('pages through every project with an allowed page size', async () => {
    const before = fake.count('GET', '/project/alice');
    const { projects, total } = await client.projects('alice', { all: true, size: 10 });
    expect(total).toBe(25);
    expect(projects).toHaveLength(25);
    expect(new Set(projects.map((p) => p.name)).size).toBe(25);
    expect(fake.count('GET', '/project/alice') - before).toBe(3);
    const q = fake.requests.filter((r) => r.path === '/project/alice').at(-1)!.query;
    expect([q.get('page'), q.get('size'), q.get('detail')]).toEqual(['3', '10', 'true']);
  });

  it('answers one page by default, recently updated first, and maps the project', async () => {
    const { projects, total } = await client.projects('alice', { size: 20 });
    expect(total).toBe(25);
    expect(projects).toHaveLength(20);
    expect(projects[0]).toEqual({
      cuid: 'pmnist000000000000001', name: 'mnist', workspace: 'alice', description: 'digits', visibility: 'PRIVATE',
      createdAt: '2026-11-20T07:00:00.000Z', updatedAt: '2026-11-21T00:00:00.000Z', runCount: 4,
      webUrl: `${fake.origin}/@alice/mnist`,
    });
    expect((await client.projects('alice', { page: 3, size: 10 })).projects).toHaveLength(5);
  });

  it('sorts by name or creation and searches case-insensitively', async () => {
    const byName = (await client.projects('alice', { all: true, sort: 'name' })).projects.map((p) => p.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
    expect((await client.projects('alice', { sort: 'create' })).projects[0].name).toBe('mnist');
    expect((await client.projects('alice', { search: 'PROJ-1' })).projects.map((p) => p.name)).toEqual(Array.from({ length: 10 }, (_, i) => `proj-1${i}`));
  });

  it('gets one project and reports missing and forbidden ones', async () => {
    expect((await client.project('vision-lab', 'detector')).workspace).toBe('vision-lab');
    const missing = await client.project('alice', 'nope').catch((e: CloudError) => e);
    expect(missing).toBeInstanceOf(CloudError);
    expect((missing as CloudError).status).toBe(404);
    expect(((await client.project('bob', 'secret').catch((e: CloudError) => e)) as CloudError).status).toBe(403);
  });
});

describe('runs', () => {
  it('lists runs page by page with their config', async () => {
    const mnist = await client.project('alice', 'mnist');
    const runs = await client.runs(mnist, { all: true, size: 10 });
    expect(runs.map((r) => r.info.name)).toEqual(['cloned', 'still-going', 'lr0.3-crash', 'baseline']);
    const baseline = runs.find((r) => r.info.name === 'baseline')!;
    expect(baseline.config).toEqual({ model: { depth: 12, act: 'relu' }, lr: 0.01, optimizer: 'adam' });
    expect(baseline.info).toMatchObject({ id: 'r0baseline00000000001', status: 'finished', tags: ['baseline', 'cv'], colors: { light: '#528d59', dark: '#3b6e45' } });
    expect(baseline.ref).toMatchObject({ projectId: mnist.cuid, cuid: 'r0baseline00000000001', createdAtSec: Math.floor(Date.parse('2026-11-20T08:00:00.000Z') / 1000), rootExpId: null });
    const clone = runs.find((r) => r.info.name === 'cloned')!;
    expect(clone.ref).toMatchObject({ rootExpId: 'r9origin0000000000001', rootProId: 'porigin00000000000001' });
  });

  it('filters, sorts and groups with runs/shows, flattening the grouped answer', async () => {
    const mnist = await client.project('alice', 'mnist');
    const grouped = await client.showRuns(mnist, { groups: [{ key: 'cluster', type: 'STABLE' }] });
    expect(grouped.map((r) => r.info.name)).toEqual(['still-going', 'baseline', 'cloned', 'lr0.3-crash']);
    const body = fake.requests.filter((r) => r.path === '/project/alice/mnist/runs/shows').at(-1)!.body;
    expect(body).toEqual({ filters: [], groups: [{ key: 'cluster', type: 'STABLE', active: true }], sorts: [] });

    const crashed = await client.showRuns(mnist, { filters: [{ key: 'state', type: 'STABLE', op: 'EQ', value: ['CRASHED'] }] });
    // pinned runs are never filtered out
    expect(crashed.map((r) => r.info.name)).toEqual(['still-going', 'lr0.3-crash']);
    const byConfig = await client.showRuns(mnist, {
      filters: [{ key: 'optimizer', type: 'CONFIG', op: 'IN', value: ['adam'] }],
      sorts: [{ key: 'name', type: 'STABLE', order: 'ASC' }],
    });
    expect(byConfig.map((r) => r.info.name)).toEqual(['baseline', 'still-going']);
    const recent = await client.showRuns(mnist, { filters: [{ key: 'createdAt', type: 'STABLE', op: 'GTE', value: ['2026-11-20 17:30:00'] }] });
    expect(recent.map((r) => r.info.name).sort()).toEqual(['cloned', 'still-going']);
  });

  it('flattens nested groups in order', () => {
    const run = (cuid: string) => ({ cuid });
    expect(flattenRunGroups({ a: { x: [run('1'), run('2')], y: [run('3')] }, b: [run('4')] }).map((r) => r.cuid)).toEqual(['1', '2', '3', '4']);
  });

  it('gets one run by slug or cuid with its whole profile', async () => {
    const mnist = await client.project('alice', 'mnist');
    const bySlug = await client.run(mnist, 'lr03');
    expect(bySlug.info).toMatchObject({ id: 'r1crashed000000000001', sdkRunId: 'lr03', status: 'crashed', dir: `${fake.origin}/@alice/mnist/runs/lr03/chart` });
    const baseline = await client.run(mnist, 'r0baseline00000000001');
    expect(baseline.profile).toEqual({
      config: { model: { depth: 12, act: 'relu' }, lr: 0.01, optimizer: 'adam' },
      system: expect.objectContaining({ os: 'Linux-6.1', hostname: 'gpu-7', python: '3.11.8', command: 'train.py --lr 0.01', sdkVersion: '0.9.7' }),
      requirements: ['torch==2.3.0', 'numpy==1.26.4', ''],
      conda: 'name: base\nchannels:\n  - defaults\n',
    });
    expect(baseline.info.sdkVersion).toBe('0.9.7');
    const running = await client.run(mnist, 'r2running000000000001');
    expect(running.info).toMatchObject({ status: 'running', finishedAt: null });
  });
});
