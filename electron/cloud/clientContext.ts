import { CloudError } from './cloudError';
import type { SwanlabApi } from './swanlabApi';

/** Endpoints an older private server lacks; once seen missing they are not asked again. */
export type OptionalEndpoint = 'house-keys' | 'house-export' | 'house-scalar' | 'summaries-body';

export interface ClientContext {
  api: SwanlabApi;
  missing: Set<OptionalEndpoint>;
}

/** A 404 from an endpoint means the server predates it (doc §9, §13.5). */
export function isNotFound(e: unknown): boolean {
  return e instanceof CloudError && e.kind === 'http' && e.status === 404;
}

/** Runs `modern`, and `fallback` from then on once the server answers 404 for `endpoint`. */
export async function withFallback<T>(ctx: ClientContext, endpoint: OptionalEndpoint, modern: () => Promise<T>, fallback: () => Promise<T>, isMissing: (e: unknown) => boolean = isNotFound): Promise<T> {
  if (!ctx.missing.has(endpoint)) {
    try {
      return await modern();
    } catch (e) {
      if (!isMissing(e)) throw e;
      ctx.missing.add(endpoint);
    }
  }
  return fallback();
}
