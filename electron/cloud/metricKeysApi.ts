import type { MetricKeyInfo, MetricType } from '../../shared/domain';
import { withFallback, type ClientContext } from './clientContext';
import type { RunRef } from './cloudTypes';
import { experimentRef } from './columnRefs';
import { columnType, keyInfo } from './mapKeys';
import { getPages } from './paging';
import { columnSchema, keysPageSchema } from './wire';

/** House key listing with its cursor loop (`{limit, cursor}` → `{keys, hasMore, nextCursor}`). */
async function houseKeys(ctx: ClientContext, ref: RunRef, kind: 'scalar' | 'media'): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '';
  for (;;) {
    const page = await ctx.api.call('POST', `/house/metrics/${kind}/keys`, keysPageSchema, { body: { experiments: [experimentRef(ref)], limit: 2000, cursor } });
    keys.push(...(page.keys ?? []));
    if (!page.hasMore || !page.nextCursor || page.nextCursor === cursor) return keys;
    cursor = page.nextCursor;
  }
}

/** The legacy per-experiment column index, every page: key → domain type (null: not plottable). */
async function columnTypes(ctx: ClientContext, ref: RunRef): Promise<Map<string, MetricType | null>> {
  const { items } = await getPages(ctx, `/experiment/${encodeURIComponent(ref.cuid)}/column`, columnSchema, {}, { all: true, size: 100 });
  return new Map(items.map((c) => [c.key, columnType(c.type)]));
}

/**
 * Scalar and media keys of a run: the house listings (0.8+), or on an older server (404) the
 * legacy column index. House listings carry no media type, so it comes from the column index
 * when the server still answers it, else from the first stored file later ('image' until then).
 */
export async function listMetricKeys(ctx: ClientContext, ref: RunRef): Promise<MetricKeyInfo[]> {
  return withFallback(ctx, 'house-keys', async () => {
    const [scalars, media] = await Promise.all([houseKeys(ctx, ref, 'scalar'), houseKeys(ctx, ref, 'media')]);
    const types = media.length ? await columnTypes(ctx, ref).catch(() => new Map<string, MetricType | null>()) : new Map<string, MetricType | null>();
    return [
      ...scalars.map((k) => keyInfo(k, 'line')),
      ...media.map((k) => keyInfo(k, types.get(k) ?? 'image')),
    ];
  }, async () => {
    const types = await columnTypes(ctx, ref);
    const out: MetricKeyInfo[] = [];
    for (const [k, t] of types) if (t) out.push(keyInfo(k, t));
    return out.sort((a, b) => Number(a.type !== 'line') - Number(b.type !== 'line') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  });
}
