import { createReadStream } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BoardApi, dataError } from './board/boardApi';
import { contentTypeOf } from './mediaTypes';
import type { LocalWorkspace } from '../swanlog/workspace';

export interface ServeOptions {
  host: string;
  port: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** `swanview serve`: the board API (and later the UI) over HTTP, bound to loopback by default. */
export async function startServer(ws: LocalWorkspace, opts: ServeOptions): Promise<RunningServer> {
  const board = new BoardApi(ws);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { code: 3405, message: `${req.method} is not supported: this server is read-only` });
      return;
    }
    board.handle(url.pathname, url.searchParams).then((r) => {
      if ('file' in r) {
        res.writeHead(200, { 'content-type': contentTypeOf(r.file) });
        createReadStream(r.file).on('error', () => res.destroy()).pipe(res);
      } else {
        sendJson(res, r.status, r.json);
      }
    }).catch((e: Error) => {
      const r = dataError(e.message);
      sendJson(res, r.status, 'json' in r ? r.json : null);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
