/** The media step slider: the steps that have media (over all shown runs) and the chosen one. */

export interface StepPoint {
  step: number;
}

/** Sorted unique steps over every run's media points. */
export function unionSteps(pointsByRun: readonly (readonly StepPoint[])[]): number[] {
  const all = new Set<number>();
  for (const points of pointsByRun) for (const p of points) all.add(p.step);
  return [...all].sort((a, b) => a - b);
}

/**
 * Slider position after the steps changed (new media arrived): stays on the last step when it
 * was there (or nothing was chosen yet), else keeps the chosen step (or the nearest one below).
 */
export function nextStepIndex(prevSteps: readonly number[], prevIndex: number | null, steps: readonly number[]): number {
  if (steps.length === 0) return -1;
  if (prevIndex === null || prevIndex < 0 || prevIndex >= prevSteps.length - 1) return steps.length - 1;
  return Math.max(0, atOrBeforeIndex(steps, prevSteps[prevIndex]));
}

/** Index of the last element <= step in ascending `steps`, -1 when none. */
function atOrBeforeIndex(steps: readonly number[], step: number): number {
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid] <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** A run's point at the chosen step, or its latest one before it (runs log media at different steps); points sorted by step. */
export function pointAtOrBefore<P extends StepPoint>(points: readonly P[], step: number): P | null {
  for (let i = points.length - 1; i >= 0; i--) if (points[i].step <= step) return points[i];
  return null;
}
