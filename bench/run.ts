/**
 * `npm run bench`: generates (or reuses) the datasets, measures every figure in child processes,
 * prints the table with PASS/FAIL per target, writes bench/out/results.json and docs/performance.md.
 *   node dist/bench/run.js [--quick] [--skip-big] [--before FILE] [--doc | --no-doc]
 *   node dist/bench/run.js --ui-only [--skip-big] [--ui-datasets A,B] [--no-doc]   (only the UI part, bench/uiSuite.ts)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writePerformanceDoc } from './docWriter';
import { machineInfo, type MachineInfo } from './machine';
import { OUT_DIR, REPO_DIR } from './paths';
import { consoleTable, verdictLine } from './report';
import { runSuite, type SuiteResult } from './suite';
import type { Figure } from './targets';
import { writeUiSection } from './uiDoc';
import { runUiSuite } from './uiSuite';

interface SavedResults {
  machine: ReturnType<typeof machineInfo>;
  quick: boolean;
  result: SuiteResult;
}

function parseArgs(argv: string[]) {
  const has = (f: string) => argv.includes(f);
  const value = (f: string) => {
    const i = argv.indexOf(f);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = has('--quick');
  return {
    quick,
    skipBig: has('--skip-big'),
    uiOnly: has('--ui-only'),
    uiDatasets: value('--ui-datasets')?.split(','),
    before: value('--before') ?? path.join(REPO_DIR, 'bench', 'baseline.json'),
    doc: has('--doc') || (!quick && !has('--no-doc')),
  };
}

function loadBefore(file: string, quick: boolean): { label: string; figures: Figure[] } | null {
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as SavedResults & { label?: string };
    if (saved.quick !== quick) return null;
    return { label: saved.label ?? `${path.basename(file)} (${saved.machine.date})`, figures: saved.result.figures };
  } catch {
    return null;
  }
}

/** UI figures of the code before the lazy open (bench/baseline-ui.json), compared by id. */
function loadUiBefore(): { label: string; figures: Figure[] } | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(REPO_DIR, 'bench', 'baseline-ui.json'), 'utf8')) as { label: string; figures: Figure[] };
  } catch {
    return null;
  }
}

/** The UI part: its own table, results file and section of docs/performance.md. */
async function runUi(opts: ReturnType<typeof parseArgs>, machine: MachineInfo, log: (msg: string) => void): Promise<void> {
  const ui = await runUiSuite({ skipBig: opts.skipBig || opts.quick, only: opts.uiDatasets, log });
  const before = loadUiBefore();
  process.stdout.write(`\n${consoleTable(ui.figures, before?.figures ?? null)}\n\nUI: ${verdictLine(ui.figures)}\n`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'results-ui.json'), JSON.stringify({ machine, ...ui }, null, 1));
  if (opts.doc) writeUiSection(path.join(REPO_DIR, 'docs', 'performance.md'), machine, ui.figures, before);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const machine = machineInfo();
  const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
  log(`${machine.cores} cores, ${machine.cpu}, ${machine.ramGb} GiB, Node ${machine.node}, load ${machine.load}${opts.quick ? ' — quick mode' : ''}`);
  if (opts.uiOnly) return runUi(opts, machine, log);
  const result = await runSuite({ quick: opts.quick, skipBig: opts.skipBig, log });
  const before = loadBefore(opts.before, opts.quick);

  process.stdout.write(`\n${consoleTable(result.figures, before?.figures ?? null)}\n\n${verdictLine(result.figures)}\n`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const saved: SavedResults = { machine, quick: opts.quick, result };
  fs.writeFileSync(path.join(OUT_DIR, opts.quick ? 'results-quick.json' : 'results.json'), JSON.stringify(saved, null, 1));
  if (opts.doc) {
    const doc = path.join(REPO_DIR, 'docs', 'performance.md');
    writePerformanceDoc(doc, { machine, quick: opts.quick, result, before, loadAtEnd: Math.round(os.loadavg()[0] * 100) / 100 });
    log(`wrote ${doc}`);
  }
  await runUi(opts, machine, log);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
