/** Statuses the SDK's urllib3 adapter retries (protocol doc §9). */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** urllib3 `backoff_factor` in ms. */
  backoffFactorMs: number;
  /** Cap on the total time spent waiting between attempts of one request. */
  maxTotalWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, backoffFactorMs: 500, maxTotalWaitMs: 30_000 };

/** urllib3's schedule for retry number `n` (1-based): immediately, then factor·2^(n−1) = 0, 1, 2, 4, 8 s. */
export function backoffMs(policy: RetryPolicy, n: number): number {
  return n <= 1 ? 0 : policy.backoffFactorMs * 2 ** (n - 1);
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
