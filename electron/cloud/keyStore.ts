import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SwanlabHost } from './hosts';

/** How keys are kept, as `accounts.list` reports it (`AccountsView.keyStorage`). */
export interface KeyStorageInfo {
  kind: 'safeStorage' | 'file';
  /** The file holding the keys (ciphertexts for safeStorage). */
  location: string | null;
}

/**
 * Where account API keys live. Serve mode uses FileKeyStore; the desktop app uses
 * shell/safeStorageKeyStore.ts (Electron `safeStorage`), falling back to FileKeyStore.
 */
export interface KeyStore {
  save(accountId: string, key: string): Promise<void>;
  load(accountId: string): Promise<string | null>;
  remove(accountId: string): Promise<void>;
  /** What the UI may say about where keys are kept; absent on stand-ins. */
  readonly storage?: KeyStorageInfo;
}

/** An account on a host: the host alone (its default account), or host and user name. */
export function accountIdOf(host: SwanlabHost, username?: string | null): string {
  return username ? `${host.apiHost}#${username}` : host.apiHost;
}

/**
 * A JSON object of strings in one file readable by the owner only (0600), in a 0700 dir:
 * read-modify-write one at a time, a temp file renamed into place, 0600 from creation.
 */
export class SecretFile {
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  async read(): Promise<Record<string, string>> {
    await this.writing.catch(() => {});
    return this.readNow();
  }

  private async readNow(): Promise<Record<string, string>> {
    const text = await fs.readFile(this.file, 'utf8').catch(() => null);
    if (!text) return {};
    try {
      const raw = JSON.parse(text) as unknown;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
      return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      return {};
    }
  }

  update(change: (entries: Record<string, string>) => void): Promise<void> {
    this.writing = this.writing.catch(() => {}).then(async () => {
      const entries = await this.readNow();
      change(entries);
      await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(entries, null, 1), { mode: 0o600 });
      await fs.chmod(tmp, 0o600);
      await fs.rename(tmp, this.file);
    });
    return this.writing;
  }
}

/** The plain key file's name in the user-data dir (serve mode, and the desktop fallback). */
export const KEY_FILE = 'swanlab-keys.json';

/** Keys in one JSON file readable by the owner only (0600), in a 0700 user-data dir. */
export class FileKeyStore implements KeyStore {
  readonly file: string;
  private readonly secrets: SecretFile;

  constructor(dir: string) {
    this.file = path.join(dir, KEY_FILE);
    this.secrets = new SecretFile(this.file);
  }

  get storage(): KeyStorageInfo {
    return { kind: 'file', location: this.file };
  }

  /** Every stored key by account id (for moving them into another store). */
  entries(): Promise<Record<string, string>> {
    return this.secrets.read();
  }

  save(accountId: string, key: string): Promise<void> {
    return this.secrets.update((keys) => {
      keys[accountId] = key;
    });
  }

  async load(accountId: string): Promise<string | null> {
    return (await this.secrets.read())[accountId] ?? null;
  }

  remove(accountId: string): Promise<void> {
    return this.secrets.update((keys) => {
      delete keys[accountId];
    });
  }
}
