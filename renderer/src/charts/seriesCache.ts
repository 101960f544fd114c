import type { SeriesResponse } from '../../../shared/contract';

const LIMIT = 300;
const entries = new Map<string, SeriesResponse>();

/** Recently fetched series, so a chart scrolled back into view draws at once. */
export const seriesCache = {
  get(id: string): SeriesResponse | undefined {
    const hit = entries.get(id);
    if (hit) {
      entries.delete(id);
      entries.set(id, hit);
    }
    return hit;
  },
  set(id: string, value: SeriesResponse): void {
    entries.delete(id);
    entries.set(id, value);
    if (entries.size > LIMIT) entries.delete(entries.keys().next().value!);
  },
};
