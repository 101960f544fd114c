import type { ApiClient } from '../../../shared/client';
import type { UiState } from '../../../shared/contract';
import { EMPTY_UI_STATE } from '../../../shared/uiState';
import { useAppStore } from './appStore';

/** The folder's saved UI state (none saved, or unreadable: the empty state). */
export function loadUiState(client: ApiClient, folderKey: string): Promise<UiState> {
  return client.call('state.get', { folderKey }).catch(() => EMPTY_UI_STATE);
}

/**
 * Loads the folder's UI state (or takes `loaded`, asked for earlier), then writes every later
 * change back through `state.set`. Writes are chained so the last change always lands last. Returns the unsubscribe function.
 * `current()` false after the load (another source was shown meanwhile): nothing is applied.
 */
export async function syncUiState(client: ApiClient, folderKey: string, current: () => boolean = () => true, loaded?: UiState): Promise<() => void> {
  // given: applied in the caller's task, with whatever else it shows (one render, not two)
  const saved = loaded ?? (await loadUiState(client, folderKey));
  if (!current()) return () => {};
  useAppStore.getState().setUi(saved);
  let writing: Promise<unknown> = Promise.resolve();
  return useAppStore.subscribe((s, prev) => {
    if (s.ui === prev.ui) return;
    const state = s.ui;
    writing = writing.then(() => client.call('state.set', { folderKey, state })).catch(() => undefined);
  });
}

let bound: { folderKey: string | null; generation: number; stop: (() => void) | null } = { folderKey: null, generation: 0, stop: null };

/**
 * The one binding between the shown source's UI state (`useAppStore.ui`) and its `folderKey`.
 * Switching sources unbinds first, so one source's pins are never written under another's key.
 */
export async function bindUiState(client: ApiClient, folderKey: string | null, loaded?: UiState): Promise<void> {
  if (folderKey === bound.folderKey && bound.stop) return;
  unbindUiState();
  const generation = bound.generation + 1;
  bound = { folderKey, generation, stop: null };
  if (!folderKey) return;
  const stop = await syncUiState(client, folderKey, () => bound.generation === generation, loaded);
  if (bound.generation === generation) bound.stop = stop;
  else stop();
}

/** Stops writing UI changes anywhere (before another source's state is swapped in). */
export function unbindUiState(): void {
  bound.stop?.();
  bound = { folderKey: null, generation: bound.generation + 1, stop: null };
}
