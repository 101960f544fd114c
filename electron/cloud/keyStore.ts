import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SwanlabHost } from './hosts';

/**
 * Where account API keys live. Serve mode uses FileKeyStore; the desktop shell will provide
 * an implementation on Electron `safeStorage`.
 */
export interface KeyStore {
  save(accountId: string, key: string): Promise<void>;
  load(accountId: string): Promise<string | null>;
  remove(accountId: string): Promise<void>;
}

/** An account on a host: the host alone (its default account), or host and user name. */
export function accountIdOf(host: SwanlabHost, username?: string | null): string {
  return username ? `${host.apiHost}#${username}` : host.apiHost;
}

/** Keys in one JSON file readable by the owner only (0600), in a 0700 user-data dir. */
export class FileKeyStore implements KeyStore {
  readonly file: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(dir: string) {
    this.file = path.join(dir, 'swanlab-keys.json');
  }

  private async read(): Promise<Record<string, string>> {
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

  /** Read-modify-write, one at a time; a temp file renamed into place, 0600 from creation. */
  private update(change: (keys: Record<string, string>) => void): Promise<void> {
    this.writing = this.writing.catch(() => {}).then(async () => {
      const keys = await this.read();
      change(keys);
      await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(keys, null, 1), { mode: 0o600 });
      await fs.chmod(tmp, 0o600);
      await fs.rename(tmp, this.file);
    });
    return this.writing;
  }

  save(accountId: string, key: string): Promise<void> {
    return this.update((keys) => {
      keys[accountId] = key;
    });
  }

  async load(accountId: string): Promise<string | null> {
    await this.writing.catch(() => {});
    return (await this.read())[accountId] ?? null;
  }

  remove(accountId: string): Promise<void> {
    return this.update((keys) => {
      delete keys[accountId];
    });
  }
}
