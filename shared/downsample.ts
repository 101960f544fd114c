/**
 * Min/max bucket downsampling: indices of the points to keep so that at most `maxPoints`
 * remain. The first and last points are always kept; every bucket in between keeps its
 * smallest and its largest finite value (in step order), so no spike can vanish — unlike
 * LTTB or stride sampling. Non-finite values are never chosen as extremes; a bucket with no
 * finite value keeps its first point so gaps stay visible.
 */
export function minMaxBucketIndices(values: ArrayLike<number>, maxPoints: number): Uint32Array {
  const n = values.length;
  if (n <= maxPoints || n <= 2) return Uint32Array.from({ length: n }, (_, i) => i);
  const limit = Math.max(2, Math.floor(maxPoints));
  const buckets = Math.max(1, Math.floor((limit - 2) / 2));
  const out = new Uint32Array(2 + buckets * 2);
  let m = 0;
  out[m++] = 0;
  const inner = n - 2;
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (end <= start) continue;
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    if (lo < 0) {
      out[m++] = start;
    } else if (lo === hi) {
      out[m++] = lo;
    } else {
      out[m++] = Math.min(lo, hi);
      out[m++] = Math.max(lo, hi);
    }
  }
  out[m++] = n - 1;
  return out.slice(0, m);
}
