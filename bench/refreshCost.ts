/**
 * Refresh cost: opens a run, appends `pointsPerRound` points to it with our writer (resuming the
 * run like a training script that keeps logging), then times `ws.refresh()` and counts the bytes
 * the process read meanwhile. Runs on a scratch copy of the dataset.
 */
import * as path from 'node:path';
import { LocalWorkspace } from '../electron/swanlog/workspace';
import { SwanlogRunWriter } from '../electron/swanlog/writer/runWriter';
import { dirBytes } from './datasets';
import { bytesReadSoFar } from './ioCounter';
import { median } from './stats';

export interface RefreshArgs {
  root: string;
  runDir: string;
  key: string;
  rounds: number;
  pointsPerRound: number;
}

export interface RefreshRound {
  appendedBytes: number;
  bytesRead: number | null;
  refreshMs: number;
  /** CPU time of the process (all threads) during the refresh: its cost when other processes compete for the cores. */
  refreshCpuMs: number;
  /** Time to get the grown series afterwards (what the next chart or tag request pays). */
  seriesMs: number;
  pointsAfter: number;
}

export interface RefreshResult {
  pointsBefore: number;
  /** Refresh with nothing appended. */
  idleMs: number;
  rounds: RefreshRound[];
  medianRefreshMs: number;
  medianRefreshCpuMs: number;
  medianSeriesMs: number;
  medianAppendedBytes: number;
  medianBytesRead: number | null;
}

export async function measureRefresh(args: RefreshArgs): Promise<RefreshResult> {
  const ws = await LocalWorkspace.open(args.root);
  const run = ws.run(path.basename(args.runDir));
  if (!run) throw new Error(`no run ${args.runDir}`);
  // what a viewer has once the chart was shown: the run's record file and the key's series read
  await run.ready();
  const pointsBefore = (await run.series(args.key))?.steps.length ?? 0;

  const idle: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await ws.refresh();
    idle.push(performance.now() - t0);
  }

  const writer = await SwanlogRunWriter.resume(args.runDir, { autoFlush: false });
  let step = writer.lastStep + 1;
  let time = Date.now();
  const rounds: RefreshRound[] = [];
  for (let r = 0; r < args.rounds; r++) {
    const sizeBefore = dirBytes(args.root);
    for (let i = 0; i < args.pointsPerRound; i++) {
      time += 8.1;
      writer.log({ [args.key]: Math.sin(step / 100) + 1 }, { step: step++, time });
    }
    writer.flush();
    const appendedBytes = dirBytes(args.root) - sizeBefore;

    const read0 = bytesReadSoFar();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await ws.refresh();
    const refreshMs = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const read1 = bytesReadSoFar();
    const t1 = performance.now();
    const pointsAfter = (await run.series(args.key))?.steps.length ?? 0;
    const seriesMs = performance.now() - t1;
    rounds.push({ appendedBytes, bytesRead: read0 === null || read1 === null ? null : read1 - read0, refreshMs, refreshCpuMs: (cpu.user + cpu.system) / 1000, seriesMs, pointsAfter });
  }
  writer.kill();
  ws.close();
  const reads = rounds.map((r) => r.bytesRead).filter((b): b is number => b !== null);
  return {
    pointsBefore,
    idleMs: median(idle),
    rounds,
    medianRefreshMs: median(rounds.map((r) => r.refreshMs)),
    medianRefreshCpuMs: median(rounds.map((r) => r.refreshCpuMs)),
    medianSeriesMs: median(rounds.map((r) => r.seriesMs)),
    medianAppendedBytes: median(rounds.map((r) => r.appendedBytes)),
    medianBytesRead: reads.length ? median(reads) : null,
  };
}
