import { createReadStream } from 'node:fs';
import type * as http from 'node:http';
import type { ChangeEvent } from '../../shared/contract';
import { ContractError } from '../../shared/contract';
import { encodeWire, decodeWire } from '../../shared/wire';
import { createHandlers, dispatch, type ApiHost } from '../api/dispatch';
import { contentTypeOf } from './mediaTypes';

const MAX_BODY = 1 << 20;

export const RPC_PREFIX = '/rpc/';
export const MEDIA_PATH = '/rpc-media';
export const EVENTS_PATH = '/rpc-events';

export function mediaUrl(source: string, runId: string, key: string, file: string): string {
  return `${MEDIA_PATH}?${new URLSearchParams({ source, run: runId, key, file })}`;
}

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new ContractError('body', 'request body too large', 413));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The typed contract over HTTP: POST /rpc/<channel>, server-sent change events, media bytes. */
export function createRpcRoutes(host: ApiHost) {
  const handlers = createHandlers(host);
  return async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname.startsWith(RPC_PREFIX)) {
      if (req.method !== 'POST') {
        send(res, 405, JSON.stringify({ error: 'use POST' }));
        return true;
      }
      try {
        const text = await readBody(req);
        const body = text ? decodeWire<unknown>(text) : {};
        const result = await dispatch(handlers, decodeURIComponent(url.pathname.slice(RPC_PREFIX.length)), body);
        send(res, 200, encodeWire(result));
      } catch (e) {
        const err = e as Error & { status?: number };
        send(res, err.status ?? (e instanceof SyntaxError ? 400 : 500), JSON.stringify({ error: err.message }));
      }
      return true;
    }
    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      const push = (e: ChangeEvent) => res.write(`data: ${encodeWire(e)}\n\n`);
      const off = host.sources.onChange(push);
      const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
      req.on('close', () => {
        off();
        clearInterval(ping);
      });
      return true;
    }
    if (url.pathname === MEDIA_PATH) {
      const q = url.searchParams;
      const file = await host.sources.find(q.get('source') ?? '')?.mediaFile(q.get('run') ?? '', q.get('key') ?? '', q.get('file') ?? '').catch(() => null);
      if (!file) {
        send(res, 404, JSON.stringify({ error: 'no such media file' }));
        return true;
      }
      res.writeHead(200, { 'content-type': contentTypeOf(file), 'cache-control': 'private, max-age=3600' });
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
      return true;
    }
    return false;
  };
}
