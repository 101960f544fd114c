import { createReadStream } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { prefetchFirstScreen, type ApiHost } from '../api/dispatch';
import { LocalSource } from '../api/localSource';
import { SourceRegistry } from '../api/sourceRegistry';
import { UiStateStore } from '../api/uiStateStore';
import { AccountManager, type AccountManagerOptions } from '../cloud/accountManager';
import { defaultDataDir } from '../cloud/accountsFile';
import { FileKeyStore } from '../cloud/keyStore';
import type { LocalWorkspace } from '../swanlog/workspace';
import { BoardApi, dataError } from './board/boardApi';
import { contentTypeOf } from './mediaTypes';
import { createRpcRoutes, mediaUrl } from './rpcRoutes';
import { serveStatic } from './staticFiles';

export interface ServeOptions {
  host: string;
  port: number;
  /** Built renderer to serve at `/` (default: dist/renderer next to this file's build). */
  staticDir?: string;
  /** Where per-folder UI state is kept (default: `ui-state.json` in the user-data dir). */
  stateFile?: string;
  /**
   * The user-data dir: `accounts.json`, the 0600 key file `swanlab-keys.json`, the cloud media
   * cache (default: `$SWANVIEW_USER_DATA_DIR`, else `$XDG_CONFIG_HOME/swanview`, else ~/.config/swanview).
   */
  dataDir?: string;
  /** Account service settings (tests: where import looks, client timeouts); false: no accounts. */
  accounts?: Partial<Omit<AccountManagerOptions, 'dataDir' | 'keys'>> | false;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_STATIC_DIR = path.resolve(__dirname, '..', '..', 'renderer');

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

export function defaultStateFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(defaultDataDir(env), 'ui-state.json');
}

/** 127.0.0.0/8 or ::1 (also as an IPv4-mapped address). */
export function isLoopbackAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').replace(/^::ffff:/i, '');
  return a === '::1' || /^127(\.\d{1,3}){3}$/.test(a);
}

export const ACCOUNTS_OFF_NETWORK = 'SwanLab accounts are offered only when swanview serve listens on loopback (127.0.0.1, the default): '
  + 'this server listens on a network address, and would hand your SwanLab data and key-backed access to anyone who can reach it. '
  + 'Start it with --host 127.0.0.1 to use accounts.';

/** A request from another site (or a DNS-rebound name) must not reach the API of a loopback server. */
function foreignOrigin(req: http.IncomingMessage, own: string, loopback: boolean): boolean {
  const origin = req.headers.origin;
  if (origin && origin !== own) return true;
  const hostHeader = req.headers.host ?? '';
  return loopback ? !/^(127(\.\d{1,3}){3}|localhost|\[::1\])(:\d+)?$/.test(hostHeader) : false;
}

/**
 * `swanview serve`: SwanLab's board API at /api/v1, the typed contract at /rpc (same as the
 * desktop app's IPC), and the built UI at `/`. Binds loopback unless told otherwise.
 */
export async function startServer(ws: LocalWorkspace, opts: ServeOptions): Promise<RunningServer> {
  const board = new BoardApi(ws);
  const source = new LocalSource(ws, false);
  const dataDir = path.resolve(opts.dataDir ?? defaultDataDir());
  const store = new UiStateStore(opts.stateFile ?? path.join(dataDir, 'ui-state.json'));
  const sources = new SourceRegistry({ get: () => source, onChange: (l) => source.onChange(l) });
  prefetchFirstScreen(source, store);
  // accounts are switched on once the bound address is known (loopback only)
  const api: ApiHost = { sources, store, mediaUrl, open: null, accounts: null, accountsOff: 'SwanLab accounts are switched off for this server' };
  const rpc = createRpcRoutes(api);
  const staticDir = opts.staticDir ?? DEFAULT_STATIC_DIR;
  let own = '';
  let loopback = true;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (foreignOrigin(req, own, loopback)) {
      sendJson(res, 403, { code: 3403, message: 'cross-origin requests are refused' });
      return;
    }
    const handle = async () => {
      if (await rpc(req, res, url)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, { code: 3405, message: `${req.method} is not supported: this server is read-only` });
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        const r = await board.handle(url.pathname, url.searchParams);
        if ('file' in r) {
          res.writeHead(200, { 'content-type': contentTypeOf(r.file) });
          createReadStream(r.file).on('error', () => res.destroy()).pipe(res);
        } else sendJson(res, r.status, r.json);
        return;
      }
      if (await serveStatic(staticDir, url, res)) return;
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`swanview serve: the UI is not built (${staticDir} is missing; run npm run build). The board API is at /api/v1/project.\n`);
        return;
      }
      sendJson(res, 404, { code: 3404, message: `not found: ${url.pathname}` });
    };
    handle().catch((e: Error) => {
      const r = dataError(e.message);
      if (!res.headersSent) sendJson(res, r.status, 'json' in r ? r.json : null);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  own = `http://${host}:${addr.port}`;
  loopback = isLoopbackAddress(addr.address);
  if (!loopback) api.accountsOff = ACCOUNTS_OFF_NETWORK;
  else if (opts.accounts !== false) api.accounts = new AccountManager({ ...opts.accounts, dataDir, keys: new FileKeyStore(dataDir) });
  return {
    url: own,
    close: () => new Promise<void>((resolve) => {
      api.accounts?.close();
      sources.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
