import { useCallback, useEffect } from 'react';
import type { WorkspaceView } from '../../../shared/contract';
import { useApi } from '../api/useApi';
import { loadUiState, unbindUiState } from '../store/uiPersistence';
import { FOLDER_VIEW, updateViewSource, viewWorkspace } from '../store/viewStore';
import { presentSource, showView } from './viewSwitch';

/**
 * Loads the open folder and its remembered UI state (both before the first charts are laid out)
 * into the folder view — in front, or parked when an account is shown meanwhile. Returns `open(path)`
 * for the desktop app's recent-folders list, `reload()` and `refresh()` (no loading state:
 * coming back to the folder from an account).
 */
export function useWorkspace(): { open(path: string): void; reload(): void; refresh(): void } {
  const client = useApi();

  const show = useCallback(async (load: () => Promise<WorkspaceView>) => {
    updateViewSource(FOLDER_VIEW, { phase: 'loading', error: null });
    try {
      const ws = await load();
      // the folder's pins, folds and hidden runs come before its charts are laid out: otherwise
      // the first charts are asked for without them (hidden runs too) when state.get is slow
      const ui = ws.folderKey ? await loadUiState(client, ws.folderKey) : undefined;
      presentSource(client, FOLDER_VIEW, ws, ui);
    } catch (e) {
      updateViewSource(FOLDER_VIEW, { phase: 'error', error: (e as Error).message ?? String(e) });
    }
  }, [client]);

  const reload = useCallback(() => void show(() => client.call('workspace.get', {})), [client, show]);
  const open = useCallback((path: string) => {
    showView(client, FOLDER_VIEW);
    void show(() => client.call('workspace.open', { path }));
  }, [client, show]);
  const refresh = useCallback(() => {
    const source = viewWorkspace(FOLDER_VIEW)?.sourceId;
    if (source) client.call('workspace.get', { source }).then((ws) => presentSource(client, FOLDER_VIEW, ws), () => undefined);
  }, [client]);

  useEffect(() => {
    reload();
    return () => unbindUiState();
  }, [reload]);

  return { open, reload, refresh };
}
