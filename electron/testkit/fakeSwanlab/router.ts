import type { IncomingHttpHeaders } from 'node:http';
import type { FakeUser } from './model';

export interface FakeRequest {
  method: string;
  /** Path below `/api`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** The logged-in user (null only on public routes). */
  user: FakeUser;
}

export interface FakeResponse {
  status?: number;
  reason?: string;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface Route {
  method: string;
  /** `/project/:ws/:project` style; a segment matches one URL-decoded path segment. */
  pattern: string;
  handler: Handler;
}

export function matchRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } | null {
  const segs = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pat = route.pattern.split('/').filter(Boolean);
    if (pat.length !== segs.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pat.length && ok; i++) {
      if (pat[i].startsWith(':')) params[pat[i].slice(1)] = decodeURIComponent(segs[i]);
      else ok = pat[i] === segs[i];
    }
    if (ok) return { route, params };
  }
  return null;
}

export const ok = (json: unknown, status = 200): FakeResponse => ({ status, json });

/** Error with the server's body shape `{code, message}` and its reason phrase. */
export function fail(status: number, message: string, reason?: string, code?: string): FakeResponse {
  return { status, reason, json: { code: code ?? String(status), message } };
}

export const notFound = (what: string) => fail(404, `${what} not found`, 'Not Found');

const PAGE_SIZES = new Set([10, 12, 15, 20, 24, 27, 50, 100]);

/** Business-API paging: 1-based `page`, `size` from the allowed set, `{list, size, pages, total}`. */
export function paged<T>(req: FakeRequest, items: T[]): FakeResponse {
  const page = Number(req.query.get('page') ?? '1');
  const size = Number(req.query.get('size') ?? '20');
  if (!PAGE_SIZES.has(size)) return fail(400, `size must be one of ${[...PAGE_SIZES].join(', ')}`, 'Bad Request');
  if (!Number.isInteger(page) || page < 1) return fail(400, 'page must be a positive integer', 'Bad Request');
  const pages = Math.ceil(items.length / size);
  return ok({ list: items.slice((page - 1) * size, page * size), size, pages, total: items.length });
}

/** Query booleans arrive as `True` (Python requests), `true` or `1`. */
export function queryBool(q: URLSearchParams, name: string, dflt: boolean): boolean {
  const v = q.get(name);
  return v === null ? dflt : ['true', '1'].includes(v.toLowerCase());
}
