import { describe, expect, it } from 'vitest';
import { buildLineOption, CHART_PALETTES, stepExtent, toFlatPoints, toPoints, type ChartRun } from './chartOption';

const f = (...xs: number[]) => Float64Array.from(xs);

const runs: ChartRun[] = [
  { runId: 'a', name: 'alpha', color: '#111111', steps: f(0, 1, 2), values: f(1, NaN, 3) },
  { runId: 'b', name: 'beta', color: '#222222', steps: f(5, 6), values: f(Infinity, -Infinity) },
];

describe('chart option', () => {
  it('keeps NaN and turns ±Infinity into NaN, so ECharts draws gaps', () => {
    const pts = toPoints(f(0, 1, 2, 3), f(1, NaN, Infinity, -Infinity));
    expect(pts[0]).toEqual([0, 1]);
    expect(pts.slice(1).every(([, v]) => Number.isNaN(v))).toBe(true);
  });

  it('flattens the points into one typed array for ECharts, with the same gaps', () => {
    const flat = toFlatPoints(f(0, 1, 2, 3), f(1, NaN, Infinity, -Infinity));
    expect(flat).toBeInstanceOf(Float64Array);
    expect(Array.from(flat.subarray(0, 2))).toEqual([0, 1]);
    expect([flat[2], flat[4], flat[6]]).toEqual([1, 2, 3]);
    expect([flat[3], flat[5], flat[7]].every(Number.isNaN)).toBe(true);
  });

  it('spans every run in the step extent', () => {
    expect(stepExtent(runs)).toEqual([0, 6]);
    expect(stepExtent([{ steps: f() }])).toBeNull();
  });

  it('overlays one series per run in its color, without animation or symbols', () => {
    const o = buildLineOption({ runs, extent: [0, 6], zoom: null, palette: CHART_PALETTES.light, tooltip: () => '' });
    expect(o.animation).toBe(false);
    const series = o.series as { id: string; showSymbol: boolean; lineStyle: { color: string }; connectNulls: boolean }[];
    expect(series.map((s) => s.id)).toEqual(['a', 'b']);
    expect(series.map((s) => s.lineStyle.color)).toEqual(['#111111', '#222222']);
    expect(series.every((s) => s.showSymbol === false && s.connectNulls === false)).toBe(true);
    const x = o.xAxis as { min: number; max: number };
    expect([x.min, x.max]).toEqual([0, 6]);
  });

  it('draws a series of a single point as a dot', () => {
    const o = buildLineOption({ runs: [{ runId: 'c', name: 'c', color: '#333333', steps: f(4), values: f(1) }], extent: [4, 4], zoom: null, palette: CHART_PALETTES.light, tooltip: () => '' });
    expect((o.series as { showSymbol: boolean; symbol: string }[])[0]).toMatchObject({ showSymbol: true, symbol: 'circle' });
  });

  it('gives a group chart\'s lines their own ids and patterns', () => {
    const o = buildLineOption({ runs: [{ ...runs[0], id: 'a\nk2', dash: 'dashed' }], extent: [0, 2], zoom: null, palette: CHART_PALETTES.light, tooltip: () => '' });
    expect((o.series as { id: string; lineStyle: { type: string } }[])[0]).toMatchObject({ id: 'a\nk2', lineStyle: { type: 'dashed' } });
  });

  it('puts the zoom window on the x data zoom, or the whole range', () => {
    const zoomed = buildLineOption({ runs, extent: [0, 6], zoom: [1, 4], palette: CHART_PALETTES.dark, tooltip: () => '' });
    const dz = (zoomed.dataZoom as { startValue?: number; endValue?: number; start?: number; end?: number }[])[0];
    expect([dz.startValue, dz.endValue]).toEqual([1, 4]);
    const whole = buildLineOption({ runs, extent: [0, 6], zoom: null, palette: CHART_PALETTES.dark, tooltip: () => '' });
    const dz2 = (whole.dataZoom as { start?: number; end?: number }[])[0];
    expect([dz2.start, dz2.end]).toEqual([0, 100]);
  });

  it('leaves the x axis free when there is a single step', () => {
    const o = buildLineOption({ runs: [], extent: [3, 3], zoom: null, palette: CHART_PALETTES.light, tooltip: () => '' });
    expect((o.xAxis as { max?: number }).max).toBeUndefined();
  });
});
