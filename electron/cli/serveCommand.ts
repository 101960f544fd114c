import * as path from 'node:path';
import { defaultDataDir } from '../cloud/accountsFile';
import { KEY_FILE } from '../cloud/keyStore';
import { ACCOUNTS_OFF_NETWORK, isLoopbackAddress, startServer } from '../serve/httpServer';
import { LocalWorkspace } from '../swanlog/workspace';
import { lastFlag, parseArgs, UsageError } from './args';
import { reportIssues } from './reportIssues';

export const SERVE_USAGE = 'swanview serve [PATH] [--host 127.0.0.1] [--port 5092] [--data-dir DIR]';

/** Same defaults as `swanlab watch`: PATH from $SWANLAB_LOG_DIR, then ./swanlog. */
export function defaultLogDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SWANLAB_LOG_DIR || path.resolve('swanlog');
}

/** Starts the server and returns its URL; it runs until SIGINT/SIGTERM. */
export async function serveCommand(argv: string[]): Promise<string> {
  const a = parseArgs(argv, new Set(['host', 'port', 'data-dir']), { '-h': '--host', '-p': '--port' });
  if (a.positional.length > 1) throw new UsageError(`serve takes one PATH, got ${a.positional.length}`);
  const host = lastFlag(a, 'host') ?? '127.0.0.1';
  const port = Number(lastFlag(a, 'port') ?? 5092);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got ${lastFlag(a, 'port')}`);
  const target = a.positional[0] ?? defaultLogDir();
  const ws = await LocalWorkspace.open(target);
  reportIssues(ws);
  ws.watch(1000);
  const dataDirFlag = lastFlag(a, 'data-dir');
  const dataDir = dataDirFlag ? path.resolve(dataDirFlag) : defaultDataDir();
  const server = await startServer(ws, { host, port, dataDir });
  process.stderr.write(`swanview: serving ${ws.runs.length} run(s) of ${ws.target} at ${server.url}\n`);
  if (isLoopbackAddress(new URL(server.url).hostname)) process.stderr.write(`swanview: SwanLab accounts: keys in ${path.join(dataDir, KEY_FILE)} (0600)\n`);
  else process.stderr.write(`swanview: ${ACCOUNTS_OFF_NETWORK}\n`);
  process.stdout.write(`${server.url}\n`);
  const stop = () => {
    ws.close();
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return server.url;
}
