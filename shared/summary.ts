import type { MetricSummary, NumericSeries } from './domain';

/** last / min / max (with their steps) and count; NaN and ±inf are excluded from min and max. */
export function summarizeSeries(key: string, s: NumericSeries): MetricSummary {
  const n = s.steps.length;
  let min = Infinity;
  let max = -Infinity;
  let minStep: number | null = null;
  let maxStep: number | null = null;
  for (let i = 0; i < n; i++) {
    const v = s.values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) {
      min = v;
      minStep = s.steps[i];
    }
    if (v > max) {
      max = v;
      maxStep = s.steps[i];
    }
  }
  return {
    key,
    count: n,
    lastStep: n ? s.steps[n - 1] : null,
    last: n ? s.values[n - 1] : null,
    min: minStep === null ? null : min,
    minStep,
    max: maxStep === null ? null : max,
    maxStep,
  };
}
