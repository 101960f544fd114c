/**
 * Big, reproducible swanlog folders for benchmarks and tests: `runs` runs × `keys` line keys ×
 * `points` steps (every key logged at every step), optional media, written through the same
 * writers as everything else but with large buffered writes.
 */
import { trainingCurves } from './curves';
import { encodePng } from './mediaEncoders';
import type { MediaValue } from './mediaStore';
import { Rng, runId } from './rng';
import { SwanlogRunWriter, type LogValue, type WriterGeneration } from './runWriter';

export { writeDemoSwanlog } from './demo';
export type { DemoSwanlog, DemoLiveRun } from './demo';

export type RunEndState = 'finished' | 'crashed' | 'aborted' | 'killed';

export interface GenerateSpec {
  runs: number;
  /** Line keys per run (the first 8 are the classic train/val set, then `extra/metric_<i>`). */
  keys: number;
  /** Steps per run; every key gets one point per step. */
  points: number;
  generations: WriterGeneration[];
  /** Adds `samples/pred` (2 PNGs) and `samples/text` at four steps per run. */
  media?: boolean;
  seed?: number;
  project?: string;
  /** ms since epoch of the first run's start; default 2026-01-15T09:00:00Z. */
  startTime?: number;
  /** End of each run, cycled over the runs; default all finished. */
  states?: RunEndState[];
  /** A console line every this many steps (default: 20 lines per run). */
  consoleEvery?: number;
}

export interface GeneratedRun {
  folder: string;
  dir: string;
  id: string;
  name: string;
  state: RunEndState;
  points: number;
  keys: string[];
}

export interface GeneratedSwanlog {
  root: string;
  runs: GeneratedRun[];
  /** Wall time spent writing. */
  ms: number;
}

const STEP_MS = 8.137;

export async function generateSwanlog(dir: string, spec: GenerateSpec): Promise<GeneratedSwanlog> {
  const t0 = performance.now();
  const master = new Rng(spec.seed ?? 1);
  const states = spec.states?.length ? spec.states : ['finished' as const];
  let clockMs = spec.startTime ?? Date.UTC(2026, 0, 15, 9, 0, 0);
  const runs: GeneratedRun[] = [];

  for (let r = 0; r < spec.runs; r++) {
    const rng = master.fork();
    const lr = [0.01, 0.03, 0.1, 0.3][r % 4] * (0.8 + rng.next() * 0.4);
    const curves = trainingCurves(rng, { steps: spec.points, keys: spec.keys, lr, everyStep: true });
    const state = states[r % states.length];
    const clock = () => (clockMs += 0.05 + rng.next() * 0.02);
    const w = await SwanlogRunWriter.create(dir, {
      project: spec.project ?? 'bench',
      name: `run${String(r).padStart(3, '0')}-lr${lr.toFixed(4)}`,
      description: `generated: ${spec.keys} keys × ${spec.points} points`,
      id: runId(rng),
      config: { lr: Number(lr.toFixed(6)), seed: spec.seed ?? 1, run: r, optimizer: { name: 'adamw', betas: [0.9, 0.999] } },
      generations: spec.generations,
      startTime: clockMs,
      clock,
      autoFlush: false,
    });

    const consoleEvery = spec.consoleEvery ?? Math.max(1, Math.floor(spec.points / 20));
    const mediaSteps = new Set(spec.media ? [1, 2, 3, 4].map((q) => Math.min(spec.points - 1, Math.floor((spec.points * q) / 4))) : []);
    const values: Record<string, LogValue> = {};
    const endStep = state === 'finished' ? spec.points : Math.max(1, Math.floor(spec.points * 0.8));
    for (let step = 0; step < endStep; step++) {
      clockMs += STEP_MS + rng.next() * 0.5;
      for (const c of curves) values[c.key] = c.value(step);
      if (mediaSteps.has(step)) addMedia(values, rng, step);
      w.log(values, { step, time: clockMs });
      if (mediaSteps.has(step)) delete values['samples/pred'], delete values['samples/text'];
      if (step % consoleEvery === 0) w.print(`step ${step}/${spec.points} ${curves[0].key}=${(values[curves[0].key] as number).toFixed(4)}`, { time: clockMs + 0.3 });
      if (step === Math.floor(spec.points * 0.3)) w.print('WARNING: dataloader is slow (simulated stderr)', { time: clockMs + 0.4, stream: 'stderr' });
    }
    clockMs += 250;
    if (state === 'killed') w.kill({ tornTail: true });
    else w.finish(state, { time: clockMs });
    runs.push({ folder: w.runFolder, dir: w.runDir, id: w.id, name: w.name, state, points: endStep, keys: curves.map((c) => c.key) });
    clockMs += 60_000;
  }
  return { root: dir, runs, ms: performance.now() - t0 };
}

/** Two small gradient PNGs and a text sample. */
function addMedia(values: Record<string, LogValue>, rng: Rng, step: number): void {
  const images: MediaValue = {
    kind: 'image',
    items: [0, 1].map((i) => {
      const hue = rng.int(256);
      return { data: encodePng(16, 16, (x, y) => [(x * 16 + hue) & 255, (y * 16) & 255, (hue + i * 90) & 255]), ext: 'png', caption: `pred step ${step} #${i}` };
    }),
  };
  values['samples/pred'] = images;
  values['samples/text'] = { kind: 'text', items: [{ text: `step ${step}: sample ${rng.next().toFixed(4)}` }] };
}
