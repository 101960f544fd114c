import type { SeriesData } from './contract';
import type { NumericSeries } from './domain';
import { minMaxBucketIndices } from './downsample';

/** Two points (min and max) per pixel column, as the local source answers. */
const POINTS_PER_PIXEL = 2;

/** Number of steps `< x` (or `<= x` when `orEqual`) in ascending `steps`. */
function countBelow(steps: Float64Array, x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid] < x || (orEqual && steps[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What a chart `width` px wide shows of a full series: the zoom window `[min, max]` with one
 * point beyond each edge (so the line reaches the border), thinned to min/max buckets. The
 * points' timestamps only with `withTimestamps` (the charts do not use them).
 */
export function chartSeries(runId: string, s: NumericSeries, width: number, range?: [number, number], withTimestamps = false): SeriesData {
  const from = range ? Math.max(0, countBelow(s.steps, range[0], false) - 1) : 0;
  const to = range ? Math.min(s.steps.length, countBelow(s.steps, range[1], true) + 1) : s.steps.length;
  const values = s.values.subarray(from, to);
  const idx = minMaxBucketIndices(values, width * POINTS_PER_PIXEL);
  const take = (a: Float64Array) => {
    const out = new Float64Array(idx.length);
    for (let j = 0; j < idx.length; j++) out[j] = a[from + idx[j]];
    return out;
  };
  const data: SeriesData = { runId, steps: take(s.steps), values: take(s.values), total: s.steps.length };
  if (withTimestamps) data.timestamps = take(s.timestamps);
  return data;
}
