import type { UiState } from '../../../shared/contract';

/** Pure updates of the per-folder UI state (what `state.set` stores). */


function toggle(list: string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** A pinned chart is never also hidden, and the other way round. */
export function togglePinned(ui: UiState, key: string): UiState {
  return { ...ui, pinned: toggle(ui.pinned, key), hidden: ui.hidden.filter((k) => k !== key) };
}

export function toggleHiddenChart(ui: UiState, key: string): UiState {
  return { ...ui, hidden: toggle(ui.hidden, key), pinned: ui.pinned.filter((k) => k !== key) };
}

export function toggleFolded(ui: UiState, section: string): UiState {
  return { ...ui, folded: toggle(ui.folded, section) };
}

export function toggleRunHidden(ui: UiState, runId: string): UiState {
  return { ...ui, hiddenRuns: toggle(ui.hiddenRuns, runId) };
}

/** Show or hide every run in `runIds` at once (select all / none). */
export function setRunsHidden(ui: UiState, runIds: string[], hidden: boolean): UiState {
  const rest = ui.hiddenRuns.filter((id) => !runIds.includes(id));
  return { ...ui, hiddenRuns: hidden ? [...rest, ...runIds] : rest };
}
