import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAccounts } from './credentials';
import { accountIdOf, FileKeyStore } from './keyStore';
import { resolveHost } from './hosts';
import { parseNetrc } from './netrc';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-cred-'));
});
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

async function write(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}

describe('parseNetrc', () => {
  it('reads the file Python writes, comments, macdef and quoted tokens', () => {
    const text = [
      '# a comment',
      'machine https://api.swanlab.cn',
      '\tlogin https://swanlab.cn',
      '\tpassword 0123456789abcdefghijk',
      'macdef init',
      'machine not-an-entry',
      '',
      'machine http://10.0.0.1:8000 login http://10.0.0.1:8000 account x password "with space"',
    ].join('\n');
    expect(parseNetrc(text)).toEqual([
      { machine: 'https://api.swanlab.cn', login: 'https://swanlab.cn', password: '0123456789abcdefghijk' },
      { machine: 'http://10.0.0.1:8000', login: 'http://10.0.0.1:8000', password: 'with space' },
    ]);
  });
});

describe('importAccounts', () => {
  it('reads the env key, the project-local netrc and the global one, most specific first', async () => {
    const home = path.join(tmp, 'home');
    const cwd = path.join(tmp, 'proj');
    await write(path.join(home, '.swanlab', '.netrc'), 'machine https://api.swanlab.cn/api\n\tlogin https://swanlab.cn\n\tpassword cloudKey0123456789abcd\n');
    await write(path.join(cwd, '.swanlab', '.netrc'), 'machine http://10.0.0.1:8000\n\tlogin alice\n\tpassword privKey0123456789abcde\n');
    const accounts = await importAccounts({ home, cwd, env: { SWANLAB_API_KEY: '"envKey0123456789abcde"', SWANLAB_API_HOST: 'http://10.0.0.2:8000/api' } });
    expect(accounts.map((a) => [a.source, a.host.apiBase, a.host.webHost, a.apiKey])).toEqual([
      ['SWANLAB_API_KEY', 'http://10.0.0.2:8000/api', 'http://10.0.0.2:8000', 'envKey0123456789abcde'],
      [path.join(cwd, '.swanlab', '.netrc'), 'http://10.0.0.1:8000/api', 'http://10.0.0.1:8000', 'privKey0123456789abcde'],
      [path.join(home, '.swanlab', '.netrc'), 'https://api.swanlab.cn/api', 'https://swanlab.cn', 'cloudKey0123456789abcd'],
    ]);
  });

  it('honours SWANLAB_ROOT, finds nothing without files or env, and never writes', async () => {
    const root = path.join(tmp, 'root');
    await write(path.join(root, '.netrc'), 'machine api.swanlab.cn login https://swanlab.cn password k0123456789abcdefghij\n');
    const before = await fs.readFile(path.join(root, '.netrc'), 'utf8');
    const accounts = await importAccounts({ home: path.join(tmp, 'nohome'), cwd: path.join(tmp, 'nocwd'), env: { SWANLAB_ROOT: root } });
    expect(accounts.map((a) => a.host.cloud)).toEqual([true]);
    expect(await fs.readFile(path.join(root, '.netrc'), 'utf8')).toBe(before);
    expect(await importAccounts({ home: path.join(tmp, 'nohome'), cwd: path.join(tmp, 'nocwd'), env: {} })).toEqual([]);
  });
});

describe('FileKeyStore', () => {
  it('saves, loads and removes keys in a 0600 file', async () => {
    const dir = path.join(tmp, 'userdata');
    const store = new FileKeyStore(dir);
    const id = accountIdOf(resolveHost('http://10.0.0.1:8000'), 'alice');
    expect(id).toBe('http://10.0.0.1:8000#alice');
    expect(await store.load(id)).toBeNull();
    await Promise.all([store.save(id, 'key-one-0123456789abc'), store.save('https://api.swanlab.cn', 'key-two-0123456789abc')]);
    expect(await store.load(id)).toBe('key-one-0123456789abc');
    expect((await fs.stat(store.file)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(dir)).mode & 0o777).toBe(0o700);
    await store.remove(id);
    expect(await new FileKeyStore(dir).load(id)).toBeNull();
    expect(await new FileKeyStore(dir).load('https://api.swanlab.cn')).toBe('key-two-0123456789abc');
    expect((await fs.stat(store.file)).mode & 0o777).toBe(0o600);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('tightens a key file that was left readable by others', async () => {
    const dir = path.join(tmp, 'loose');
    await write(path.join(dir, 'swanlab-keys.json'), '{"a":"b"}');
    await fs.chmod(path.join(dir, 'swanlab-keys.json'), 0o644);
    const store = new FileKeyStore(dir);
    await store.save('c', 'd');
    expect((await fs.stat(store.file)).mode & 0o777).toBe(0o600);
    expect(await store.load('a')).toBe('b');
  });
});
