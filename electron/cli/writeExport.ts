import type { ExportableRun } from '../export/exportableRun';
import { exportMetrics } from '../export/exportMetrics';
import { exportSummary } from '../export/exportSummary';
import { lastFlag, UsageError, type ParsedArgs } from './args';
import { openOutput } from './outputSink';

export interface ExportChoice {
  keys: string[] | null;
  format: 'csv' | 'json';
  summary: boolean;
  outPath: string | undefined;
}

/** `--keys`, `--format`, `--summary`, `--out`, shared by the folder and the account export. */
export function exportChoice(a: ParsedArgs): ExportChoice {
  const format = lastFlag(a, 'format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, got ${format}`);
  const keysFlag = lastFlag(a, 'keys');
  const keys = keysFlag ? keysFlag.split(',').map((k) => k.trim()).filter(Boolean) : null;
  return { keys, format, summary: a.switches.has('summary'), outPath: lastFlag(a, 'out') };
}

export const progress = (m: string) => process.stderr.write(`swanview export: ${m}\n`);

/** Writes the metrics (or the per-run summary) of `runs` to `--out` or stdout, reporting on stderr. */
export async function writeExport(runs: readonly ExportableRun[], c: ExportChoice): Promise<void> {
  const { sink, close } = await openOutput(c.outPath);
  if (c.summary) {
    const n = await exportSummary(runs, { keys: c.keys, format: c.format }, sink);
    progress(`${n} run(s) summarised`);
  } else {
    const r = await exportMetrics(runs, { keys: c.keys, format: c.format, progress: runs.length > 1 || c.outPath ? progress : undefined }, sink);
    if (c.keys) {
      const missing = c.keys.filter((k) => !r.keys.includes(k));
      if (missing.length) progress(`warning: no run has the key(s) ${missing.join(', ')}`);
    }
    progress(`${r.rows} row(s), ${r.keys.length} key(s) written${c.outPath ? ` to ${c.outPath}` : ''}`);
  }
  await close();
}
