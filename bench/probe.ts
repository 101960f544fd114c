/** Child-process entry of the benchmark: `node --expose-gc probe.js <task> <json args>`; prints one JSON line. */
import { ensureDataset, type DatasetSpec } from './datasets';
import { measureLineParser, type LineParserArgs } from './lineParser';
import { measureParse, type ParseArgs } from './parseThroughput';
import { measureRefresh, type RefreshArgs } from './refreshCost';
import { measureWorkspace, type WorkspaceArgs } from './workspaceProbe';

const TASKS: Record<string, (args: never) => Promise<unknown>> = {
  parse: (a: ParseArgs) => measureParse(a),
  lines: async (a: LineParserArgs) => measureLineParser(a),
  workspace: (a: WorkspaceArgs) => measureWorkspace(a),
  refresh: (a: RefreshArgs) => measureRefresh(a),
  dataset: (a: DatasetSpec) => ensureDataset(a, (m) => process.stderr.write(m + '\n')),
};

async function main(): Promise<void> {
  const [task, json] = process.argv.slice(2);
  const run = TASKS[task];
  if (!run) throw new Error(`unknown probe task ${task}`);
  const result = await run(JSON.parse(json ?? '{}') as never);
  process.stdout.write('\n' + JSON.stringify(result) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
