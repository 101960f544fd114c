import type { LineSeriesOption } from 'echarts/charts';
import type {
  BrushComponentOption, DataZoomComponentOption, GridComponentOption, TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatCompact } from './chartFormat';

export type LineChartOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | DataZoomComponentOption | BrushComponentOption
>;

/** Line pattern of a key in a group chart (ECharts `lineStyle.type`, CSS `border-style`). */
export type LineDash = 'solid' | 'dashed' | 'dotted';
export const LINE_DASHES: readonly LineDash[] = ['solid', 'dashed', 'dotted'];

/** One line of a chart: a run's series of one key. */
export interface ChartRun {
  runId: string;
  /** Series id; the run id unless the chart draws several keys. */
  id?: string;
  name: string;
  color: string;
  dash?: LineDash;
  steps: Float64Array;
  values: Float64Array;
}

export interface ChartPalette {
  text: string;
  grid: string;
  axis: string;
  tooltipBg: string;
  tooltipBorder: string;
  brush: string;
}

export const CHART_PALETTES: Record<'light' | 'dark', ChartPalette> = {
  light: { text: '#656d76', grid: '#eef0f3', axis: '#d0d7de', tooltipBg: '#ffffff', tooltipBorder: '#d0d7de', brush: 'rgba(59,108,246,0.12)' },
  dark: { text: '#8d96a0', grid: '#232833', axis: '#3d444d', tooltipBg: '#1f232b', tooltipBorder: '#3d444d', brush: 'rgba(109,147,255,0.18)' },
};

/** Series points as [step, value]; ±Infinity become NaN so ECharts draws a gap, like NaN. */
export function toPoints(steps: Float64Array, values: Float64Array): [number, number][] {
  const out = new Array<[number, number]>(steps.length);
  for (let i = 0; i < steps.length; i++) {
    const v = values[i];
    out[i] = [steps[i], Number.isFinite(v) ? v : NaN];
  }
  return out;
}

/**
 * The same points as one typed array [step0, value0, step1, value1, …], which ECharts copies
 * straight into its storage: no array per point (a chart of 50 runs has ~90k of them).
 */
export function toFlatPoints(steps: Float64Array, values: Float64Array): Float64Array {
  const out = new Float64Array(steps.length * 2);
  for (let i = 0; i < steps.length; i++) {
    const v = values[i];
    out[2 * i] = steps[i];
    out[2 * i + 1] = Number.isFinite(v) ? v : NaN;
  }
  return out;
}

/** [min, max] step over every run, or null when there are no points. */
export function stepExtent(runs: { steps: Float64Array }[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of runs) {
    if (!r.steps.length) continue;
    lo = Math.min(lo, r.steps[0]);
    hi = Math.max(hi, r.steps[r.steps.length - 1]);
  }
  return lo <= hi ? [lo, hi] : null;
}

export interface LineOptionInput {
  runs: ChartRun[];
  /** Full step range of the chart (x axis bounds, so zooming out always reaches it). */
  extent: [number, number] | null;
  /** Zoom window in steps; null shows the whole extent. */
  zoom: [number, number] | null;
  palette: ChartPalette;
  tooltip: TooltipComponentOption['formatter'];
}

/**
 * The drag-to-zoom gesture's component. Not part of buildLineOption: EChart adds it the first
 * time the pointer comes over a chart, so the first screen's charts are drawn without it.
 */
export function brushOption(palette: ChartPalette): BrushComponentOption {
  return {
    xAxisIndex: 0,
    // only a gesture to pick a step range: no series is "brushed" (no visual pass over every point per mouse move)
    seriesIndex: [],
    brushType: 'lineX',
    brushMode: 'single',
    transformable: false,
    brushStyle: { color: palette.brush, borderWidth: 0 },
    outOfBrush: { colorAlpha: 1 },
  };
}

/** The ECharts option of one line chart: every run overlaid, x = step, no animation. */
export function buildLineOption({ runs, extent, zoom, palette, tooltip }: LineOptionInput): LineChartOption {
  const axisLabel = { color: palette.text, fontSize: 10, formatter: (v: number) => formatCompact(v), hideOverlap: true };
  return {
    animation: false,
    grid: { left: 8, right: 14, top: 10, bottom: 6, containLabel: true },
    xAxis: {
      type: 'value',
      min: extent?.[0],
      max: extent && extent[1] > extent[0] ? extent[1] : undefined,
      minInterval: 1,
      axisLabel,
      axisLine: { lineStyle: { color: palette.axis } },
      axisTick: { show: false },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel,
      splitLine: { lineStyle: { color: palette.grid } },
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      transitionDuration: 0,
      backgroundColor: palette.tooltipBg,
      borderColor: palette.tooltipBorder,
      textStyle: { color: palette.text, fontSize: 11 },
      axisPointer: { type: 'line', lineStyle: { color: palette.axis }, animation: false },
      formatter: tooltip,
    },
    dataZoom: [{
      type: 'inside',
      id: 'x',
      xAxisIndex: 0,
      filterMode: 'none',
      zoomOnMouseWheel: 'ctrl',
      moveOnMouseMove: false,
      moveOnMouseWheel: false,
      ...(zoom ? { startValue: zoom[0], endValue: zoom[1] } : { start: 0, end: 100 }),
    }],
    series: runs.map((r) => ({
      id: r.id ?? r.runId,
      name: r.name,
      type: 'line',
      data: toFlatPoints(r.steps, r.values) as unknown as number[][],
      dimensions: ['x', 'y'],
      // a lone point (a run with one system-metric sample) is a dot, not an invisible line
      showSymbol: r.steps.length === 1,
      symbol: r.steps.length === 1 ? 'circle' : 'none',
      symbolSize: 4,
      connectNulls: false,
      // the tooltip is per axis: no hit test of every line on every mouse move
      silent: true,
      // the lines on a canvas layer of their own: the pointer and the brush move without redrawing them
      zlevel: 1,
      lineStyle: { width: 1.4, color: r.color, type: r.dash ?? 'solid' },
      itemStyle: { color: r.color },
      emphasis: { disabled: true },
    })),
  };
}
