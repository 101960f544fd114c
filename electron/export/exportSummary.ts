import { summarizeSeries } from '../../shared/summary';
import { csvRow, numberText } from './csv';
import type { ExportableRun } from './exportableRun';
import { exportKeys, runsReady, type Sink } from './exportMetrics';

/** Nested config → `config.a.b` columns; arrays are kept as JSON text. */
export function flattenConfig(obj: unknown, prefix = 'config', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) flattenConfig(v, `${prefix}.${k}`, out);
  } else {
    out[prefix] = Array.isArray(obj) ? JSON.stringify(obj) : obj;
  }
  return out;
}

/** One row per run: identity, status, times, flattened config, last/min/max of each line key. */
export async function exportSummary(runs: readonly ExportableRun[], opts: { keys: string[] | null; format: 'csv' | 'json' }, sink: Sink): Promise<number> {
  await runsReady(runs);
  const keys = exportKeys(runs, opts.keys);
  const rows: Record<string, unknown>[] = [];
  for (const run of runs) {
    const info = run.info();
    const row: Record<string, unknown> = {
      name: info.name, id: info.id, status: info.status, created_at: info.createdAt, finished_at: info.finishedAt,
      ...flattenConfig(run.files?.config ?? {}),
    };
    const series = await Promise.all(keys.map((k) => run.series(k)));
    for (const [i, k] of keys.entries()) {
      const s = series[i];
      if (!s || !s.steps.length) continue;
      const sum = summarizeSeries(k, s);
      row[`${k}.last`] = sum.last;
      row[`${k}.min`] = sum.min;
      row[`${k}.max`] = sum.max;
    }
    rows.push(row);
  }
  if (opts.format === 'json') {
    const safe = (v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? numberText(v) : v);
    await sink.write(JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, safe(v)]))), null, 1) + '\n');
    return rows.length;
  }
  const columns: string[] = [];
  for (const r of rows) for (const c of Object.keys(r)) if (!columns.includes(c)) columns.push(c);
  await sink.write(csvRow(columns));
  for (const r of rows) await sink.write(csvRow(columns.map((c) => r[c])));
  return rows.length;
}
