import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

/** The serve-mode user-data dir (`$XDG_CONFIG_HOME/swanview`), where the file key store lives. */
export function configDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config'), 'swanview');
}

/** `--api-key`, `SWANLAB_API_KEY`, the stored key of the host's account, or a `.netrc` entry for the host. */
async function apiKeyFor(host: SwanlabHost, flag: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  const direct = flag?.trim() || env.SWANLAB_API_KEY?.trim();
  if (direct) return direct;
  const stored = await new FileKeyStore(configDir(env)).load(accountIdOf(host));
  if (stored) return stored;
  const imported = await importAccounts({ env, home: env.HOME || os.homedir(), cwd: process.cwd() });
  const match = imported.find((acc) => acc.host.apiHost === host.apiHost);
  if (match) return match.apiKey;
  throw new UsageError(`no API key for ${host.apiHost}: pass --api-key, set SWANLAB_API_KEY, or log in with \`swanlab login --host ${host.apiHost}\``);
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
  const client = createClient({ host, apiKey: await apiKeyFor(host, lastFlag(a, 'api-key'), env) });

  const project = await client.project(workspace, projectName);
  const runs = await pickRuns(client, project, runId);
  progress(`${runs.length} run(s) in ${host.webHost}/@${workspace}/${projectName}`);
  const exportRuns = await mapLimited(runs, 4, (r) => CloudExportRun.load(client, r));
  await writeExport(exportRuns, choice);
}
