import { createWriteStream, type WriteStream } from 'node:fs';
import { exportMetrics, type Sink } from '../export/exportMetrics';
import { exportSummary } from '../export/exportSummary';
import { selectRuns } from '../export/selectRuns';
import { LocalWorkspace } from '../swanlog/workspace';
import { lastFlag, parseArgs, UsageError } from './args';
import { reportIssues } from './reportIssues';

export const EXPORT_USAGE = 'swanview export PATH [--run NAME|ID]... [--keys k1,k2] [--format csv|json] [--out FILE] [--summary]';

function streamSink(stream: NodeJS.WritableStream): Sink {
  return {
    write: (text) => new Promise((resolve, reject) => {
      if (stream.write(text)) resolve();
      else {
        stream.once('drain', resolve);
        stream.once('error', reject);
      }
    }),
  };
}

export async function exportCommand(argv: string[]): Promise<void> {
  const a = parseArgs(argv, new Set(['run', 'keys', 'format', 'out']));
  if (a.positional.length !== 1) throw new UsageError('export needs exactly one PATH');
  const format = lastFlag(a, 'format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, got ${format}`);
  const keysFlag = lastFlag(a, 'keys');
  const keys = keysFlag ? keysFlag.split(',').map((k) => k.trim()).filter(Boolean) : null;

  const ws = await LocalWorkspace.open(a.positional[0]);
  reportIssues(ws);
  const { runs, unmatched } = selectRuns(ws.runs, a.flags.get('run') ?? []);
  if (unmatched.length) throw new UsageError(`no run named or with id ${unmatched.join(', ')} in ${ws.target}`);

  const outPath = lastFlag(a, 'out');
  let file: WriteStream | null = null;
  if (outPath) {
    file = createWriteStream(outPath);
    await new Promise<void>((resolve, reject) => file!.once('open', () => resolve()).once('error', (e) => reject(new Error(`${outPath}: ${e.message}`))));
  }
  const sink = streamSink(file ?? process.stdout);
  const progress = (m: string) => process.stderr.write(`swanview export: ${m}\n`);
  if (a.switches.has('summary')) {
    const n = await exportSummary(runs, { keys, format }, sink);
    progress(`${n} run(s) summarised`);
  } else {
    const r = await exportMetrics(runs, { keys, format, progress: runs.length > 1 || outPath ? progress : undefined }, sink);
    if (keys) {
      const missing = keys.filter((k) => !r.keys.includes(k));
      if (missing.length) progress(`warning: no run has the key(s) ${missing.join(', ')}`);
    }
    progress(`${r.rows} row(s), ${r.keys.length} key(s) written${outPath ? ` to ${outPath}` : ''}`);
  }
  if (file) await new Promise<void>((resolve, reject) => file!.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
