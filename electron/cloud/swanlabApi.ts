import type { z } from 'zod';
import { CloudError, redact } from './cloudError';
import type { SwanlabHost } from './hosts';
import { Limiter } from './limiter';
import { loginSchema, needsLogin, sessionFrom, type Session } from './session';
import { DEFAULT_TRANSPORT, originOf, pathOf, Transport, type HttpResult, type TransportOptions } from './transport';

export interface ApiOptions {
  transport?: Partial<TransportOptions>;
  loginTimeoutMs?: number;
  /** Log in again once and repeat a call that got 401 (the SDK does not; doc §2.3 recommends it). */
  reloginOn401?: boolean;
  /** Requests in flight at once. */
  concurrency?: number;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface CallOptions {
  query?: Query;
  body?: unknown;
  timeoutMs?: number;
}

/**
 * Authenticated JSON calls to one SwanLab host: API key → `sid` session (refreshed by the SDK's
 * 7-day rule, and once more after a 401), the `sid` cookie on every call, and errors that name
 * host, status and TraceId but never the key or the session.
 */
export class SwanlabApi {
  readonly #apiKey: string;
  #session: Session | null = null;
  #loggingIn: Promise<Session> | null = null;
  private readonly transport: Transport;
  private readonly opts: TransportOptions;
  private readonly limiter: Limiter;

  constructor(readonly host: SwanlabHost, apiKey: string, private readonly options: ApiOptions = {}) {
    this.#apiKey = apiKey.trim();
    this.opts = { ...DEFAULT_TRANSPORT, ...options.transport };
    this.transport = new Transport(this.opts, () => this.secrets());
    this.limiter = new Limiter(options.concurrency ?? 4);
  }

  private secrets(): (string | null)[] {
    return [this.#apiKey, this.#session?.sid ?? null];
  }

  /** The current session, logging in first when there is none or it is within 7 days of expiry. */
  async session(): Promise<Session> {
    if (!needsLogin(this.#session, this.opts.now())) return this.#session!;
    return this.login();
  }

  /** Logs in with the API key now (concurrent callers share one login). */
  login(): Promise<Session> {
    this.#loggingIn ??= this.doLogin().finally(() => {
      this.#loggingIn = null;
    });
    return this.#loggingIn;
  }

  private async doLogin(): Promise<Session> {
    const url = `${this.host.apiBase}/login/api_key`;
    const res = await this.limiter.run(() => this.transport.send({
      method: 'POST', url, headers: { authorization: this.#apiKey }, timeoutMs: this.options.loginTimeoutMs ?? 20_000,
    }));
    if (res.status === 401) throw this.errorOf(res, 'POST', url, 'auth', 'the API key was rejected');
    if (res.status === 403) throw this.errorOf(res, 'POST', url, 'auth', 'the account is not verified, or this private instance is not activated yet');
    if (res.status < 200 || res.status > 299) throw this.errorOf(res, 'POST', url, 'http');
    this.#session = sessionFrom(this.parse(res, 'POST', url, loginSchema));
    return this.#session;
  }

  /** A JSON call validated by `schema`; non-2xx answers throw CloudError. */
  async call<S extends z.ZodType>(method: string, path: string, schema: S, opts: CallOptions = {}): Promise<z.infer<S>> {
    const url = this.urlOf(path, opts.query);
    const res = await this.callRaw(method, path, opts);
    return this.parse(res, method, url, schema);
  }

  /** The raw 2xx answer of an authenticated call. */
  async callRaw(method: string, path: string, opts: CallOptions = {}): Promise<HttpResult> {
    const url = this.urlOf(path, opts.query);
    let relogged = false;
    for (;;) {
      const session = await this.session();
      const headers: Record<string, string> = { cookie: `sid=${session.sid}`, accept: 'application/json' };
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      const res = await this.limiter.run(() => this.transport.send({
        method, url, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), timeoutMs: opts.timeoutMs,
      }));
      if (res.status === 401 && !relogged && this.options.reloginOn401 !== false) {
        // the session expired server-side before its expiredAt: log in once and repeat
        relogged = true;
        if (this.#session === session) this.#session = null;
        continue;
      }
      if (res.status >= 200 && res.status <= 299) return res;
      throw this.errorOf(res, method, url, res.status === 401 ? 'auth' : 'http');
    }
  }

  /** `GET {apiBase}/` answers the text `OK` on a healthy server. */
  async ping(): Promise<boolean> {
    const res = await this.transport.send({ method: 'GET', url: `${this.host.apiBase}/`, timeoutMs: 5000 }).catch(() => null);
    return res !== null && res.status === 200 && res.body.toString('utf8').trim() === 'OK';
  }

  /** GET of a presigned storage URL: no cookie (it is not our API); non-2xx throws CloudError. */
  async download(url: string): Promise<Buffer> {
    const res = await this.limiter.run(() => this.transport.send({ method: 'GET', url }));
    if (res.status >= 200 && res.status <= 299) return res.body;
    throw this.errorOf(res, 'GET', url, 'http');
  }

  private urlOf(path: string, query?: Query): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) params.set(k, String(v));
    const qs = params.toString();
    return `${this.host.apiBase}${path}${qs ? `?${qs}` : ''}`;
  }

  private parse<S extends z.ZodType>(res: HttpResult, method: string, url: string, schema: S): z.infer<S> {
    let json: unknown = null;
    const text = res.body.toString('utf8');
    if (text.trim()) {
      try {
        json = JSON.parse(text);
      } catch {
        throw this.protocolError(res, method, url, 'the answer is not JSON');
      }
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.protocolError(res, method, url, `unexpected answer at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    return parsed.data;
  }

  private protocolError(res: HttpResult, method: string, url: string, hint: string): CloudError {
    return new CloudError({ kind: 'protocol', host: originOf(url), method, path: pathOf(url), status: res.status, traceId: res.headers.get('traceid'), hint });
  }

  private errorOf(res: HttpResult, method: string, url: string, kind: 'http' | 'auth', hint?: string): CloudError {
    const { code, message } = errorBody(res.body.toString('utf8'));
    const secrets = this.secrets();
    const clean = (s: string | null) => (s === null ? null : redact(s, secrets));
    return new CloudError({
      kind,
      host: originOf(url),
      method,
      path: pathOf(url),
      status: res.status,
      reason: clean(res.statusText || null),
      code: clean(code),
      serverMessage: clean(message),
      traceId: clean(res.headers.get('traceid')),
      hint: [hint, res.gaveUp].filter(Boolean).join('; ') || null,
    });
  }
}

/** `{code, message}` of an error body (JSON, or the first words of whatever else it is). */
function errorBody(text: string): { code: string | null; message: string | null } {
  const trimmed = text.trim();
  if (!trimmed) return { code: null, message: null };
  try {
    const j = JSON.parse(trimmed) as Record<string, unknown>;
    if (j && typeof j === 'object') {
      const code = j.code ?? null;
      const message = j.message ?? j.errmsg ?? j.detail ?? null;
      return { code: code === null ? null : String(code), message: message === null ? null : String(message) };
    }
  } catch {
    // not JSON: fall through
  }
  const plain = trimmed.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return { code: null, message: plain ? plain.slice(0, 200) : null };
}
