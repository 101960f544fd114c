import { existsSync } from 'node:fs';
import * as os from 'node:os';
import { AccountsFile, defaultDataDir } from '../cloud/accountsFile';
import { CloudExportRun } from '../cloud/cloudExportRun';
import { isNotFound } from '../cloud/clientContext';
import type { CloudProject, CloudRun } from '../cloud/cloudTypes';
import { importAccounts } from '../cloud/credentials';
import { resolveHost, type SwanlabHost } from '../cloud/hosts';
import { accountIdOf, FileKeyStore } from '../cloud/keyStore';
import { mapLimited } from '../cloud/limiter';
import { createClient, type SwanlabClient } from '../cloud/swanlabClient';
import { lastFlag, parseArgs, UsageError, type ParsedArgs } from './args';
import { exportChoice, progress, writeExport } from './writeExport';

export const CLOUD_EXPORT_USAGE = 'swanview export WORKSPACE/PROJECT[/RUN] [--host URL] [--api-key KEY] [--keys k1,k2] [--format csv|json] [--out FILE] [--summary]';

const VALUED = new Set(['host', 'api-key', 'keys', 'format', 'out']);
/** workspace (a user name) / project (`[0-9a-zA-Z-_.+]`) [/ run id, slug or name]. */
const CLOUD_PATH = /^[A-Za-z0-9_-][\w.-]*\/[\w.+-]+(\/[^/\\\s]+)?$/;

function parse(argv: string[]): ParsedArgs | null {
  try {
    return parseArgs(argv, VALUED);
  } catch {
    return null;
  }
}

/**
 * `export` reads an account when PATH looks like `workspace/project[/run]`, is not a local
 * path, and a host or a key is given (flag or `SWANLAB_API_KEY`).
 */
export function isCloudExport(argv: string[], env: NodeJS.ProcessEnv): boolean {
  const a = parse(argv);
  if (!a || a.positional.length !== 1) return false;
  const target = a.positional[0];
  if (!CLOUD_PATH.test(target) || existsSync(target)) return false;
  return a.flags.has('host') || a.flags.has('api-key') || !!env.SWANLAB_API_KEY?.trim();
}

/** The serve-mode user-data dir (see `defaultDataDir`), where `accounts.json` and the file key store live. */
export function configDir(env: NodeJS.ProcessEnv): string {
  return defaultDataDir(env);
}

/**
 * The key of an account added in `swanview serve` (or in the desktop app without a keyring) on
 * `host`: the one whose user is `workspace` first, then the others in the order they were
 * added; then a key an older store kept under the bare host. Keys the desktop app sealed with
 * safeStorage can only be read by it: those accounts are named so the message can say so.
 */
async function storedKey(host: SwanlabHost, workspace: string, env: NodeJS.ProcessEnv): Promise<{ key: string | null; sealed: string[] }> {
  const dir = configDir(env);
  const keys = new FileKeyStore(dir);
  const accounts = (await new AccountsFile(dir).read()).filter((a) => a.apiHost === host.apiHost);
  accounts.sort((a, b) => Number(b.username === workspace) - Number(a.username === workspace));
  for (const a of accounts) {
    const key = await keys.load(a.id);
    if (key) return { key, sealed: [] };
  }
  return { key: await keys.load(accountIdOf(host)), sealed: accounts.map((a) => a.username) };
}

/** `--api-key`, `SWANLAB_API_KEY`, the stored key of an account on the host, or a `.netrc` entry for the host. */
async function apiKeyFor(host: SwanlabHost, workspace: string, flag: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  const direct = flag?.trim() || env.SWANLAB_API_KEY?.trim();
  if (direct) return direct;
  const stored = await storedKey(host, workspace, env);
  if (stored.key) return stored.key;
  const imported = await importAccounts({ env, home: env.HOME || os.homedir(), cwd: process.cwd() });
  const match = imported.find((acc) => acc.host.apiHost === host.apiHost);
  if (match) return match.apiKey;
  const sealed = stored.sealed.length ? ` (the desktop app keeps the key of ${stored.sealed.join(', ')} in the OS keyring, which only it can read)` : '';
  throw new UsageError(`no API key for ${host.apiHost}${sealed}: pass --api-key, set SWANLAB_API_KEY, add the account in \`swanview serve\`, or log in with \`swanlab login --host ${host.apiHost}\``);
}

async function pickRuns(client: SwanlabClient, project: CloudProject, runId: string | undefined): Promise<CloudRun[]> {
  if (runId) {
    try {
      return [await client.run(project, runId)];
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    const named = (await client.runs(project, { all: true })).filter((r) => r.info.name === runId);
    if (!named.length) throw new UsageError(`no run with id, slug or name ${runId} in ${project.workspace}/${project.name}`);
    return named;
  }
  const runs = await client.runs(project, { all: true });
  return runs.sort((x, y) => (x.info.createdAt ?? '').localeCompare(y.info.createdAt ?? ''));
}

/** `swanview export WORKSPACE/PROJECT[/RUN] --host URL`: the account's runs in the local export's shapes. */
export async function cloudExportCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const a = parseArgs(argv, VALUED);
  if (a.positional.length !== 1 || !CLOUD_PATH.test(a.positional[0])) throw new UsageError('export needs WORKSPACE/PROJECT[/RUN]');
  const [workspace, projectName, runId] = a.positional[0].split('/');
  const choice = exportChoice(a);
  const host = resolveHost(lastFlag(a, 'host') ?? env.SWANLAB_API_HOST);
  if (host.httpsAssumedForBareAddress) progress(`note: no scheme given, using ${host.apiHost}`);
  const client = createClient({ host, apiKey: await apiKeyFor(host, workspace, lastFlag(a, 'api-key'), env) });

  const project = await client.project(workspace, projectName);
  const runs = await pickRuns(client, project, runId);
  progress(`${runs.length} run(s) in ${host.webHost}/@${workspace}/${projectName}`);
  const exportRuns = await mapLimited(runs, 4, (r) => CloudExportRun.load(client, r));
  await writeExport(exportRuns, choice);
}
