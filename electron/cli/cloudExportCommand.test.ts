import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatIsoUtc } from '../../shared/time';
import { AccountManager } from '../cloud/accountManager';
import { AccountsFile } from '../cloud/accountsFile';
import { CloudError } from '../cloud/cloudError';
import { resolveHost } from '../cloud/hosts';
import { accountIdOf, FileKeyStore } from '../cloud/keyStore';
import { numberText } from '../export/csv';
import { startFakeSwanlab, type FakeSwanlab } from '../testkit/fakeSwanlab/fakeServer';
import type { FakeRun } from '../testkit/fakeSwanlab/model';
import { KEYS } from '../testkit/fakeSwanlab/sampleModel';
import { UsageError } from './args';
import { cloudExportCommand, configDir, isCloudExport } from './cloudExportCommand';

let fake: FakeSwanlab;
let tmp: string;
let stderr: string[];
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ HOME: path.join(tmp, 'home'), XDG_CONFIG_HOME: path.join(tmp, 'config'), ...extra });
const mnist = () => fake.model.projects[0];
const byCreation = (runs: FakeRun[]) => [...runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
/** Where a run's data lives (a clone shows its root's). */
const dataOf = (r: FakeRun) => (r.rootExpId ? fake.model.projects.flatMap((p) => p.runs).find((x) => x.cuid === r.rootExpId)! : r);

beforeAll(async () => {
  fake = await startFakeSwanlab();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-cloud-export-'));
});
afterAll(async () => {
  await fake.close();
  await fs.rm(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  fake.faults.clear();
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

/** The wide CSV the local export would write for these runs: union of steps, first key's time, NaN/inf spelled out. */
function expectedCsv(runs: FakeRun[], keys: string[]): string {
  let out = `run,step,timestamp,${keys.join(',')}\n`;
  for (const r of runs) {
    const data = dataOf(r).scalars;
    const steps = [...new Set(keys.flatMap((k) => data[k]?.steps ?? []))].sort((a, b) => a - b);
    for (const step of steps) {
      let ts: number | null = null;
      const cells = keys.map((k) => {
        const s = data[k];
        const i = s ? s.steps.indexOf(step) : -1;
        if (i < 0) return '';
        ts ??= s.timestamps[i];
        return numberText(s.values[i]);
      });
      out += `${r.name},${step},${ts === null ? '' : formatIsoUtc(ts)},${cells.join(',')}\n`;
    }
  }
  return out;
}

const ALL_KEYS = ['__swanlab__.cpu.pct', 'train/loss', 'train/lr', 'val/acc'];

describe('swanview export WORKSPACE/PROJECT --host', () => {
  it('writes every point of every run exactly as the local export would', async () => {
    const file = path.join(tmp, 'all.csv');
    await cloudExportCommand(['alice/mnist', '--host', fake.origin, '--api-key', KEYS.alice, '--out', file], env());
    expect(await fs.readFile(file, 'utf8')).toBe(expectedCsv(byCreation(mnist().runs), ALL_KEYS));
    expect(stderr.join('')).toContain('4 run(s)');
  });

  it('gives the same file from an old server through the legacy column CSVs', async () => {
    fake.faults.legacy = true;
    const file = path.join(tmp, 'legacy.csv');
    await cloudExportCommand(['alice/mnist', '--host', fake.origin, '--api-key', KEYS.alice, '--keys', 'train/loss,val/acc', '--out', file], env());
    expect(await fs.readFile(file, 'utf8')).toBe(expectedCsv(byCreation(mnist().runs), ['train/loss', 'val/acc']));
  });

  it('writes one run as JSON (by cuid, slug or name) with every point and NaN/inf spelled out', async () => {
    const baseline = mnist().runs[0];
    for (const id of ['baseline', baseline.cuid]) {
      const file = path.join(tmp, `one-${id}.json`);
      await cloudExportCommand([`alice/mnist/${id}`, '--host', fake.origin, '--api-key', KEYS.alice, '--keys', 'train/loss,val/acc', '--format', 'json', '--out', file], env());
      const json = JSON.parse(await fs.readFile(file, 'utf8')) as { runs: { id: string; name: string; status: string; created_at: string; metrics: Record<string, { steps: number[]; values: unknown[]; timestamps: string[] }> }[] };
      expect(json.runs).toHaveLength(1);
      expect(json.runs[0]).toMatchObject({ id: baseline.cuid, name: 'baseline', status: 'finished', created_at: baseline.createdAt });
      const loss = json.runs[0].metrics['train/loss'];
      const src = baseline.scalars['train/loss'];
      expect(loss.steps).toEqual(src.steps);
      expect(loss.values).toEqual(src.values.map((v) => (Number.isFinite(v) ? v : numberText(v))));
      expect(loss.values[7777]).toBe('Infinity');
      expect(loss.timestamps).toEqual(src.timestamps.map((t) => formatIsoUtc(t)));
    }
    const crash = path.join(tmp, 'slug.csv');
    await cloudExportCommand(['alice/mnist/lr03', '--host', fake.origin, '--api-key', KEYS.alice, '--out', crash], env());
    expect(await fs.readFile(crash, 'utf8')).toBe(expectedCsv([mnist().runs[1]], ['train/loss', 'val/acc']));
  });

  it('--summary writes one row per run with config and last/min/max', async () => {
    const file = path.join(tmp, 'summary.csv');
    await cloudExportCommand(['alice/mnist', '--host', fake.origin, '--api-key', KEYS.alice, '--keys', 'val/acc', '--summary', '--out', file], env());
    const lines = (await fs.readFile(file, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('name,id,status,created_at,finished_at,config.lr,config.optimizer,config.model.depth,config.model.act,val/acc.last,val/acc.min,val/acc.max');
    const acc = mnist().runs[0].scalars['val/acc'].values;
    expect(lines[1]).toBe(`baseline,r0baseline00000000001,finished,${mnist().runs[0].createdAt},${mnist().runs[0].finishedAt},0.01,adam,12,relu,${acc.at(-1)},${Math.min(...acc)},${Math.max(...acc)}`);
    expect(lines).toHaveLength(5);
  });

  it('takes the key from SWANLAB_API_KEY, the key store or .netrc, and never prints it', async () => {
    const file = path.join(tmp, 'env.csv');
    await cloudExportCommand(['alice/mnist/baseline', '--host', fake.origin, '--keys', 'val/acc', '--out', file], env({ SWANLAB_API_KEY: KEYS.alice }));
    expect((await fs.readFile(file, 'utf8')).split('\n').length).toBe(102);

    // an account added in `swanview serve` (id `<apiHost>#<user>`), found by host; the user named by the workspace first
    const accounts = new AccountManager({ dataDir: configDir(env()), keys: new FileKeyStore(configDir(env())) });
    await accounts.add(fake.origin, KEYS.bob);
    await accounts.add(fake.origin, KEYS.alice);
    const logins = fake.sessions.logins;
    await cloudExportCommand(['alice/mnist/baseline', '--host', fake.origin, '--keys', 'val/acc', '--out', file], env());
    expect(fake.requests.filter((r) => r.path === '/login/api_key').at(-1)!.headers.authorization).toBe(KEYS.alice);
    expect(fake.sessions.logins).toBe(logins + 1);
    await accounts.remove(`${fake.origin}#alice`);
    await accounts.remove(`${fake.origin}#bob`);

    // a key an older store kept under the bare host
    const store = new FileKeyStore(configDir(env()));
    await store.save(accountIdOf(resolveHost(fake.origin)), KEYS.alice);
    await cloudExportCommand(['alice/mnist/baseline', '--host', fake.origin, '--keys', 'val/acc', '--out', file], env());
    await store.remove(accountIdOf(resolveHost(fake.origin)));

    await fs.mkdir(path.join(tmp, 'home', '.swanlab'), { recursive: true });
    await fs.writeFile(path.join(tmp, 'home', '.swanlab', '.netrc'), `machine ${fake.origin}\n\tlogin ${fake.origin}\n\tpassword ${KEYS.alice}\n`);
    await cloudExportCommand(['alice/mnist/baseline', '--host', fake.origin, '--keys', 'val/acc', '--out', file], env());
    await fs.rm(path.join(tmp, 'home', '.swanlab'), { recursive: true });

    await expect(cloudExportCommand(['alice/mnist', '--host', fake.origin], env())).rejects.toThrow(UsageError);
    // an account the desktop app added with its key sealed in the OS keyring
    await new AccountsFile(configDir(env())).write([{
      id: `${fake.origin}#alice`, apiHost: fake.origin, webHost: fake.origin, cloud: false, kind: 'private', username: 'alice', name: null, selfHosted: null, addedAt: '2026-01-01T00:00:00.000Z',
    }]);
    await expect(cloudExportCommand(['alice/mnist', '--host', fake.origin], env())).rejects.toThrow(/keeps the key of alice in the OS keyring/);
    await new AccountsFile(configDir(env())).write([]);
    expect(stderr.join('')).not.toContain(KEYS.alice);
  });

  it('fails with the server error, without the key, on a wrong key or project', async () => {
    const bad = 'Wr0ngKey0123456789abc';
    const e = await cloudExportCommand(['alice/mnist', '--host', fake.origin, '--api-key', bad], env()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CloudError);
    expect((e as Error).message).toContain('the API key was rejected');
    fake.faults.echoCredentials = true;
    const e2 = await cloudExportCommand(['alice/mnist', '--host', fake.origin, '--api-key', bad], env()).catch((x: unknown) => x);
    expect((e2 as Error).message).not.toContain(bad);
    const missing = await cloudExportCommand(['alice/nope', '--host', fake.origin, '--api-key', KEYS.alice], env()).catch((x: unknown) => x);
    expect((missing as CloudError).status).toBe(404);
    await expect(cloudExportCommand(['alice/mnist/ghost', '--host', fake.origin, '--api-key', KEYS.alice], env())).rejects.toThrow('no run with id, slug or name ghost');
  });
});

describe('routing of export', () => {
  it('goes to the account only for ws/project[/run] with a host or a key, and never for a local path', async () => {
    expect(isCloudExport(['alice/mnist', '--host', 'http://x'], {})).toBe(true);
    expect(isCloudExport(['alice/mnist/run1', '--api-key', 'k'], {})).toBe(true);
    expect(isCloudExport(['alice/mnist'], { SWANLAB_API_KEY: 'k' })).toBe(true);
    expect(isCloudExport(['alice/mnist'], {})).toBe(false);
    expect(isCloudExport(['./swanlog', '--host', 'http://x'], {})).toBe(false);
    expect(isCloudExport(['../logs', '--host', 'http://x'], {})).toBe(false);
    expect(isCloudExport(['a/b/c/d', '--host', 'http://x'], {})).toBe(false);
    const local = path.relative(process.cwd(), tmp);
    expect(isCloudExport([local, '--host', 'http://x'], {})).toBe(false);
  });
});
