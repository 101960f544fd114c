import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import type { SwanlabHost } from './hosts';

/** What is remembered of an account: everything but the key (that lives in a KeyStore). */
const storedAccountSchema = z.object({
  id: z.string().min(1),
  apiHost: z.string().min(1),
  webHost: z.string().min(1),
  cloud: z.boolean(),
  kind: z.enum(['cloud', 'private']),
  username: z.string().min(1),
  name: z.string().nullable(),
  selfHosted: z.object({ root: z.boolean(), expired: z.boolean(), plan: z.string().nullable() }).nullable(),
  addedAt: z.string(),
});
export type StoredAccount = z.infer<typeof storedAccountSchema>;

const fileSchema = z.object({ version: z.literal(1), accounts: z.array(z.unknown()) });

export const ACCOUNTS_FILE = 'accounts.json';

/**
 * The user-data dir of serve mode and the CLI: `$SWANVIEW_USER_DATA_DIR`, else
 * `$XDG_CONFIG_HOME/swanview`, else `~/.config/swanview` (on Linux the desktop app's userData too).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SWANVIEW_USER_DATA_DIR) return path.resolve(env.SWANVIEW_USER_DATA_DIR);
  return path.join(env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config'), 'swanview');
}

/** The host an account was added on, rebuilt from what was stored. */
export function hostOf(a: Pick<StoredAccount, 'apiHost' | 'webHost' | 'cloud'>): SwanlabHost {
  return { apiHost: a.apiHost, apiBase: `${a.apiHost}/api`, webHost: a.webHost, cloud: a.cloud, httpsAssumedForBareAddress: false };
}

/**
 * `accounts.json` in the user-data dir: `{version: 1, accounts: [...]}`, written whole to a temp
 * file renamed into place. Entries that do not parse are skipped (and dropped at the next write).
 */
export class AccountsFile {
  readonly file: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(dir: string) {
    this.file = path.join(dir, ACCOUNTS_FILE);
  }

  async read(): Promise<StoredAccount[]> {
    await this.writing.catch(() => {});
    const text = await fs.readFile(this.file, 'utf8').catch(() => null);
    if (!text) return [];
    try {
      const raw = fileSchema.safeParse(JSON.parse(text));
      if (!raw.success) return [];
      return raw.data.accounts.flatMap((a) => {
        const ok = storedAccountSchema.safeParse(a);
        return ok.success ? [ok.data] : [];
      });
    } catch {
      return [];
    }
  }

  write(accounts: readonly StoredAccount[]): Promise<void> {
    const text = JSON.stringify({ version: 1, accounts }, null, 1);
    this.writing = this.writing.catch(() => {}).then(async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(tmp, text, { mode: 0o600 });
      await fs.rename(tmp, this.file);
    });
    return this.writing;
  }
}
