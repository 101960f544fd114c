import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatOrigin, resolveHost, type SwanlabHost } from './hosts';
import { parseNetrc } from './netrc';

/** An account found on this machine: where it came from, the resolved host and the key. */
export interface ImportedAccount {
  /** The netrc file, or `SWANLAB_API_KEY`. */
  source: string;
  host: SwanlabHost;
  apiKey: string;
}

export interface CredentialSources {
  env?: NodeJS.ProcessEnv;
  home?: string;
  cwd?: string;
}

/** 0.9 strips one pair of matching surrounding quotes from env values. */
function envValue(env: NodeJS.ProcessEnv, name: string): string | null {
  const v = env[name]?.trim();
  if (!v) return null;
  const unquoted = /^(["']).*\1$/.test(v) && v.length >= 2 ? v.slice(1, -1) : v;
  return unquoted || null;
}

/** `<root>/.netrc`, root = `$SWANLAB_ROOT`, legacy `$SWANLAB_SAVE_DIR`, else `~/.swanlab`. */
export function globalNetrcPath(src: CredentialSources = {}): string {
  const env = src.env ?? process.env;
  const root = envValue(env, 'SWANLAB_ROOT') ?? envValue(env, 'SWANLAB_SAVE_DIR') ?? path.join(src.home ?? os.homedir(), '.swanlab');
  return path.join(root, '.netrc');
}

/**
 * netrc entries: `machine` = API host (a legacy `/api` suffix is dropped with the path),
 * `login` = web host URL (0.7: when it is not a URL, the machine is the web host), `password` = key.
 */
async function netrcAccounts(file: string): Promise<ImportedAccount[]> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return [];
  const out: ImportedAccount[] = [];
  for (const e of parseNetrc(text)) {
    if (!e.machine || !e.password) continue;
    let web: string | null = null;
    try {
      web = e.login && e.login.includes('://') ? formatOrigin(e.login).origin : null;
    } catch {
      web = null;
    }
    try {
      out.push({ source: file, host: resolveHost(e.machine, web), apiKey: e.password });
    } catch {
      // an unusable machine line is skipped, like an unreadable file
    }
  }
  return out;
}

/**
 * Accounts the SwanLab SDK left on this machine, most specific first: `SWANLAB_API_KEY` (with
 * `SWANLAB_API_HOST` / `SWANLAB_WEB_HOST`), the project-local `./.swanlab/.netrc`, then the
 * global netrc. Read only: `.netrc` is never written (it would clobber the CLI login).
 */
export async function importAccounts(src: CredentialSources = {}): Promise<ImportedAccount[]> {
  const env = src.env ?? process.env;
  const out: ImportedAccount[] = [];
  const key = envValue(env, 'SWANLAB_API_KEY');
  if (key) out.push({ source: 'SWANLAB_API_KEY', host: resolveHost(envValue(env, 'SWANLAB_API_HOST'), envValue(env, 'SWANLAB_WEB_HOST')), apiKey: key });
  const local = path.join(src.cwd ?? process.cwd(), '.swanlab', '.netrc');
  const global = globalNetrcPath(src);
  out.push(...(await netrcAccounts(local)));
  if (path.resolve(global) !== path.resolve(local)) out.push(...(await netrcAccounts(global)));
  return out.filter((a, i) => out.findIndex((b) => b.host.apiHost === a.host.apiHost && b.apiKey === a.apiKey) === i);
}
