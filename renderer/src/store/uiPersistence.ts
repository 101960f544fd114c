import type { ApiClient } from '../../../shared/client';
import { useAppStore } from './appStore';
import { EMPTY_UI_STATE } from './uiStateOps';

/**
 * Loads the folder's UI state, then writes every later change back through `state.set`.
 * Writes are chained so the last change always lands last. Returns the unsubscribe function.
 */
export async function syncUiState(client: ApiClient, folderKey: string): Promise<() => void> {
  const saved = await client.call('state.get', { folderKey }).catch(() => EMPTY_UI_STATE);
  useAppStore.getState().setUi(saved);
  let writing: Promise<unknown> = Promise.resolve();
  return useAppStore.subscribe((s, prev) => {
    if (s.ui === prev.ui) return;
    const state = s.ui;
    writing = writing.then(() => client.call('state.set', { folderKey, state })).catch(() => undefined);
  });
}
