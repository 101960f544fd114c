import type { NumericSeries } from '../../shared/domain';
import { SeriesBuilder } from '../../shared/seriesBuilder';
import { csvRows } from './csvRows';
import { serverNumber, timestampMs } from './serverNumbers';
import type { WirePoint } from './wire';

/**
 * The wide export CSV (`scalar/export`, doc §7.4) and the legacy per-key CSV (`column/csv`,
 * §4.5) share one layout: `step, <exp>-<k>_step, <exp>-<k>_timestamp, …` where the `_step`
 * column holds the VALUE. Parsed by position in request-key order; an empty value cell means
 * the key has no point at that step.
 */
export function seriesFromExportCsv(text: string, keys: readonly string[]): Map<string, NumericSeries> {
  const builders = keys.map(() => new SeriesBuilder());
  const rows = csvRows(text);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.length === 1 && row[0] === '') continue;
    const step = Number(row[0]);
    if (row[0] === '' || !Number.isFinite(step)) continue;
    for (let k = 0; k < keys.length; k++) {
      const cell = row[1 + 2 * k];
      if (cell === undefined || cell === '') continue;
      const ts = row[2 + 2 * k];
      builders[k].push(step, serverNumber(cell), ts ? timestampMs(ts) : Number.NaN);
    }
  }
  return new Map(keys.map((k, i) => [k, builders[i].build()]));
}

/** Sampled points from `house/metrics/scalar`: `{index, data, timestamp}` or `{step, value, timestamp}` (doc §13.3). */
export function seriesFromPoints(points: readonly WirePoint[]): NumericSeries {
  const b = new SeriesBuilder(points.length);
  for (const p of points) {
    const step = serverNumber(p.index ?? p.step);
    if (!Number.isFinite(step)) continue;
    b.push(step, serverNumber(p.data ?? p.value), timestampMs(p.timestamp));
  }
  return b.build();
}
