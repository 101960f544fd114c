/** Formatting and sorting of the per-key summary table (last / min / max / count). */
import type { MetricSummary } from '../../../shared/domain';

/** Numbers as text: non-finite values spelled out, long fractions cut to 6 significant digits. */
export function formatMetricValue(v: number | null): string {
  if (v === null) return '—';
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e9)) return v.toExponential(5).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(6)));
}

/** "value (step)" as the min and max cells show it. */
export function formatWithStep(v: number | null, step: number | null): string {
  const value = formatMetricValue(v);
  return v === null || step === null ? value : `${value} (${step})`;
}

export type SummaryColumn = 'key' | 'last' | 'min' | 'max' | 'count';
export type SortDirection = 'asc' | 'desc';

export interface SummarySort {
  column: SummaryColumn;
  direction: SortDirection;
}

function numericKey(v: number | null): number | null {
  return v === null || Number.isNaN(v) ? null : v;
}

/** Sorted copy; missing and NaN values always last, whatever the direction. */
export function sortSummaries(rows: readonly MetricSummary[], sort: SummarySort): MetricSummary[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.column === 'key') return sign * a.key.localeCompare(b.key);
    if (sort.column === 'count') return sign * (a.count - b.count);
    const x = numericKey(a[sort.column]);
    const y = numericKey(b[sort.column]);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return x === y ? 0 : sign * (x < y ? -1 : 1);
  });
}

/** Clicking a header: same column flips the direction, a new column starts ascending. */
export function toggleSort(current: SummarySort | null, column: SummaryColumn): SummarySort {
  if (current?.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: 'asc' };
}
