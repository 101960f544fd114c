import { LINE_DASHES, type ChartRun, type LineDash } from './chartOption';

/** Colours of the keys of a group chart showing one run (the first two are SwanLab's own). */
export const KEY_COLORS = ['#528d59', '#587ad2', '#c24d34', '#d69a2d', '#8a5cc2', '#2a9d9c', '#d36a9e', '#7c8b3a', '#5b6b7f', '#b5651d'];

/** The series.get answer of one key of a chart. */
export interface KeyLines {
  key: string;
  /** How the legend and tooltip name the key (the SDK's display name, else the key). */
  label: string;
  series: { runId: string; steps: Float64Array; values: Float64Array }[];
}

export interface LegendItem {
  key: string;
  label: string;
  /** Key colour when one run is shown; null when lines take their run's colour. */
  color: string | null;
  /** Line pattern when several runs are shown, else null. */
  dash: LineDash | null;
}

export interface ChartLines {
  lines: ChartRun[];
  /** One entry per key of a group chart; empty for a chart of one key. */
  legend: LegendItem[];
}

/**
 * The lines of a chart: one per run for a key; one per key per run for a group. In a group,
 * a single run's keys take distinct colours; with several runs each line keeps its run's colour
 * and the key is told by its line pattern. Every line is named "run · key" (tooltip).
 */
export function chartLines(keys: KeyLines[], runNames: Map<string, string>, runColors: Map<string, string>): ChartLines {
  const known = (s: { runId: string }) => runNames.has(s.runId);
  const colorOf = (runId: string) => runColors.get(runId) ?? '#888';
  if (keys.length === 1) {
    const lines = keys[0].series.filter(known).map((s) => ({
      runId: s.runId, name: runNames.get(s.runId)!, color: colorOf(s.runId), steps: s.steps, values: s.values,
    }));
    return { lines, legend: [] };
  }
  const runs = new Set(keys.flatMap((k) => k.series.filter(known).map((s) => s.runId)));
  const byRun = runs.size > 1;
  const legend = keys.map((k, i): LegendItem => ({
    key: k.key,
    label: k.label,
    color: byRun ? null : KEY_COLORS[i % KEY_COLORS.length],
    dash: byRun ? LINE_DASHES[i % LINE_DASHES.length] : null,
  }));
  const lines = keys.flatMap((k, i) => k.series.filter(known).map((s): ChartRun => ({
    runId: s.runId,
    id: `${s.runId}\n${k.key}`,
    name: `${runNames.get(s.runId)!} · ${k.label}`,
    color: legend[i].color ?? colorOf(s.runId),
    ...(legend[i].dash ? { dash: legend[i].dash } : {}),
    steps: s.steps,
    values: s.values,
  })));
  return { lines, legend };
}
