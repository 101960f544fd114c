import { CloudError, redact } from './cloudError';
import { backoffMs, DEFAULT_RETRY, parseRetryAfter, RETRY_STATUSES, type RetryPolicy } from './retryPolicy';

export interface TransportOptions {
  fetch: typeof fetch;
  /** Per attempt, headers and body included (the SDK's 60 s). */
  timeoutMs: number;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** One line per retry (redacted; names host, path and why). */
  onRetry: (message: string) => void;
}

export const DEFAULT_TRANSPORT: TransportOptions = {
  fetch: (input, init) => fetch(input, init),
  timeoutMs: 60_000,
  retry: DEFAULT_RETRY,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  onRetry: () => {},
};

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

export interface HttpResult {
  status: number;
  statusText: string;
  headers: Headers;
  body: Buffer;
  /** Why retrying stopped early for a retryable status (Retry-After beyond the budget). */
  gaveUp: string | null;
}

/**
 * One HTTP exchange with the SDK's retry behaviour: retryable statuses, timeouts and connection
 * errors are retried with urllib3's backoff, honouring Retry-After, within a total wait budget.
 * Non-2xx answers are returned (the caller decides); only timeouts and network errors throw.
 */
export class Transport {
  constructor(private readonly opts: TransportOptions, private readonly secrets: () => (string | null)[]) {}

  async send(req: HttpRequest): Promise<HttpResult> {
    const { retry } = this.opts;
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      let result: HttpResult | null = null;
      let failure: CloudError | null = null;
      try {
        result = await this.once(req);
      } catch (e) {
        if (!(e instanceof CloudError)) throw e;
        failure = e;
      }
      const retryable = failure !== null || RETRY_STATUSES.has(result!.status);
      if (!retryable || attempt >= retry.retries) {
        if (failure) throw failure;
        return result!;
      }
      const after = result ? parseRetryAfter(result.headers.get('retry-after'), this.opts.now()) : null;
      const wait = after ?? backoffMs(retry, attempt + 1);
      if (waited + wait > retry.maxTotalWaitMs) {
        if (failure) throw failure;
        return { ...result!, gaveUp: `the server asked to wait ${Math.ceil(wait / 1000)} s, beyond the ${Math.round(retry.maxTotalWaitMs / 1000)} s retry budget` };
      }
      waited += wait;
      const why = failure ? failure.kind : `${result!.status}`;
      this.opts.onRetry(redact(`SwanLab ${originOf(req.url)}: ${req.method} ${pathOf(req.url)} ${why}, retry ${attempt + 1}/${retry.retries} in ${wait} ms`, this.secrets()));
      await this.opts.sleep(wait);
    }
  }

  private async once(req: HttpRequest): Promise<HttpResult> {
    const controller = new AbortController();
    const timeoutMs = req.timeoutMs ?? this.opts.timeoutMs;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await this.opts.fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: controller.signal, redirect: 'follow' });
      const body = Buffer.from(await res.arrayBuffer());
      return { status: res.status, statusText: res.statusText, headers: res.headers, body, gaveUp: null };
    } catch (e) {
      const timedOut = controller.signal.aborted;
      throw new CloudError({
        kind: timedOut ? 'timeout' : 'network',
        host: originOf(req.url),
        method: req.method,
        path: pathOf(req.url),
        hint: timedOut ? `no answer within ${Math.round(timeoutMs / 100) / 10} s` : redact(causeText(e), this.secrets()),
      });
    } finally {
      clearTimeout(timer);
    }
  }
}

function causeText(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}

export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '(invalid URL)';
  }
}
