import type { FakeSeries } from './model';

/** JSON value as the house API sends it: non-finite numbers become "NaN", "INF", "-INF". */
export function jsonNumber(v: number): number | string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'INF';
  if (v === -Infinity) return '-INF';
  return v;
}

export function csvNumber(v: number): string {
  return String(jsonNumber(v));
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * `step,<exp>-<k>_step,<exp>-<k>_timestamp,…`: one row per step of any column, ascending; the
 * `_step` column holds the value; an empty pair where a column has no point at that step.
 */
export function wideCsv(columns: { experimentName: string; key: string; series: FakeSeries | null }[]): string {
  const header = ['step', ...columns.flatMap((c) => [`${c.experimentName}-${c.key}_step`, `${c.experimentName}-${c.key}_timestamp`])];
  const steps = [...new Set(columns.flatMap((c) => c.series?.steps ?? []))].sort((a, b) => a - b);
  const at = columns.map((c) => new Map((c.series?.steps ?? []).map((s, i) => [s, i])));
  const lines = [header.map(csvField).join(',')];
  for (const step of steps) {
    const cells = [String(step)];
    columns.forEach((c, k) => {
      const i = at[k].get(step);
      if (i === undefined || !c.series) cells.push('', '');
      else cells.push(csvNumber(c.series.values[i]), String(c.series.timestamps[i]));
    });
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

/** Largest-triangle-three-buckets: indices of at most `threshold` points, first and last kept. */
export function lttb(xs: number[], ys: number[], threshold: number): number[] {
  const n = xs.length;
  if (threshold >= n || threshold < 3) return Array.from({ length: Math.min(n, Math.max(threshold, 0)) }, (_, i) => i);
  const out = [0];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const start = Math.floor((i + 1) * every) + 1;
    const end = Math.min(Math.floor((i + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = start; j < end; j++) {
      avgX += xs[j];
      avgY += ys[j];
    }
    avgX /= Math.max(1, end - start);
    avgY /= Math.max(1, end - start);
    const from = Math.floor(i * every) + 1;
    const to = Math.floor((i + 1) * every) + 1;
    let best = from;
    let bestArea = -1;
    for (let j = from; j < to; j++) {
      const area = Math.abs((xs[a] - avgX) * (ys[j] - ys[a]) - (xs[a] - xs[j]) * (avgY - ys[a]));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(best);
    a = best;
  }
  out.push(n - 1);
  return out;
}
