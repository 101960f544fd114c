/**
 * The built-in demo project (shown by `swanview start` without a folder, and handy in tests):
 * four runs of a small image classifier — finished, crashed (error.log + traceback), aborted
 * in offline mode (record file only) and one still running that the caller can keep growing.
 */
import { trainingCurves, type MetricCurve } from './curves';
import { encodePng, encodeWavTone } from './mediaEncoders';
import { Rng } from './rng';
import { SwanlogRunWriter, type LogValue, type WriterGeneration } from './runWriter';
import type { FinishState } from './recordWriter';

const PROJECT = 'swanview-demo';
const STEP_MS = 250;

export interface DemoLiveRun {
  writer: SwanlogRunWriter;
  /** Logs the next `steps` steps (default 10) with the current wall-clock time. */
  advance(steps?: number): void;
  /** Appends `stepsPerTick` steps every `intervalMs` until the returned function is called. */
  tick(intervalMs?: number, stepsPerTick?: number): () => void;
  finish(state?: FinishState): void;
}

export interface DemoSwanlog {
  root: string;
  runs: { folder: string; name: string; state: FinishState | 'running'; generations: WriterGeneration[] }[];
  live: DemoLiveRun;
}

interface RunPlan {
  name: string;
  description: string;
  lr: number;
  batch: number;
  planned: number;
  /** Steps written now; for ended runs also where they end. */
  written: number;
  end: FinishState | 'running';
  generations: WriterGeneration[];
  minutesAgo: number;
}

const PLANS: RunPlan[] = [
  { name: 'baseline-lr0.1', description: 'SGD baseline, cosine schedule', lr: 0.1, batch: 128, planned: 3000, written: 3000, end: 'finished', generations: ['A', 'C'], minutesAgo: 58 },
  { name: 'lr0.3-crash', description: 'too high lr, dies with an exception', lr: 0.3, batch: 128, planned: 3000, written: 1338, end: 'crashed', generations: ['A', 'C'], minutesAgo: 44 },
  { name: 'warmup-ablation', description: 'no warm-up, offline mode, stopped with Ctrl-C', lr: 0.05, batch: 64, planned: 3000, written: 2100, end: 'aborted', generations: ['C'], minutesAgo: 33 },
  { name: 'live-bs256', description: 'still training', lr: 0.1, batch: 256, planned: 6000, written: 1200, end: 'running', generations: ['A', 'C'], minutesAgo: 5 },
];

/** Writes the demo into `dir` (an empty or missing folder). `now` (ms) fixes the clock for tests. */
export async function writeDemoSwanlog(dir: string, options: { now?: number; seed?: number } = {}): Promise<DemoSwanlog> {
  const now = options.now ?? Date.now();
  const master = new Rng(options.seed ?? 7);
  const runs: DemoSwanlog['runs'] = [];
  let live: DemoLiveRun | null = null;

  for (const plan of PLANS) {
    const rng = master.fork();
    let clockMs = now - plan.minutesAgo * 60_000;
    const writer = await SwanlogRunWriter.create(dir, {
      project: PROJECT,
      name: plan.name,
      description: plan.description,
      config: demoConfig(plan),
      generations: plan.generations,
      startTime: clockMs,
      clock: () => (clockMs += 37.5),
      autoFlush: false, // flushed at the end (finished runs) or by the live handle
      metadata: { command: `/usr/bin/python3 train.py --lr ${plan.lr} --batch-size ${plan.batch}` },
    });
    const trainer = new DemoTrainer(writer, rng, plan);
    writer.print(`[demo] training resnet18 on cifar10, lr=${plan.lr}, batch=${plan.batch}`, { time: (clockMs += 200) });
    for (let s = 0; s < plan.written; s++) trainer.step(s, (clockMs += STEP_MS * (0.9 + rng.next() * 0.2)));
    if (plan.end === 'crashed') writer.print('about to blow up ...', { time: (clockMs += 50) });
    if (plan.end === 'finished') writer.print('training done', { time: (clockMs += 50) });
    if (plan.end !== 'running') writer.finish(plan.end, { time: (clockMs += 400), error: plan.end === 'crashed' ? CRASH_TRACEBACK : undefined });
    else {
      writer.flush();
      live = trainer.liveHandle(plan.written);
    }
    runs.push({ folder: writer.runFolder, name: writer.name, state: plan.end, generations: plan.generations });
  }
  return { root: dir, runs, live: live! };
}

/** Logs the demo metrics, media and console lines of one run, step by step. */
class DemoTrainer {
  private readonly curves: MetricCurve[];
  private readonly mediaEvery: number;

  constructor(
    private readonly writer: SwanlogRunWriter,
    private readonly rng: Rng,
    private readonly plan: RunPlan,
  ) {
    this.curves = trainingCurves(rng, { steps: plan.planned, keys: 6, lr: plan.lr });
    this.mediaEvery = Math.floor(plan.planned / 6);
  }

  step(s: number, timeMs: number): void {
    const values: Record<string, LogValue> = {};
    for (const c of this.curves) if (s % c.every === 0) values[c.key] = c.value(s);
    if (s > 0 && s % this.mediaEvery === 0) this.addMedia(values, s);
    this.writer.log(values, { step: s, time: timeMs });
    if (s % 100 === 0) {
      const loss = (values['train/loss'] as number).toFixed(4);
      const lr = (values['train/lr'] as number).toFixed(4);
      const epoch = Math.floor(s / Math.max(1, Math.floor(this.plan.planned / 10)));
      this.writer.print(`epoch ${epoch} step ${s}/${this.plan.planned} train/loss=${loss} train/lr=${lr}`, { time: timeMs + 1 });
    }
    if (s === 300) this.writer.print('WARNING: dataloader is slow, consider more workers (stderr)', { time: timeMs + 2, stream: 'stderr' });
  }

  liveHandle(written: number): DemoLiveRun {
    let next = written;
    const advance = (steps = 10) => {
      for (let i = 0; i < steps && next < this.plan.planned; i++) this.step(next++, Date.now());
      this.writer.flush();
    };
    return {
      writer: this.writer,
      advance,
      tick: (intervalMs = 1000, stepsPerTick = 4) => {
        const timer = setInterval(() => advance(stepsPerTick), intervalMs);
        timer.unref();
        return () => clearInterval(timer);
      },
      finish: (state: FinishState = 'finished') => this.writer.finish(state),
    };
  }

  private addMedia(values: Record<string, LogValue>, s: number): void {
    const labels = ['cat', 'dog', 'ship', 'truck', 'frog', 'horse'];
    values['samples/pred'] = {
      kind: 'image',
      items: [0, 1].map((i) => {
        const seed = this.rng.int(1000);
        return { data: demoImage(seed, s), ext: 'png', caption: `pred: ${labels[(seed + i) % labels.length]} (step ${s})` };
      }),
    };
    values['samples/text'] = { kind: 'text', items: [{ text: `step ${s}: predicted '${labels[s % labels.length]}' with p=${(0.5 + this.rng.next() / 2).toFixed(2)}` }] };
    if (s === this.mediaEvery * 2 && this.plan.end === 'finished') {
      values['samples/audio'] = { kind: 'audio', items: [{ data: encodeWavTone(440, 0.25), ext: 'wav', caption: '440 Hz tone' }] };
    }
  }
}

/** A 32×32 picture that sharpens from noise to rings as training goes on. */
function demoImage(seed: number, step: number): Buffer {
  const clarity = Math.min(1, step / 3000);
  const rng = new Rng(seed);
  return encodePng(32, 32, (x, y) => {
    const r = Math.hypot(x - 15.5, y - 15.5);
    const ring = 127 + 127 * Math.cos(r / 2 + seed);
    const noise = rng.int(256);
    const v = Math.round(clarity * ring + (1 - clarity) * noise);
    return [v, (v + seed) & 255, 255 - v];
  });
}

function demoConfig(plan: RunPlan) {
  return {
    model: { name: 'resnet18', depth: 18, dropout: 0.1, pretrained: false },
    optimizer: { name: 'sgd', lr: plan.lr, momentum: 0.9, weight_decay: 0.0005, betas: [0.9, 0.999] },
    data: { dataset: 'cifar10', batch_size: plan.batch, num_workers: 4, augment: { crop: 32, flip: true } },
    epochs: 10,
    seed: 42,
    notes: null,
  };
}

const CRASH_TRACEBACK = [
  'Traceback (most recent call last):',
  '  File "/home/demo/train.py", line 243, in <module>',
  '    main()',
  '  File "/home/demo/train.py", line 231, in main',
  '    raise RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB (simulated)")',
  'RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB (simulated)',
  '',
].join('\n');
