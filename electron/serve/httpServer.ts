import { createReadStream } from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { LocalSource } from '../api/localSource';
import { SourceRegistry } from '../api/sourceRegistry';
import { UiStateStore } from '../api/uiStateStore';
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
  /** Where per-folder UI state is kept (default: the user's config dir). */
  stateFile?: string;
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

export function defaultStateFile(): string {
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'swanview', 'ui-state.json');
}

/** A request from another site (or a DNS-rebound name) must not reach the API of a loopback server. */
function foreignOrigin(req: http.IncomingMessage, own: string): boolean {
  const origin = req.headers.origin;
  if (origin && origin !== own) return true;
  const hostHeader = req.headers.host ?? '';
  return own.includes('127.0.0.1') || own.includes('[::1]') ? !/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(hostHeader) : false;
}

/**
 * `swanview serve`: SwanLab's board API at /api/v1, the typed contract at /rpc (same as the
 * desktop app's IPC), and the built UI at `/`. Binds loopback unless told otherwise.
 */
export async function startServer(ws: LocalWorkspace, opts: ServeOptions): Promise<RunningServer> {
  const board = new BoardApi(ws);
  const source = new LocalSource(ws, false);
  const store = new UiStateStore(opts.stateFile ?? defaultStateFile());
  const sources = new SourceRegistry({ get: () => source, onChange: (l) => source.onChange(l) });
  const rpc = createRpcRoutes({ sources, store, mediaUrl, open: null, accounts: null });
  const staticDir = opts.staticDir ?? DEFAULT_STATIC_DIR;
  let own = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (foreignOrigin(req, own)) {
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
  return {
    url: own,
    close: () => new Promise<void>((resolve) => {
      sources.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
