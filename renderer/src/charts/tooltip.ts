import { escapeHtml, formatValue } from './chartFormat';

export interface TooltipRun {
  name: string;
  color: string;
  /** Group charts: the key's line pattern, shown instead of the colour dot. */
  dash?: 'solid' | 'dashed' | 'dotted';
  steps: Float64Array;
  values: Float64Array;
}

/** Index of the point closest to `step` (steps ascending), or -1 when outside the run's steps. */
export function indexAtStep(steps: Float64Array, step: number): number {
  const n = steps.length;
  if (n === 0 || step < steps[0] - 0.5 || step > steps[n - 1] + 0.5) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid] < step) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && step - steps[lo - 1] < steps[lo] - step ? lo - 1 : lo;
}

function marker(r: TooltipRun): string {
  const color = escapeHtml(r.color);
  return r.dash
    ? `<span class="tt-line" style="border-top:2px ${r.dash} ${color}"></span>`
    : `<span class="tt-dot" style="background:${color}"></span>`;
}

/** Tooltip body: the hovered step, then every run with its value there (— when it has none). */
export function tooltipHtml(step: number, runs: TooltipRun[], stepLabel: string): string {
  const rows = runs.map((r) => {
    const i = indexAtStep(r.steps, step);
    const value = i < 0 ? '—' : formatValue(r.values[i]);
    return (
      `<div class="tt-row">${marker(r)}` +
      `<span class="tt-name">${escapeHtml(r.name)}</span><span class="tt-value">${value}</span></div>`
    );
  });
  return `<div class="tt-step">${escapeHtml(stepLabel)} ${Math.round(step)}</div>${rows.join('')}`;
}
