import type { ChangeEvent, MediaResponse } from '../../../shared/contract';
import { useLiveCall } from '../details/useLiveCall';
import { useAppStore } from '../store/appStore';
import { selectSourceId } from '../store/selectors';

export type MediaPointWithUrls = MediaResponse['points'][number];

export interface RunMedia {
  runId: string;
  points: MediaPointWithUrls[];
  error: string | null;
}

/** Media points of `key` for every run (once `enabled`), reloaded when the key grows in one of them. */
export function useMediaPoints(key: string, runIds: string[], enabled: boolean) {
  const source = useAppStore(selectSourceId);
  const ids = runIds.join('\n');
  return useLiveCall<RunMedia[]>(
    enabled && source && runIds.length ? `${source}\n${key}\n${ids}` : null,
    (api) => Promise.all(
      runIds.map((runId) => api.call('media.get', { source: source!, runId, key }).then(
        (res) => ({ runId, points: res.points, error: null }),
        (e: Error) => ({ runId, points: [], error: e.message }),
      )),
    ),
    (e: ChangeEvent) => e.runs.some((r) => runIds.includes(r.runId) && (r.grownKeys.includes(key) || r.newKeys.includes(key))),
  );
}
