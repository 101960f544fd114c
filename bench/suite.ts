/**
 * What `npm run bench` measures: the datasets, the probes run on each (every probe in its own
 * process), and the figures judged against the targets.
 */
import * as path from 'node:path';
import { runProbe } from './child';
import { copyDataset, type Dataset, type DatasetSpec } from './datasets';
import type { LineParserResult } from './lineParser';
import type { ParseResult, ParseTarget } from './parseThroughput';
import { WORK_DIR } from './paths';
import type { RefreshResult } from './refreshCost';
import { TARGETS, atLeast, atMost, info, type Figure } from './targets';
import type { WorkspaceResult } from './workspaceProbe';

export interface SuiteOptions {
  quick: boolean;
  /** Leave out the 50-run dataset. */
  skipBig: boolean;
  log: (msg: string) => void;
}

export interface SuiteResult {
  figures: Figure[];
  datasets: { name: string; generation: string; runs: number; keys: number; points: number; mb: number; writeSeconds: number }[];
  raw: Record<string, unknown>;
}

const BIG_HEAP_MB = 16384;

function specs(quick: boolean) {
  const n = quick ? 200_000 : 1_000_000;
  const size = quick ? '200k' : '1M';
  const one = (g: DatasetSpec['generation'], keys: number, points: number, label: string): DatasetSpec => ({
    name: `${g.replace('+', '')}-1x${keys}x${label}`, runs: 1, keys, points, generation: g,
  });
  return {
    parse: [one('A', 1, n, size), one('C', 1, n, size), one('B', 1, n, size)],
    parse4: quick ? [] : [one('A', 4, n, size), one('C', 4, n, size)],
    small: [one('A', 1, 10_000, '10k'), one('C', 1, 10_000, '10k')],
    tag: one('A+C', 4, 100_000, '100k'),
    big: quick
      ? { name: 'AC-5x20x10k', runs: 5, keys: 20, points: 10_000, generation: 'A+C' as const }
      : { name: 'AC-50x20x100k', runs: 50, keys: 20, points: 100_000, generation: 'A+C' as const },
  };
}

/** Bytes per distinct point shown against the target (a local-mode run keeps one copy per key). */
function memoryFigures(id: string, dataset: string, m: WorkspaceResult): Figure[] {
  return [atMost(id, 'resident bytes per loaded point', dataset, m.bytesPerPoint, 'B', TARGETS.bytesPerPoint)];
}

export async function runSuite(o: SuiteOptions): Promise<SuiteResult> {
  const s = specs(o.quick);
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  const datasets: SuiteResult['datasets'] = [];
  const load = async (spec: DatasetSpec): Promise<Dataset> => {
    const ds = await runProbe<Dataset>('dataset', spec, { maxOldSpaceMb: 8192 });
    datasets.push({ name: spec.name, generation: spec.generation, runs: spec.runs, keys: spec.keys, points: ds.points, mb: ds.bytes / 1e6, writeSeconds: ds.writeSeconds });
    return ds;
  };
  const repeats = o.quick ? 3 : 5;

  // 1. parse throughput of each reader, and of a whole LocalWorkspace.open
  for (const spec of [...s.parse, ...s.parse4]) {
    const ds = await load(spec);
    const target: ParseTarget = spec.generation as ParseTarget;
    o.log(`parse ${spec.name} …`);
    const r = await runProbe<ParseResult>('parse', { target, root: ds.root, runDirs: ds.runs.map((x) => x.dir), repeats });
    raw[`parse:${spec.name}`] = r;
    const label = { A: 'parse .log files (MetricFolderReader)', B: 'parse backup.swanlab (RecordFileReader)', C: 'parse run-<id>.swanlab (RecordFileReader)' }[target as 'A' | 'B' | 'C'];
    // B has no target of its own (SDK 0.6–0.7 offline runs); reported for comparison
    if (target === 'B') figures.push(info(`parse-${spec.name}`, label, spec.name, r.medianMbPerS, 'MB/s', 'no target for B; reported for comparison'));
    else figures.push(atLeast(`parse-${spec.name}`, label, spec.name, r.medianMbPerS, 'MB/s', TARGETS.parseMbPerS));
    figures.push(info(`parse-first-${spec.name}`, '  first pass (fresh process)', spec.name, r.firstMbPerS, 'MB/s'));
    figures.push(info(`parse-cpu-${spec.name}`, '  per CPU-second (median)', spec.name, r.medianCpuMbPerS, 'MB/s'));
    if (target === 'A' && spec.keys === 1) {
      const lines = await runProbe<LineParserResult>('lines', { runDirs: ds.runs.map((x) => x.dir), repeats: repeats + 2 });
      raw[`lines:${spec.name}`] = lines;
      figures.push(info(`lines-${spec.name}`, '  line parser alone, in memory', spec.name, lines.medianMbPerS, 'MB/s', `${lines.medianNsPerLine.toFixed(0)} ns per line (scanLogLine, SDK-shape fast path)`));
    }
    if (spec.keys === 1) {
      const open = await runProbe<ParseResult>('parse', { target: 'open', root: ds.root, runDirs: [], repeats: Math.min(3, repeats) });
      raw[`open:${spec.name}`] = open;
      figures.push(info(`open-${spec.name}`, 'LocalWorkspace.open + all series', spec.name, open.medianMbPerS, 'MB/s'));
      o.log(`memory ${spec.name} …`);
      const m = await runProbe<WorkspaceResult>('workspace', { root: ds.root });
      raw[`memory:${spec.name}`] = m;
      figures.push(...memoryFigures(`memory-${spec.name}`, spec.name, m));
      figures.push(info(`rss-${spec.name}`, '  RSS growth per point', spec.name, m.rssPerPoint, 'B'));
    }
  }

  // 2. tag request latency for a 100k-point metric
  {
    const ds = await load(s.tag);
    o.log(`tag ${s.tag.name} …`);
    const run = ds.runs[0];
    const m = await runProbe<WorkspaceResult>('workspace', { root: ds.root, tag: { runDir: run.dir, key: run.keys[0], repeats: 50 } });
    raw[`tag:${s.tag.name}`] = m;
    figures.push(info(`tag-cold-${s.tag.name}`, 'tag request, cold (first after open)', s.tag.name, m.tag!.coldMs, 'ms'));
    figures.push(atMost(`tag-warm-${s.tag.name}`, 'tag request, warm (median of 50)', s.tag.name, m.tag!.warmMedianMs, 'ms', TARGETS.tagWarmMs));
    figures.push(info(`tag-p95-${s.tag.name}`, '  warm p95', s.tag.name, m.tag!.warmP95Ms, 'ms'));
    figures.push(...memoryFigures(`memory-${s.tag.name}`, s.tag.name, m));
  }

  // 3. refresh after appending 1000 points: big run vs small run
  for (const gen of ['A', 'C'] as const) {
    const big = s.parse.find((x) => x.generation === gen)!;
    const small = s.small.find((x) => x.generation === gen)!;
    const results: RefreshResult[] = [];
    for (const spec of [big, small]) {
      const ds = await load(spec);
      o.log(`refresh ${spec.name} …`);
      const copy = copyDataset(ds, path.join(WORK_DIR, spec.name));
      const run = copy.runs[0];
      const r = await runProbe<RefreshResult>('refresh', { root: copy.root, runDir: run.dir, key: run.keys[0], rounds: 10, pointsPerRound: 1000 });
      raw[`refresh:${spec.name}`] = r;
      results.push(r);
    }
    const [rb, rs] = results;
    const allowed = TARGETS.refreshReadPerAppended * rb.medianAppendedBytes + TARGETS.refreshReadAllowance;
    if (rb.medianBytesRead !== null) {
      const f = atMost(`refresh-read-${big.name}`, 'refresh +1000 pts: bytes read', big.name, rb.medianBytesRead, 'B', Math.round(allowed));
      f.note = `${rb.medianAppendedBytes} B appended; limit = ${TARGETS.refreshReadPerAppended} × appended + 64 KiB`;
      figures.push(f);
    }
    figures.push(info(`refresh-ms-${big.name}`, 'refresh +1000 pts: wall time', big.name, rb.medianRefreshMs, 'ms'));
    figures.push(info(`refresh-ms-${small.name}`, 'refresh +1000 pts: wall time', small.name, rs.medianRefreshMs, 'ms'));
    figures.push(info(`refresh-cpu-${small.name}`, 'refresh +1000 pts: CPU time', small.name, rs.medianRefreshCpuMs, 'ms'));
    const limit = TARGETS.refreshTimeVsSmall * rs.medianRefreshCpuMs + 2;
    const f = atMost(`refresh-cpu-${big.name}`, 'refresh +1000 pts: CPU time', big.name, rb.medianRefreshCpuMs, 'ms', Math.round(limit * 10) / 10);
    f.note = `limit = ${TARGETS.refreshTimeVsSmall} × the CPU time of the same append on the 10k-point run + 2 ms (CPU time: wall time swings with the machine's load)`;
    figures.push(f);
    figures.push(info(`refresh-series-${big.name}`, '  then series() of the grown key', big.name, rb.medianSeriesMs, 'ms'));
  }

  // 4. the 50-run dataset: open time, memory, tag request
  if (!o.skipBig) {
    const ds = await load(s.big);
    o.log(`open ${s.big.name} …`);
    const run = ds.runs[Math.floor(ds.runs.length / 2)];
    const m = await runProbe<WorkspaceResult>('workspace', { root: ds.root, tag: { runDir: run.dir, key: run.keys[run.keys.length - 1], repeats: 50 } }, { maxOldSpaceMb: BIG_HEAP_MB });
    raw[`big:${s.big.name}`] = m;
    figures.push(info(`big-open-${s.big.name}`, 'open (LocalWorkspace.open, metadata)', s.big.name, m.openMs / 1000, 's'));
    figures.push(info(`big-loadall-${s.big.name}`, '  then every series read (loadAll)', s.big.name, m.loadAllMs / 1000, 's'));
    figures.push(info(`big-openrate-${s.big.name}`, '  read throughput', s.big.name, ds.bytes / 1e6 / ((m.openMs + m.loadAllMs) / 1000), 'MB/s'));
    figures.push(info(`big-tag-cold-${s.big.name}`, 'tag request, cold', s.big.name, m.tag!.coldMs, 'ms'));
    figures.push(atMost(`big-tag-warm-${s.big.name}`, 'tag request, warm (median of 50)', s.big.name, m.tag!.warmMedianMs, 'ms', TARGETS.tagWarmMs));
    figures.push(...memoryFigures(`big-memory-${s.big.name}`, s.big.name, m));
    figures.push(info(`big-rss-${s.big.name}`, '  RSS after open + all series', s.big.name, m.afterSeries.rss / 2 ** 30, 'GiB'));
  }
  return { figures, datasets, raw };
}
