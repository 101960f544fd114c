import { useCallback, useEffect, useRef } from 'react';
import type { WorkspaceView } from '../../../shared/contract';
import { useApi } from '../api/useApi';
import { useAppStore } from '../store/appStore';
import { syncUiState } from '../store/uiPersistence';

/**
 * Loads the open folder (and its remembered UI state before the first charts draw).
 * Returns `open(path)` for the desktop app's recent-folders list and `reload()`.
 */
export function useWorkspace(): { open(path: string): void; reload(): void } {
  const client = useApi();
  const stopSync = useRef<(() => void) | null>(null);
  const syncedKey = useRef<string | null>(null);

  const show = useCallback(async (load: () => Promise<WorkspaceView>) => {
    const store = useAppStore.getState();
    store.setLoading();
    try {
      const ws = await load();
      if (ws.folderKey !== syncedKey.current) {
        stopSync.current?.();
        stopSync.current = ws.folderKey ? await syncUiState(client, ws.folderKey) : null;
        syncedKey.current = ws.folderKey;
      }
      store.setWorkspace(ws);
    } catch (e) {
      store.setError((e as Error).message ?? String(e));
    }
  }, [client]);

  const reload = useCallback(() => void show(() => client.call('workspace.get', {})), [client, show]);
  const open = useCallback((path: string) => void show(() => client.call('workspace.open', { path })), [client, show]);

  useEffect(() => {
    reload();
    return () => stopSync.current?.();
  }, [reload]);

  return { open, reload };
}
