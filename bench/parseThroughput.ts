/**
 * Parse throughput of the real readers on the files of a dataset: MetricFolderReader over every
 * logs/<folder>/ (generation A), RecordFileReader over backup.swanlab / run-<id>.swanlab (B, C),
 * and LocalWorkspace.open over the whole folder. A pass ends with the series built.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MetricFolderReader } from '../electron/swanlog/legacy/metricFolder';
import { RecordFileReader } from '../electron/swanlog/records/recordFile';
import { LocalWorkspace } from '../electron/swanlog/workspace';
import { median } from './stats';

export type ParseTarget = 'A' | 'B' | 'C' | 'open';

export interface ParseArgs {
  target: ParseTarget;
  root: string;
  runDirs: string[];
  repeats: number;
}

export interface ParseResult {
  target: ParseTarget;
  bytes: number;
  points: number;
  /** ms of each pass; the first one ran in a fresh process (cold JIT). */
  passesMs: number[];
  firstMbPerS: number;
  medianMbPerS: number;
  /** MB per CPU-second of this process (all its threads): what the code costs when other processes compete for the cores. */
  medianCpuMbPerS: number;
}

function logFolders(runDir: string): string[] {
  const logs = path.join(runDir, 'logs');
  if (!fs.existsSync(logs)) return [];
  return fs.readdirSync(logs, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(logs, e.name)).sort();
}

function recordFiles(runDir: string): string[] {
  return fs.readdirSync(runDir).filter((n) => n === 'backup.swanlab' || /^run-.+\.swanlab$/.test(n)).map((n) => path.join(runDir, n));
}

function filesBytes(files: string[]): number {
  return files.reduce((n, f) => n + fs.statSync(f).size, 0);
}

function inputFiles(args: ParseArgs): string[] {
  if (args.target === 'A') {
    return args.runDirs.flatMap(logFolders).flatMap((d) => fs.readdirSync(d).filter((n) => n.endsWith('.log')).map((n) => path.join(d, n)));
  }
  if (args.target === 'open') return allFiles(args.root);
  return args.runDirs.flatMap(recordFiles);
}

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? allFiles(p) : e.isFile() ? [p] : [];
  });
}

/** One pass; returns the number of points read. */
async function pass(args: ParseArgs): Promise<number> {
  let points = 0;
  if (args.target === 'A') {
    for (const dir of args.runDirs.flatMap(logFolders)) {
      const r = new MetricFolderReader(dir, 'line');
      await r.refresh();
      points += r.series().steps.length;
    }
  } else if (args.target === 'open') {
    // opening reads metadata only; the figure is the whole read, as before the open became lazy
    const ws = await LocalWorkspace.open(args.root);
    await ws.loadAll();
    for (const run of ws.runs) for (const k of run.keys()) points += run.loadedSeries(k.key)?.steps.length ?? 0;
    ws.close();
  } else {
    for (const file of args.runDirs.flatMap(recordFiles)) {
      const r = new RecordFileReader(file);
      await r.refresh();
      for (const s of r.content.scalars.values()) points += s.build().steps.length;
    }
  }
  return points;
}

export async function measureParse(args: ParseArgs): Promise<ParseResult> {
  const bytes = filesBytes(inputFiles(args));
  const passesMs: number[] = [];
  const cpuMs: number[] = [];
  let points = 0;
  for (let i = 0; i < args.repeats; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    points = await pass(args);
    passesMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  const mbps = (ms: number) => bytes / 1e6 / (ms / 1000);
  return { target: args.target, bytes, points, passesMs, firstMbPerS: mbps(passesMs[0]), medianMbPerS: mbps(median(passesMs)), medianCpuMbPerS: mbps(median(cpuMs)) };
}
