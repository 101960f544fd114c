import { useEffect } from 'react';
import { useApi } from '../api/useApi';
import { useAppStore } from '../store/appStore';
import { useLiveStore } from '../store/liveStore';
import { routeChange } from './changeRouting';

/** Coalesces bursts of new runs / keys / status changes into one workspace refetch. */
const REFRESH_DELAY = 250;

/** Applies the change feed: bumps revisions of grown keys and runs, refetches the run list. */
export function useLiveFeed(): void {
  const client = useApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      const source = useAppStore.getState().workspace?.sourceId;
      if (!source) return;
      client.call('workspace.get', { source }).then(
        (ws) => {
          if (ws.sourceId === useAppStore.getState().workspace?.sourceId) useAppStore.getState().setWorkspace(ws);
        },
        () => undefined, // the next change retries; the current view stays
      );
    };
    const off = client.onChange((e) => {
      if (e.source !== useAppStore.getState().workspace?.sourceId) return; // another source's news
      const route = routeChange(e);
      const keys = new Set([...route.grown.values()].flat());
      useLiveStore.getState().bump([...keys], route.touchedRuns);
      if (route.refreshWorkspace && timer === null) timer = setTimeout(refresh, REFRESH_DELAY);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [client]);
}
