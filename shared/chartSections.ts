import type { RunView, UiState } from './contract';
import type { MetricKeyInfo } from './domain';

export type SectionKind = 'pinned' | 'namespace' | 'system' | 'media' | 'hidden';

/** One chart panel: a line key, or several system keys that SwanLab draws in one chart. */
export interface ChartModel {
  /** What pin, hide and zoom remember and `data-metric-key` shows: the key, or the group's chart name. */
  id: string;
  /** Line keys drawn (one series.get each): one key, or the members of a group. */
  keys: MetricKeyInfo[];
  /** The SDK chart name of a group of several keys, else null. */
  group: string | null;
}

export interface SectionModel {
  /** Stable id: what `folded` stores and `data-section` shows. */
  id: string;
  kind: SectionKind;
  /** Line charts, in order of their first key. */
  charts: ChartModel[];
  /** Media keys (image, audio, text, …), one MediaSection each. */
  media: MetricKeyInfo[];
}

export const PINNED = 'pinned';
export const HIDDEN = 'hidden';
/** The hidden section starts folded; this entry in `folded` records that the user opened it. */
export const HIDDEN_OPEN = 'hidden:open';

/** Every key of the workspace once, in order of first appearance over the runs. */
export function workspaceKeys(runs: RunView[]): MetricKeyInfo[] {
  const seen = new Map<string, MetricKeyInfo>();
  for (const run of runs) for (const k of run.keys) if (!seen.has(k.key)) seen.set(k.key, k);
  return [...seen.values()];
}

const isLine = (k: MetricKeyInfo) => k.type === 'line';

/**
 * The line charts of `keys`, in order of first key. System keys that share a chart name are
 * one chart, like SwanLab draws them (swanlog-format.md §4.6: the SDK's `Column` records give
 * `chart_name` and `chart_index`; e.g. `__swanlab__.disk.read` and `.disk.write` are one chart
 * "Disk I/O Utilization (MB)"). The name, not `chart_index`, is the group: the index is a random
 * id drawn per run (the 0.7.20 fixtures' three runs have three), the name is the same in every
 * run, so runs compare in one chart. A chart name only one key has is a plain chart of that key.
 */
export function chartModels(keys: MetricKeyInfo[]): ChartModel[] {
  const groupOf = (k: MetricKeyInfo) => (k.system && k.chartName ? k.chartName : null);
  const members = new Map<string, MetricKeyInfo[]>();
  for (const k of keys) {
    const g = isLine(k) ? groupOf(k) : null;
    if (g !== null) members.set(g, [...(members.get(g) ?? []), k]);
  }
  const charts: ChartModel[] = [];
  const placed = new Set<string>();
  for (const k of keys) {
    if (!isLine(k)) continue;
    const g = groupOf(k);
    const group = g !== null ? members.get(g)! : [];
    if (group.length < 2) charts.push({ id: k.key, keys: [k], group: null });
    else if (!placed.has(g!)) {
      placed.add(g!);
      charts.push({ id: g!, keys: group, group: g });
    }
  }
  return charts;
}

/**
 * The chart area top to bottom: Pinned, one section per namespace (its line charts, then any
 * media of that namespace), system metrics, namespaces holding only media, Hidden. `pinned`
 * and `hidden` name charts by ChartModel.id.
 */
export function buildSections(runs: RunView[], ui: UiState): SectionModel[] {
  const keys = workspaceKeys(runs);
  const charts = chartModels(keys);
  const byId = new Map(charts.map((c) => [c.id, c]));
  const chartOfKey = new Map(charts.flatMap((c) => c.keys.map((k) => [k.key, c] as const)));
  const pinned = new Set(ui.pinned);
  const hidden = new Set(ui.hidden);

  // sections in order of their first key still placed in them (pinned/hidden charts are elsewhere)
  // (system keys and a user namespace of the same name stay apart, hence the kind in the map key)
  const bySection = new Map<string, { name: string; system: boolean; charts: ChartModel[]; media: MetricKeyInfo[] }>();
  for (const k of keys) {
    const chart = isLine(k) ? chartOfKey.get(k.key)! : null;
    if (chart && (pinned.has(chart.id) || hidden.has(chart.id))) continue;
    const id = `${k.system ? 'system' : 'custom'}:${k.section}`;
    let entry = bySection.get(id);
    if (!entry) bySection.set(id, (entry = { name: k.section, system: k.system, charts: [], media: [] }));
    if (!chart) entry.media.push(k);
    else if (chart.keys[0] === k) entry.charts.push(chart);
  }

  const sections: SectionModel[] = [];
  const pinnedCharts = ui.pinned.flatMap((id) => byId.get(id) ?? []);
  if (pinnedCharts.length) sections.push({ id: PINNED, kind: 'pinned', charts: pinnedCharts, media: [] });
  const system: SectionModel[] = [];
  const mediaOnly: SectionModel[] = [];
  for (const { name, ...entry } of bySection.values()) {
    if (entry.system) system.push({ id: name, kind: 'system', charts: entry.charts, media: entry.media });
    else if (entry.charts.length) sections.push({ id: name, kind: 'namespace', charts: entry.charts, media: entry.media });
    else mediaOnly.push({ id: name, kind: 'media', charts: [], media: entry.media });
  }
  sections.push(...system, ...mediaOnly);

  const hiddenCharts = ui.hidden.flatMap((id) => byId.get(id) ?? []);
  if (hiddenCharts.length) sections.push({ id: HIDDEN, kind: 'hidden', charts: hiddenCharts, media: [] });
  return sections;
}

/** The `folded` entry to toggle for a section (the hidden one folds the other way round). */
export function foldEntry(section: Pick<SectionModel, 'id' | 'kind'>): string {
  return section.kind === 'hidden' ? HIDDEN_OPEN : section.id;
}

export function isFolded(ui: UiState, section: Pick<SectionModel, 'id' | 'kind'>): boolean {
  const listed = ui.folded.includes(foldEntry(section));
  return section.kind === 'hidden' ? !listed : listed;
}

/** The first `n` line charts top to bottom, skipping folded sections: what a window opens on. */
export function leadingCharts(sections: SectionModel[], ui: UiState, n: number): ChartModel[] {
  const out: ChartModel[] = [];
  for (const s of sections) {
    if (out.length >= n) break;
    if (!isFolded(ui, s)) out.push(...s.charts.slice(0, n - out.length));
  }
  return out;
}
