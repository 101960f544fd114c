import type { z } from 'zod';
import type { ClientContext } from './clientContext';
import type { Query } from './swanlabApi';
import { pageOf } from './wire';

/** Page sizes the server accepts (`VALID_PAGE_SIZES`, doc §3). */
export const PAGE_SIZES = [10, 12, 15, 20, 24, 27, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface PageOptions {
  /** 1-based; ignored when `all`. */
  page?: number;
  size?: PageSize;
  /** Every page, until `page ≥ pages`, the total is reached or a page is empty. */
  all?: boolean;
}

export async function getPages<S extends z.ZodType>(ctx: ClientContext, path: string, item: S, query: Query, opts: PageOptions): Promise<{ items: z.infer<S>[]; total: number | null }> {
  const size = opts.size ?? 100;
  const schema = pageOf(item);
  const items: z.infer<S>[] = [];
  let total: number | null = null;
  for (let page = opts.all ? 1 : opts.page ?? 1; ; page++) {
    const res = await ctx.api.call('GET', path, schema, { query: { ...query, page, size } });
    const list = res.list ?? [];
    items.push(...list);
    total = res.total ?? total;
    const pages = res.pages ?? (total !== null ? Math.ceil(total / size) : page);
    if (!opts.all || !list.length || page >= pages || (total !== null && items.length >= total)) break;
  }
  return { items, total };
}
