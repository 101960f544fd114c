import { randomInt } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountRoutes } from './accountRoutes';
import { Faults, type FaultAnswer } from './faults';
import { houseRoutes } from './houseRoutes';
import { legacyRoutes } from './legacyRoutes';
import type { FakeModel } from './model';
import { projectRoutes } from './projectRoutes';
import { fail, matchRoute, type FakeResponse, type Route } from './router';
import { sampleModel } from './sampleModel';
import { selfHostedRoutes } from './selfHostedRoutes';
import { FakeSessions } from './sessions';
import { FakeStorage } from './storage';

export interface FakeSwanlabOptions {
  /** cloud: storage on its own origin, no /self_hosted; private: one origin for API, storage and UI. */
  flavour?: 'cloud' | 'private';
  model?: FakeModel;
  now?: () => number;
  presignTtlMs?: number;
  /** Port of the API origin (default: any free one); a test restarts a stopped host on its old port. */
  port?: number;
}

export interface LoggedRequest {
  method: string;
  /** Below /api. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface FakeSwanlab {
  /** What a user types as host: the API origin (`http://127.0.0.1:<port>`). */
  origin: string;
  storageOrigin: string;
  model: FakeModel;
  faults: Faults;
  sessions: FakeSessions;
  /** Every API request, in arrival order. */
  requests: LoggedRequest[];
  /** Requests to `METHOD /path` (path below /api, without query). */
  count(method: string, path: string | RegExp): number;
  close(): Promise<void>;
}

const traceId = () => Array.from({ length: 16 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[randomInt(36)]).join('');

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function write(res: http.ServerResponse, r: FakeResponse): void {
  const status = r.status ?? 200;
  const body = r.text ?? (r.json === undefined ? '' : JSON.stringify(r.json));
  const type = r.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(status, r.reason ?? http.STATUS_CODES[status] ?? '', { 'content-type': type, TraceId: traceId(), ...r.headers });
  res.end(body);
}

function listen(server: http.Server, port = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

/**
 * A SwanLab server on 127.0.0.1 (port 0) that follows the protocol doc: everything under
 * `/api`, API-key login to a `sid` cookie, a TraceId on every answer, the business, house,
 * legacy-column, presigning and self-hosted endpoints over an in-memory model, and faults
 * switchable per test.
 */
export async function startFakeSwanlab(opts: FakeSwanlabOptions = {}): Promise<FakeSwanlab> {
  const flavour = opts.flavour ?? 'private';
  const model = opts.model ?? sampleModel();
  const now = opts.now ?? Date.now;
  const faults = new Faults();
  const sessions = new FakeSessions(model, now);
  const storage = new FakeStorage(model.objects, faults, now, opts.presignTtlMs);
  const routes: Route[] = [
    ...accountRoutes(model),
    ...projectRoutes(model),
    ...houseRoutes(model, storage, faults),
    ...legacyRoutes(model, storage, faults),
    ...selfHostedRoutes(model, flavour === 'private'),
  ];
  const requests: LoggedRequest[] = [];

  const echo = (req: http.IncomingMessage, message: string) =>
    (faults.echoCredentials ? `${message} (cookie: ${req.headers.cookie ?? ''}; authorization: ${req.headers.authorization ?? ''})` : message);

  const injected = (req: http.IncomingMessage, a: FaultAnswer): FakeResponse => ({
    status: a.status,
    reason: a.reason,
    headers: a.retryAfter === undefined ? undefined : { 'Retry-After': a.retryAfter },
    ...(a.body !== undefined ? { text: a.body } : { json: { code: String(a.status), message: echo(req, 'injected failure') } }),
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice('/api'.length) || '/';
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown = null;
    if (raw.trim()) {
      try {
        body = JSON.parse(raw);
      } catch {
        return write(res, fail(400, 'body is not JSON', 'Bad Request'));
      }
    }
    requests.push({ method, path, query: url.searchParams, headers: req.headers, body });

    const fault = faults.take(`${method} ${path}`);
    if (fault === 'hang') return; // the answer never comes; the socket is destroyed on close
    if (fault) return write(res, injected(req, fault));

    if (method === 'GET' && path === '/') return write(res, { text: 'OK' });
    if (method === 'POST' && path === '/login/api_key') {
      const user = model.users.find((u) => u.apiKey === req.headers.authorization);
      if (!user) return write(res, fail(401, echo(req, 'invalid api key'), 'Authorization Required', 'UNAUTHORIZED'));
      if (!user.verified) return write(res, fail(403, 'You need to be verified first', 'Forbidden'));
      const { sid, expiredAt } = sessions.login(user);
      return write(res, { json: { sid, expiredAt, userInfo: { username: user.username, name: user.name } }, headers: { 'Set-Cookie': `sid=${sid}; Path=/; HttpOnly` } });
    }
    const user = sessions.resolve(req.headers);
    if (!user) return write(res, fail(401, echo(req, 'session invalid or expired'), 'Authorization Required', 'UNAUTHORIZED'));
    const hit = matchRoute(routes, method, path);
    if (!hit) return write(res, fail(404, `Cannot ${method} /api${path}`, 'Not Found'));
    const answer = await hit.route.handler({ method, path, params: hit.params, query: url.searchParams, body, headers: req.headers, user });
    if (answer.status !== undefined && answer.status >= 400 && answer.json && typeof answer.json === 'object') {
      const j = answer.json as { message?: string };
      if (j.message) j.message = echo(req, j.message);
    }
    write(res, answer);
  }

  const api = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (flavour === 'private' && storage.handle(req, res, url)) return;
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      handleApi(req, res, url).catch((e: Error) => write(res, fail(500, e.message, 'Internal Server Error')));
    } else write(res, { status: 404, text: 'web UI not served by the fake' });
  });
  const origin = await listen(api, opts.port);
  let storageServer: http.Server | null = null;
  if (flavour === 'cloud') {
    storageServer = http.createServer((req, res) => {
      if (!storage.handle(req, res, new URL(req.url ?? '/', 'http://fake'))) write(res, { status: 404, text: 'no such bucket' });
    });
    storage.origin = await listen(storageServer);
  } else storage.origin = origin;

  const close = (s: http.Server) => new Promise<void>((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  });
  return {
    origin,
    storageOrigin: storage.origin,
    model,
    faults,
    sessions,
    requests,
    count: (method, path) => requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))).length,
    close: async () => {
      await close(api);
      if (storageServer) await close(storageServer);
    },
  };
}
