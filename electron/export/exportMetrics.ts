import type { NumericSeries } from '../../shared/domain';
import { formatIsoUtc } from '../../shared/time';
import { csvField, csvRow, numberText } from './csv';
import type { ExportableRun } from './exportableRun';

export interface Sink {
  write(text: string): Promise<void>;
}

export interface MetricExportOptions {
  keys: string[] | null;
  format: 'csv' | 'json';
  progress?: (message: string) => void;
}

/** Waits until every run's key list is complete (see ExportableRun.ready). */
export async function runsReady(runs: readonly ExportableRun[]): Promise<void> {
  await Promise.all(runs.map((r) => r.ready?.()));
}

/** Line keys to export: the requested ones that exist anywhere, else every line key of every run. */
export function exportKeys(runs: readonly ExportableRun[], requested: string[] | null): string[] {
  const all: string[] = [];
  for (const r of runs) for (const k of r.keys()) if (k.type === 'line' && !all.includes(k.key)) all.push(k.key);
  return requested ? requested.filter((k) => all.includes(k)) : all;
}

/** Every step of any of the series, ascending, without repeats. */
function unionSteps(series: NumericSeries[]): Float64Array {
  const total = series.reduce((n, s) => n + s.steps.length, 0);
  const all = new Float64Array(total);
  let o = 0;
  for (const s of series) {
    all.set(s.steps, o);
    o += s.steps.length;
  }
  all.sort();
  let m = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[m - 1]) all[m++] = all[i];
  return all.subarray(0, m);
}

const CHUNK = 1 << 16;

/** Wide CSV: one row per (run, step), one column per key, every point at full resolution. */
async function runCsv(run: ExportableRun, name: string, keys: string[], sink: Sink): Promise<number> {
  const series = await Promise.all(keys.map((k) => run.series(k)));
  const present = series.filter((s): s is NumericSeries => s !== null);
  const steps = unionSteps(present);
  const pos = new Int32Array(keys.length);
  const runField = csvField(name);
  let buf = '';
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    let ts = Number.NaN;
    let row = '';
    for (let k = 0; k < keys.length; k++) {
      const s = series[k];
      row += ',';
      if (!s) continue;
      const p = pos[k];
      if (p < s.steps.length && s.steps[p] === step) {
        row += numberText(s.values[p]);
        if (Number.isNaN(ts)) ts = s.timestamps[p];
        pos[k] = p + 1;
      }
    }
    buf += `${runField},${step},${Number.isFinite(ts) ? formatIsoUtc(ts) : ''}${row}\n`;
    if (buf.length > CHUNK) {
      await sink.write(buf);
      buf = '';
    }
  }
  if (buf) await sink.write(buf);
  return steps.length;
}

function jsonSeries(s: NumericSeries): unknown {
  const num = (v: number) => (Number.isFinite(v) ? v : numberText(v));
  return {
    steps: Array.from(s.steps),
    values: Array.from(s.values, num),
    timestamps: Array.from(s.timestamps, (t) => (Number.isFinite(t) ? formatIsoUtc(t) : null)),
  };
}

export async function exportMetrics(runs: readonly ExportableRun[], opts: MetricExportOptions, sink: Sink): Promise<{ rows: number; keys: string[] }> {
  await runsReady(runs);
  const keys = exportKeys(runs, opts.keys);
  let rows = 0;
  if (opts.format === 'csv') {
    await sink.write(csvRow(['run', 'step', 'timestamp', ...keys]));
    for (const [i, run] of runs.entries()) {
      opts.progress?.(`run ${i + 1}/${runs.length}: ${run.info().name}`);
      rows += await runCsv(run, run.info().name, keys, sink);
    }
    return { rows, keys };
  }
  await sink.write('{"runs":[');
  for (const [i, run] of runs.entries()) {
    opts.progress?.(`run ${i + 1}/${runs.length}: ${run.info().name}`);
    const info = run.info();
    const metrics: Record<string, unknown> = {};
    for (const k of keys) {
      const s = await run.series(k);
      if (s) {
        metrics[k] = jsonSeries(s);
        rows += s.steps.length;
      }
    }
    const head = { id: info.id, name: info.name, status: info.status, created_at: info.createdAt, finished_at: info.finishedAt };
    await sink.write((i ? ',' : '') + JSON.stringify({ ...head, metrics }));
  }
  await sink.write(']}\n');
  return { rows, keys };
}
