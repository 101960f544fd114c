/**
 * Plausible training curves (decaying noisy loss, warm-up + cosine learning rate, saturating
 * accuracy, …), deterministic for a given Rng. Each curve is asked for its value at
 * increasing steps; the noise comes from the Rng, so call order matters for reproducibility.
 */
import type { Rng } from './rng';

export interface MetricCurve {
  key: string;
  /** Logged every `every` steps (1 = every step). */
  every: number;
  value(step: number): number;
}

export interface CurveOptions {
  /** Length of the run in steps (shapes the schedules). */
  steps: number;
  /** How many keys; the first ones are the classic set, the rest generic `extra/metric_<i>`. */
  keys: number;
  /** Peak learning rate; larger makes loss fall faster and noisier. */
  lr?: number;
  /** Force every key onto every step (benchmarks: `points` per key). */
  everyStep?: boolean;
}

type Template = (rng: Rng, o: Required<CurveOptions>) => MetricCurve;

const decay = (step: number, steps: number, speed: number) => Math.exp((-step / steps) * speed);

const TEMPLATES: Template[] = [
  (rng, o) => {
    const floor = 0.02 + rng.next() * 0.05;
    const start = 2.3 + rng.next() * 0.1;
    const speed = 3 + o.lr * 40;
    return {
      key: 'train/loss',
      every: 1,
      value: (s) => {
        const base = floor + (start - floor) * decay(s, o.steps, speed);
        const spike = rng.next() < 0.001 ? 1 + rng.next() * 2 : 1;
        return Math.max(1e-4, base * (1 + 0.08 * rng.gauss()) * spike);
      },
    };
  },
  (_rng, o) => {
    const warmup = Math.max(1, Math.floor(o.steps * 0.03));
    return {
      key: 'train/lr',
      every: 1,
      value: (s) => (s < warmup ? (o.lr * (s + 1)) / warmup : 0.5 * o.lr * (1 + Math.cos((Math.PI * (s - warmup)) / Math.max(1, o.steps - warmup)))),
    };
  },
  (rng, o) => {
    const top = 0.9 + rng.next() * 0.05;
    return {
      key: 'val/acc',
      every: Math.max(1, Math.floor(o.steps / 50)),
      value: (s) => Math.min(1, Math.max(0, top - (top - 0.1) * decay(s, o.steps, 3 + o.lr * 30) + 0.01 * rng.gauss())),
    };
  },
  (rng, o) => {
    const floor = 0.15 + rng.next() * 0.1;
    return {
      key: 'val/loss',
      every: Math.max(1, Math.floor(o.steps / 50)),
      value: (s) => floor + (2.4 - floor) * decay(s, o.steps, 3 + o.lr * 30) + 0.03 * Math.abs(rng.gauss()),
    };
  },
  (_rng, o) => {
    const perEpoch = Math.max(1, Math.floor(o.steps / 10));
    return { key: 'epoch', every: perEpoch, value: (s) => Math.floor(s / perEpoch) };
  },
  (rng, o) => ({
    key: 'grad/norm',
    every: 10,
    value: (s) => Math.exp(0.25 * rng.gauss()) * (0.4 + 0.8 * decay(s, o.steps, 2)),
  }),
  (rng, o) => ({
    key: 'train/acc',
    every: 1,
    value: (s) => Math.min(1, Math.max(0, 0.97 - 0.87 * decay(s, o.steps, 3 + o.lr * 40) + 0.02 * rng.gauss())),
  }),
  (rng) => {
    const base = 1500 + rng.next() * 2000;
    return { key: 'perf/samples_per_sec', every: 10, value: () => base * (1 + 0.05 * rng.gauss()) };
  },
];

/** A random walk with drift for keys beyond the classic set. */
function genericCurve(rng: Rng, index: number): MetricCurve {
  let v = rng.next() * 10;
  const drift = (rng.next() - 0.5) * 0.01;
  return {
    key: `extra/metric_${index}`,
    every: 1,
    value: () => (v += drift + 0.1 * rng.gauss()),
  };
}

export function trainingCurves(rng: Rng, options: CurveOptions): MetricCurve[] {
  const o: Required<CurveOptions> = { lr: 0.1, everyStep: false, ...options };
  const curves: MetricCurve[] = [];
  for (let i = 0; i < o.keys; i++) curves.push(i < TEMPLATES.length ? TEMPLATES[i](rng, o) : genericCurve(rng, i - TEMPLATES.length));
  if (o.everyStep) for (const c of curves) c.every = 1;
  return curves;
}
