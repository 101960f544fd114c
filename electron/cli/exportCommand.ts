import { selectRuns } from '../export/selectRuns';
import { LocalWorkspace } from '../swanlog/workspace';
import { parseArgs, UsageError } from './args';
import { cloudExportCommand, isCloudExport } from './cloudExportCommand';
import { reportIssues } from './reportIssues';
import { exportChoice, writeExport } from './writeExport';

export const EXPORT_USAGE = 'swanview export PATH [--run NAME|ID]... [--keys k1,k2] [--format csv|json] [--out FILE] [--summary]';

export async function exportCommand(argv: string[]): Promise<void> {
  if (isCloudExport(argv, process.env)) return cloudExportCommand(argv, process.env);
  const a = parseArgs(argv, new Set(['run', 'keys', 'format', 'out']));
  if (a.positional.length !== 1) throw new UsageError('export needs exactly one PATH');
  const choice = exportChoice(a);

  const ws = await LocalWorkspace.open(a.positional[0]);
  reportIssues(ws);
  const { runs, unmatched } = selectRuns(ws.runs, a.flags.get('run') ?? []);
  if (unmatched.length) throw new UsageError(`no run named or with id ${unmatched.join(', ')} in ${ws.target}`);
  await writeExport(runs, choice);
}
