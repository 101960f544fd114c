import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../cloud/keyStore';
import { desktopKeyStore, encryptionUsable, SafeStorageKeyStore, type SafeStorageLike } from './safeStorageKeyStore';

const KEY = 'A1iceKey0123456789abc';
let tmp: string;

/** A stand-in for Electron's safeStorage: a per-instance XOR pad, and a record of what it sealed. */
function standIn(opts: { available?: boolean; backend?: string; pad?: number } = {}): SafeStorageLike & { sealed: string[] } {
  const pad = opts.pad ?? 0x5a;
  const sealed: string[] = [];
  return {
    sealed,
    isEncryptionAvailable: () => opts.available ?? true,
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
    encryptString: (s) => {
      sealed.push(s);
      return Buffer.concat([Buffer.from('v10'), Buffer.from(s, 'utf8').map((b) => b ^ pad)]);
    },
    decryptString: (b) => {
      if (b.subarray(0, 3).toString() !== 'v10' || b[3] === undefined) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const text = Buffer.from(b.subarray(3).map((x) => x ^ pad)).toString('utf8');
      if (!/^[\x20-\x7e]+$/.test(text)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text;
    },
  };
}

/** Every file under `dir`, as text. */
async function everything(dir: string): Promise<string> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(await fs.readFile(path.join(e.parentPath, e.name), 'latin1'));
  }
  return out.join('\n');
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-safestorage-'));
});
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

describe('SafeStorageKeyStore', () => {
  it('keeps only ciphertexts, in a 0600 file, and reads them back', async () => {
    const dir = path.join(tmp, 'a');
    const safe = standIn();
    const store = new SafeStorageKeyStore(safe, dir);
    expect(store.storage).toEqual({ kind: 'safeStorage', location: path.join(dir, 'swanlab-keys.enc.json') });
    await Promise.all([store.save('h#alice', KEY), store.save('h#bob', 'B0bKey0123456789abcde')]);
    expect(safe.sealed.sort()).toEqual([KEY, 'B0bKey0123456789abcde']);
    expect(await store.load('h#alice')).toBe(KEY);
    expect(await new SafeStorageKeyStore(standIn(), dir).load('h#bob')).toBe('B0bKey0123456789abcde');
    const text = await everything(dir);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('B0bKey');
    expect(Object.keys(JSON.parse(await fs.readFile(store.file, 'utf8')))).toEqual(['h#alice', 'h#bob']);
    expect((await fs.stat(store.file)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(dir)).mode & 0o777).toBe(0o700);
    await store.remove('h#alice');
    expect(await store.load('h#alice')).toBeNull();
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('answers null for a ciphertext another keyring sealed (the account must be added again)', async () => {
    const dir = path.join(tmp, 'b');
    await new SafeStorageKeyStore(standIn({ pad: 0x11 }), dir).save('h#alice', KEY);
    expect(await new SafeStorageKeyStore(standIn({ pad: 0x77 }), dir).load('h#alice')).toBeNull();
  });

  it('reads keys serve mode left in the plain file, writes none there, and forgets them on remove', async () => {
    const dir = path.join(tmp, 'c');
    const plain = new FileKeyStore(dir);
    await plain.save('h#served', KEY);
    const store = new SafeStorageKeyStore(standIn(), dir, plain);
    expect(await store.load('h#served')).toBe(KEY);
    await store.save('h#new', 'N3wKey0123456789abcde');
    expect(await plain.load('h#new')).toBeNull();
    await store.remove('h#served');
    expect(await plain.load('h#served')).toBeNull();
    expect(await store.load('h#served')).toBeNull();
  });
});

describe('desktopKeyStore', () => {
  it('uses safeStorage when it really encrypts', () => {
    expect(desktopKeyStore(standIn(), tmp).storage).toEqual({ kind: 'safeStorage', location: path.join(tmp, 'swanlab-keys.enc.json') });
  });

  it('falls back to the 0600 plain file without a keyring, and says so', () => {
    for (const safe of [standIn({ available: false }), standIn({ backend: 'basic_text' })]) {
      expect(encryptionUsable(safe)).toBe(false);
      expect(desktopKeyStore(safe, tmp).storage).toEqual({ kind: 'file', location: path.join(tmp, 'swanlab-keys.json') });
    }
    const throwing = { ...standIn(), isEncryptionAvailable: () => { throw new Error('not ready'); } };
    expect(encryptionUsable(throwing)).toBe(false);
  });
});
