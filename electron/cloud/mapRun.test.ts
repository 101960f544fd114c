import { describe, expect, it } from 'vitest';
import { profileFrom, runInfoFrom, runStatus, unwrapConfig } from './mapRun';
import type { WireRun } from './wire';

const place = { workspace: 'alice', project: 'mnist', webHost: 'https://swanlab.cn' };

describe('runInfoFrom', () => {
  const run: WireRun = {
    cuid: '55wttnbmav7q1qy9wcoff', slug: null, name: 'exp-1', description: '', state: 'FINISHED',
    labels: [{ name: 'baseline' }, 'cv'], colors: ['#528d59', '#1f2d3d'],
    createdAt: '2024-11-23T12:28:04.286Z', finishedAt: '2024-11-25T15:56:48.123Z', updatedAt: '2024-11-25T15:56:49.000Z',
  };

  it('maps identity, tags, colours, times and the web URL', () => {
    expect(runInfoFrom(run, place)).toEqual({
      id: '55wttnbmav7q1qy9wcoff', sdkRunId: '55wttnbmav7q1qy9wcoff',
      dir: 'https://swanlab.cn/@alice/mnist/runs/55wttnbmav7q1qy9wcoff/chart',
      project: 'mnist', name: 'exp-1', description: '', tags: ['baseline', 'cv'],
      colors: { light: '#528d59', dark: '#1f2d3d' }, sdkVersion: null, generations: [],
      createdAt: '2024-11-23T12:28:04.286Z', finishedAt: '2024-11-25T15:56:48.123Z',
      status: 'finished', statusEvidence: ['server state FINISHED'],
      lastActivity: Date.parse('2024-11-25T15:56:49.000Z'), issues: [],
    });
  });

  it('prefers the slug in the URL and as SDK id; a running run has no finish time', () => {
    const info = runInfoFrom({ ...run, slug: 'my-run', state: 'RUNNING', name: null }, place);
    expect(info.dir).toBe('https://swanlab.cn/@alice/mnist/runs/my-run/chart');
    expect(info.sdkRunId).toBe('my-run');
    expect(info.name).toBe('my-run');
    expect(info.finishedAt).toBeNull();
  });
});

describe('runStatus', () => {
  it('maps every server state', () => {
    expect(['RUNNING', 'FINISHED', 'CRASHED', 'ABORTED'].map((state) => runStatus({ state, finishedAt: null }).status)).toEqual(['running', 'finished', 'crashed', 'aborted']);
    expect(runStatus({ state: 'OFFLINE', finishedAt: '2024-01-01T00:00:00.000Z' }).status).toBe('finished');
    expect(runStatus({ state: 'OFFLINE', finishedAt: null }).status).toBe('running');
    expect(runStatus({ state: 'OFFLINE', finishedAt: null }).evidence[0]).toContain('OFFLINE');
  });
});

describe('profile', () => {
  it('unwraps nested {value, desc, sort} wrappers and orders by sort', () => {
    const config = {
      model: { value: { depth: { value: 12, desc: '', sort: 0 }, act: 'relu' }, desc: '', sort: 1 },
      lr: { value: 0.001, desc: '', sort: 0 },
      layers: { value: [{ value: 1, desc: '', sort: 0 }, 2], desc: '', sort: 2 },
    };
    const out = unwrapConfig(config) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['lr', 'model', 'layers']);
    expect(out).toEqual({ lr: 0.001, model: { depth: 12, act: 'relu' }, layers: [1, 2] });
    // a user dict that merely has a `value` key among others is not a wrapper
    expect(unwrapConfig({ value: 1, other: 2 })).toEqual({ value: 1, other: 2 });
  });

  it('maps metadata, requirements and conda like a local run', () => {
    const p = profileFrom({
      config: { lr: { value: 0.1, desc: '', sort: 0 } },
      metadata: { os: 'Linux', hostname: 'gpu-1', python: '3.11.8', swanlab: { version: '0.7.20' } },
      requirements: 'torch==2.3.0\nnumpy==1.26.4\n',
      conda: 'name: base\n',
    });
    expect(p.config).toEqual({ lr: 0.1 });
    expect(p.system).toMatchObject({ os: 'Linux', hostname: 'gpu-1', python: '3.11.8', sdkVersion: '0.7.20' });
    expect(p.requirements).toEqual(['torch==2.3.0', 'numpy==1.26.4', '']);
    expect(p.conda).toBe('name: base\n');
    expect(profileFrom(null)).toEqual({ config: null, system: null, requirements: null, conda: null });
  });
});
