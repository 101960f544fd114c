/** The performance targets of the issue, and how a figure is judged against one. */

export type Verdict = 'PASS' | 'FAIL' | 'info';

export interface Figure {
  id: string;
  label: string;
  dataset: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≥ 100". */
  target: string;
  /** value / target limit, oriented so that ≥ 1 is good; null for figures without a target. */
  margin: number | null;
  verdict: Verdict;
  note?: string;
}

export const TARGETS = {
  parseMbPerS: 100,
  tagWarmMs: 10,
  bytesPerPoint: 32,
  /** Refresh must read at most this many bytes per appended byte (plus the allowance below). */
  refreshReadPerAppended: 2,
  refreshReadAllowance: 64 * 1024,
  /** Refresh of the 1M-point run may take at most this many times the same append on a small run (plus 2 ms). */
  refreshTimeVsSmall: 2,
} as const;

export function atLeast(id: string, label: string, dataset: string, value: number, unit: string, min: number): Figure {
  return { id, label, dataset, value, unit, target: `≥ ${min}`, margin: value / min, verdict: value >= min ? 'PASS' : 'FAIL' };
}

export function atMost(id: string, label: string, dataset: string, value: number, unit: string, max: number): Figure {
  return { id, label, dataset, value, unit, target: `≤ ${max}`, margin: max / value, verdict: value <= max ? 'PASS' : 'FAIL' };
}

export function info(id: string, label: string, dataset: string, value: number, unit: string, note?: string): Figure {
  return { id, label, dataset, value, unit, target: '', margin: null, verdict: 'info', note };
}
