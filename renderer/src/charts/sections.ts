import type { RunView, UiState } from '../../../shared/contract';
import type { MetricKeyInfo } from '../../../shared/domain';

export type SectionKind = 'pinned' | 'namespace' | 'system' | 'media' | 'hidden';

export interface SectionModel {
  /** Stable id: what `folded` stores and `data-section` shows. */
  id: string;
  kind: SectionKind;
  /** Line keys, one chart each. */
  charts: MetricKeyInfo[];
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

function group(keys: MetricKeyInfo[]): Map<string, MetricKeyInfo[]> {
  const out = new Map<string, MetricKeyInfo[]>();
  for (const k of keys) {
    const list = out.get(k.section);
    if (list) list.push(k);
    else out.set(k.section, [k]);
  }
  return out;
}

/**
 * The chart area top to bottom: Pinned, one section per namespace (its line charts, then any
 * media of that namespace), system metrics, namespaces holding only media, Hidden.
 */
export function buildSections(runs: RunView[], ui: UiState): SectionModel[] {
  const keys = workspaceKeys(runs);
  const byKey = new Map(keys.map((k) => [k.key, k]));
  const pinned = new Set(ui.pinned);
  const hidden = new Set(ui.hidden);
  const isLine = (k: MetricKeyInfo) => k.type === 'line';
  const placed = keys.filter((k) => !isLine(k) || (!pinned.has(k.key) && !hidden.has(k.key)));

  const custom = group(placed.filter((k) => !k.system));
  const system = group(placed.filter((k) => k.system));
  const sections: SectionModel[] = [];

  const pinnedCharts = ui.pinned.flatMap((key) => byKey.get(key) ?? []).filter(isLine);
  if (pinnedCharts.length) sections.push({ id: PINNED, kind: 'pinned', charts: pinnedCharts, media: [] });

  const mediaOnly: SectionModel[] = [];
  for (const [name, list] of custom) {
    const charts = list.filter(isLine);
    const media = list.filter((k) => !isLine(k));
    if (charts.length) sections.push({ id: name, kind: 'namespace', charts, media });
    else mediaOnly.push({ id: name, kind: 'media', charts: [], media });
  }
  for (const [name, list] of system) {
    sections.push({ id: name, kind: 'system', charts: list.filter(isLine), media: list.filter((k) => !isLine(k)) });
  }
  sections.push(...mediaOnly);

  const hiddenCharts = ui.hidden.flatMap((key) => byKey.get(key) ?? []).filter(isLine);
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
