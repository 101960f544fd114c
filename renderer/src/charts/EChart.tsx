import type { BrushComponentOption } from 'echarts/components';
import { useEffect, useRef } from 'react';
import type { LineChartOption } from './chartOption';
import { echarts } from './echarts';

interface Props {
  option: LineChartOption;
  /** The drag-to-zoom component (chartOption.brushOption), added when the pointer first comes over the chart. */
  brush: BrushComponentOption;
  /** The zoom window the user picked (steps), or null for the whole range. */
  onZoom(window: [number, number] | null): void;
}

type ZoomOption = { dataZoom?: { start?: number; end?: number; startValue?: number; endValue?: number }[] };

function zoomWindow(chart: echarts.ECharts): [number, number] | null {
  const dz = (chart.getOption() as ZoomOption).dataZoom?.[0];
  if (!dz || ((dz.start ?? 0) <= 0 && (dz.end ?? 100) >= 100)) return null;
  return dz.startValue !== undefined && dz.endValue !== undefined ? [dz.startValue, dz.endValue] : null;
}

/**
 * Options waiting to be drawn, one chart per task, in mount order (top to bottom): a screen of
 * charts whose data arrive together (a reload) would otherwise be drawn in one task of seconds
 * (setOption draws synchronously; a 50-run chart costs 0.1–0.3 s in software rendering) and the
 * first chart would only show up when the last one is drawn.
 */
const pendingDraws = new Map<echarts.ECharts, () => void>();
let drainScheduled = false;

function drawSoon(chart: echarts.ECharts, draw: () => void): void {
  pendingDraws.set(chart, draw); // a newer option for a waiting chart keeps its place
  if (!drainScheduled) {
    drainScheduled = true;
    setTimeout(drawNext, 0);
  }
}

function drawNext(): void {
  drainScheduled = false;
  const next = pendingDraws.entries().next();
  if (next.done) return;
  const [chart, draw] = next.value;
  pendingDraws.delete(chart);
  if (pendingDraws.size) {
    drainScheduled = true;
    setTimeout(drawNext, 0);
  }
  if (!chart.isDisposed()) draw();
}

/**
 * One ECharts canvas: drag selects a step range to zoom into, Ctrl+wheel zooms, double-click
 * resets. Drag and double-click are what TensorBoard and W&B do (../shared/docs/anchors.md,
 * "Zoom / pan"); a plain wheel is left to the page, which is a long list of charts: zooming on
 * it would trap scrolling wherever the pointer crosses a chart. Ctrl+wheel is also what a
 * trackpad pinch sends. ChartHeader's "?" (chart.zoomHelp) tells users so.
 */
export function EChart({ option, brush, onZoom }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const onZoomRef = useRef(onZoom);
  onZoomRef.current = onZoom;
  const brushRef = useRef(brush);
  brushRef.current = brush;
  /** The brush component is on the chart (added on the pointer's first visit). */
  const brushOn = useRef(false);
  /** An option has been drawn (the brush needs the chart's x axis). */
  const drawn = useRef(false);

  useEffect(() => {
    const chart = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('datazoom', () => onZoomRef.current(zoomWindow(chart)));
    chart.on('brushEnd', (e) => {
      const range = (e as { areas?: { coordRange?: number[] }[] }).areas?.[0]?.coordRange;
      chart.dispatchAction({ type: 'brush', areas: [] });
      // steps are integers: widen the selection to whole steps
      if (range && range[1] - range[0] > 0) onZoomRef.current([Math.floor(range[0]), Math.ceil(range[1])]);
    });
    chart.getZr().on('dblclick', () => onZoomRef.current(null));
    // The drag-to-zoom component and cursor come when the pointer first comes over the chart,
    // not when it is drawn: each is another full update of every series (a 50-run chart's first
    // draw took a third longer with the cursor, and the first screen's charts ~7 ms each longer
    // with the component); the chart keeps both across later options.
    const takeBrush = () => {
      if (brushOn.current || !drawn.current) return;
      brushOn.current = true;
      chart.setOption({ brush: brushRef.current });
      chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
    };
    chart.getZr().on('mousemove', takeBrush);
    chart.getZr().on('mousedown', takeBrush);
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current!);
    return () => {
      ro.disconnect();
      pendingDraws.delete(chart);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current!;
    drawSoon(chart, () => {
      chart.setOption(option, { replaceMerge: ['series'] });
      drawn.current = true;
    });
  }, [option]);

  useEffect(() => {
    if (brushOn.current) chartRef.current!.setOption({ brush });
  }, [brush]);

  return <div ref={el} className="echart" />;
}
