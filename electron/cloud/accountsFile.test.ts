import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsFile, defaultDataDir, hostOf, type StoredAccount } from './accountsFile';
import { flattenConfig } from './flattenConfig';
import { resolveHost } from './hosts';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-accounts-file-'));
});
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

const alice: StoredAccount = {
  id: 'http://10.0.0.5:8000#alice', apiHost: 'http://10.0.0.5:8000', webHost: 'http://10.0.0.5:8000', cloud: false, kind: 'private',
  username: 'alice', name: 'Alice', selfHosted: { root: false, expired: false, plan: 'free' }, addedAt: '2026-01-01T00:00:00.000Z',
};

describe('AccountsFile', () => {
  it('writes the accounts whole (0600, no temp files left) and reads them back', async () => {
    const file = new AccountsFile(path.join(tmp, 'a'));
    expect(await file.read()).toEqual([]);
    await Promise.all([file.write([alice]), file.write([alice, { ...alice, id: 'x#bob', username: 'bob' }])]);
    expect((await file.read()).map((a) => a.username)).toEqual(['alice', 'bob']);
    expect((await fs.stat(file.file)).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(path.join(tmp, 'a'))).toEqual(['accounts.json']);
  });

  it('skips entries that do not parse and reads a damaged file as empty', async () => {
    const dir = path.join(tmp, 'b');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'accounts.json'), JSON.stringify({ version: 1, accounts: [alice, { id: 'broken' }] }));
    expect(await new AccountsFile(dir).read()).toEqual([alice]);
    await fs.writeFile(path.join(dir, 'accounts.json'), '{"version": 1, "accounts": [');
    expect(await new AccountsFile(dir).read()).toEqual([]);
    await fs.writeFile(path.join(dir, 'accounts.json'), JSON.stringify({ version: 2, accounts: [alice] }));
    expect(await new AccountsFile(dir).read()).toEqual([]);
  });

  it('rebuilds the host an account was added on', () => {
    expect(hostOf(alice)).toEqual({ ...resolveHost('http://10.0.0.5:8000'), httpsAssumedForBareAddress: false });
    const cloud = resolveHost('');
    expect(hostOf({ apiHost: cloud.apiHost, webHost: cloud.webHost, cloud: true })).toEqual(cloud);
  });

  it('finds the user-data dir like serve and the CLI', () => {
    expect(defaultDataDir({ SWANVIEW_USER_DATA_DIR: '/d', XDG_CONFIG_HOME: '/x', HOME: '/h' })).toBe('/d');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x', HOME: '/h' })).toBe('/x/swanview');
    expect(defaultDataDir({ HOME: '/h' })).toBe('/h/.config/swanview');
  });
});

describe('flattenConfig', () => {
  it('gives dotted paths to scalars, arrays as JSON text, non-finite numbers by name', () => {
    expect(flattenConfig({
      lr: 0.001, name: 'run', on: true, none: null,
      optimizer: { name: 'adam', betas: [0.9, 0.999], sched: { warmup: 100 } },
      empty: {}, big: Array.from({ length: 100 }, (_, i) => i), inf: Infinity,
    })).toEqual({
      lr: 0.001, name: 'run', on: true, none: null,
      'optimizer.name': 'adam', 'optimizer.betas': '[0.9,0.999]', 'optimizer.sched.warmup': 100,
      big: `${JSON.stringify(Array.from({ length: 100 }, (_, i) => i)).slice(0, 199)}…`, inf: 'Infinity',
    });
    expect(flattenConfig(null)).toEqual({});
  });
});
