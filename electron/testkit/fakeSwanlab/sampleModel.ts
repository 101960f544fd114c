import type { FakeLog, FakeModel, FakeProject, FakeRun, FakeSeries } from './model';

/** API keys of the sample users (21 alphanumerics, like real keys). */
export const KEYS = {
  alice: 'A1iceKey0123456789abc',
  bob: 'B0bKey0123456789abcde',
  admin: 'AdminKey0123456789abc',
  carol: 'Car0lKey0123456789abc',
} as const;

/** Deterministic pseudo-random numbers in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function series(steps: number[], startMs: number, value: (step: number, i: number) => number): FakeSeries {
  return {
    steps,
    values: steps.map(value),
    timestamps: steps.map((s, i) => startMs + s * 250 + (i % 3)),
  };
}

const range = (n: number, every = 1, from = 0) => Array.from({ length: n }, (_, i) => from + i * every);

const wrap = (entries: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entries).map(([k, value], sort) => [k, { value, desc: '', sort }]));

function logs(n: number, startMs: number, errorTail: string[] = []): FakeLog[] {
  const out: FakeLog[] = [];
  for (let i = 0; i < n; i++) {
    const level = i % 250 === 7 ? 'WARN' : i % 97 === 3 ? 'DEBUG' : 'INFO';
    out.push({ level, message: `epoch ${Math.floor(i / 100)} batch ${i % 100}: loss ok, 中文 ✓`, timestamp: new Date(startMs + i * 1000).toISOString() });
  }
  for (const [i, line] of errorTail.entries()) out.push({ level: 'ERROR', message: line, timestamp: new Date(startMs + (n + i) * 1000).toISOString() });
  return out;
}

function run(partial: Partial<FakeRun> & Pick<FakeRun, 'cuid' | 'name' | 'createdAt'>): FakeRun {
  return {
    slug: null, description: '', state: 'FINISHED', pin: false, labels: [], colors: ['#528d59', '#528d59'], cluster: '', job: 'train',
    user: 'alice', finishedAt: null, updatedAt: partial.createdAt, config: {}, metadata: {}, requirements: '', conda: '',
    scalars: {}, media: {}, logs: [], rootExpId: null, rootProId: null,
    ...partial,
  };
}

function project(partial: Partial<FakeProject> & Pick<FakeProject, 'cuid' | 'name' | 'workspace'>): FakeProject {
  return { description: '', visibility: 'PRIVATE', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', runs: [], savedGroups: [], ...partial };
}

/**
 * alice (personal workspace + member of team vision-lab) owns `mnist` with a 10k-point
 * baseline (NaN, +inf, -inf included), a crashed run, a pinned running run and a clone whose
 * data lives in `origin`; 23 more projects page the project list. bob has a private project
 * alice cannot read; admin is the self-hosted root; carol is not verified.
 */
export function sampleModel(points = 10_000): FakeModel {
  const r = rng(42);
  const t0 = Date.parse('2026-11-20T08:00:00.000Z');
  const loss = (s: number) => 2 * Math.exp(-s / 3000) + 0.05 * Math.sin(s / 7) + 0.01 * r();
  const baselineLoss = series(range(points), t0, loss);
  for (const [step, v] of [[1234, NaN], [5000, NaN], [7777, Infinity], [8888, -Infinity]] as const) {
    if (step < points) baselineLoss.values[step] = v;
  }
  const objects = new Map<string, Buffer>();
  const mnistCuid = 'pmnist000000000000001';
  const baselineCuid = 'r0baseline00000000001';
  const mediaSteps = [0, 500, 1000].map((step) => ({
    step,
    paths: [0, 1].map((j) => `media/samples/pred/${step}-${j}.png`),
    more: [{ caption: `pred ${step} a` }, { caption: `pred ${step} b` }],
  }));
  for (const m of mediaSteps) for (const p of m.paths) objects.set(`${mnistCuid}/${baselineCuid}/${p}`, Buffer.from(`\x89PNG fake image ${p}`, 'latin1'));

  const baseline = run({
    cuid: baselineCuid, name: 'baseline', state: 'FINISHED', cluster: 'A', labels: ['baseline', 'cv'], colors: ['#528d59', '#3b6e45'],
    createdAt: new Date(t0).toISOString(), finishedAt: new Date(t0 + points * 250 + 5000).toISOString(), updatedAt: new Date(t0 + points * 250 + 6000).toISOString(),
    config: wrap({ lr: 0.01, optimizer: 'adam', model: { value: wrap({ depth: 12, act: 'relu' }), desc: '', sort: 0 } }),
    metadata: { os: 'Linux-6.1', hostname: 'gpu-7', python: '3.11.8', command: 'train.py --lr 0.01', swanlab: { version: '0.9.7' } },
    requirements: 'torch==2.3.0\nnumpy==1.26.4\n',
    conda: 'name: base\nchannels:\n  - defaults\n',
    scalars: {
      'train/loss': baselineLoss,
      'train/lr': series(range(points), t0, (s) => 0.01 * Math.cos((s / points) * Math.PI) ** 2),
      'val/acc': series(range(Math.ceil(points / 100), 100), t0, (s) => 1 - Math.exp(-s / 2000) * 0.9 + 0.001 * r()),
      '__swanlab__.cpu.pct': series(range(Math.ceil(points / 10), 10), t0, () => Math.round(r() * 1000) / 10),
    },
    media: { 'samples/pred': { type: 'IMAGE', steps: mediaSteps } },
    logs: logs(2500, t0),
  });
  const crashed = run({
    cuid: 'r1crashed000000000001', slug: 'lr03', name: 'lr0.3-crash', state: 'CRASHED', cluster: 'B', labels: ['sweep'],
    createdAt: new Date(t0 + 3_600_000).toISOString(), finishedAt: new Date(t0 + 4_000_000).toISOString(), updatedAt: new Date(t0 + 4_000_000).toISOString(),
    config: wrap({ lr: 0.3, optimizer: 'sgd', model: { value: wrap({ depth: 6, act: 'gelu' }), desc: '', sort: 0 } }),
    scalars: {
      'train/loss': series(range(3000), t0 + 3_600_000, (s) => (s > 2990 ? Infinity : loss(s) * 3)),
      'val/acc': series(range(30, 100), t0 + 3_600_000, (s) => 0.1 + s / 10000),
    },
    logs: logs(40, t0 + 3_600_000, ['Traceback (most recent call last):', '  File "train.py", line 3, in <module>', 'RuntimeError: loss is inf']),
  });
  const running = run({
    cuid: 'r2running000000000001', name: 'still-going', state: 'RUNNING', cluster: 'A', pin: true,
    createdAt: new Date(t0 + 7_200_000).toISOString(), updatedAt: new Date(t0 + 7_300_000).toISOString(),
    config: wrap({ lr: 0.05, optimizer: 'adam' }),
    scalars: { 'train/loss': series(range(50), t0 + 7_200_000, loss) },
  });
  const originRun = run({
    cuid: 'r9origin0000000000001', name: 'origin-run', createdAt: new Date(t0 - 86_400_000).toISOString(), finishedAt: new Date(t0 - 80_000_000).toISOString(),
    scalars: { 'train/loss': series(range(200), t0 - 86_400_000, (s) => 1 / (s + 1)) },
    logs: logs(3, t0 - 86_400_000),
  });
  const origin = project({ cuid: 'porigin00000000000001', name: 'origin', workspace: 'alice', runs: [originRun] });
  const clone = run({
    cuid: 'r3clone00000000000001', name: 'cloned', cluster: 'B', createdAt: new Date(t0 + 10_800_000).toISOString(), finishedAt: new Date(t0 + 10_900_000).toISOString(),
    rootExpId: originRun.cuid, rootProId: origin.cuid,
  });
  const mnist = project({
    cuid: mnistCuid, name: 'mnist', workspace: 'alice', description: 'digits', createdAt: '2026-11-20T07:00:00.000Z', updatedAt: '2026-11-21T00:00:00.000Z',
    runs: [baseline, crashed, running, clone], savedGroups: [{ key: 'cluster', type: 'STABLE' }],
  });
  const filler = range(23).map((i) => project({
    cuid: `pfill${String(i).padStart(16, '0')}`, name: `proj-${String(i).padStart(2, '0')}`, workspace: 'alice',
    createdAt: new Date(Date.parse('2026-02-01T00:00:00.000Z') + i * 86_400_000).toISOString(),
    updatedAt: new Date(Date.parse('2026-10-01T00:00:00.000Z') - i * 3_600_000).toISOString(),
  }));
  const detector = project({
    cuid: 'pdetector000000000001', name: 'detector', workspace: 'vision-lab', visibility: 'PRIVATE',
    runs: [run({ cuid: 'r4det0000000000000001', name: 'yolo', user: 'bob', createdAt: '2026-11-01T00:00:00.000Z', finishedAt: '2026-11-01T01:00:00.000Z', scalars: { loss: series(range(10), Date.parse('2026-11-01T00:00:00.000Z'), (s) => 1 / (s + 1)) } })],
  });
  const secret = project({ cuid: 'pbobsecret0000000001', name: 'secret', workspace: 'bob' });
  return {
    users: [
      { username: 'alice', name: 'Alice', apiKey: KEYS.alice, verified: true, root: false },
      { username: 'bob', name: 'Bob', apiKey: KEYS.bob, verified: true, root: false },
      { username: 'admin', name: null, apiKey: KEYS.admin, verified: true, root: true },
      { username: 'carol', name: 'Carol', apiKey: KEYS.carol, verified: false, root: false },
    ],
    workspaces: [
      { username: 'alice', name: 'Alice', type: 'PERSON', members: { alice: 'OWNER' } },
      { username: 'bob', name: 'Bob', type: 'PERSON', members: { bob: 'OWNER' } },
      { username: 'admin', name: null, type: 'PERSON', members: { admin: 'OWNER' } },
      { username: 'vision-lab', name: 'Vision Lab', type: 'TEAM', members: { bob: 'OWNER', alice: 'MEMBER' } },
    ],
    projects: [mnist, origin, ...filler, detector, secret],
    objects,
  };
}
