import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../shared/client';
import type { ChangeEvent } from '../../../shared/contract';
import { useApi } from '../api/useApi';
import { useAppStore } from '../store/appStore';

export interface LiveCall<T> {
  data: T | null;
  error: string | null;
}

/**
 * Loads `load()` for `key` (null: not yet) and loads it again whenever the change feed reports
 * something `affects` says is relevant. Reloads never overlap: changes arriving during a load
 * cause exactly one more load after it. `load` and `affects` may be new closures on every render.
 */
export function useLiveCall<T>(
  key: string | null,
  load: (api: ApiClient) => Promise<T>,
  affects: (e: ChangeEvent) => boolean,
): LiveCall<T> {
  const api = useApi();
  const loadRef = useRef(load);
  const affectsRef = useRef(affects);
  loadRef.current = load;
  affectsRef.current = affects;
  const [state, setState] = useState<LiveCall<T> & { key: string | null }>({ key: null, data: null, error: null });

  useEffect(() => {
    if (key === null) return;
    let alive = true;
    let loading = false;
    let again = false;
    const run = async (): Promise<void> => {
      if (loading) {
        again = true;
        return;
      }
      loading = true;
      try {
        const data = await loadRef.current(api);
        if (alive) setState({ key, data, error: null });
      } catch (e) {
        if (alive) setState((s) => ({ key, data: s.key === key ? s.data : null, error: (e as Error).message ?? String(e) }));
      }
      loading = false;
      if (again && alive) {
        again = false;
        await run();
      }
    };
    void run();
    const off = api.onChange((e) => {
      // events of other sources (another account's project, a folder opened before) are not ours
      if (e.source === useAppStore.getState().workspace?.sourceId && affectsRef.current(e)) void run();
    });
    return () => {
      alive = false;
      off();
    };
  }, [api, key]);

  return state.key === key ? state : { data: null, error: null };
}
