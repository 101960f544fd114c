import { useEffect, useState } from 'react';
import type { SeriesResponse } from '../../../shared/contract';
import { useApi } from '../api/useApi';
import { useActivityStore } from '../store/activityStore';
import { seriesCache } from './seriesCache';

export interface SeriesRequest {
  /** The source the runs belong to; null while nothing is open (nothing is fetched). */
  source: string | null;
  key: string;
  runIds: string[];
  /** Chart width in CSS pixels; null while unknown (nothing is fetched). */
  width: number | null;
  range: [number, number] | null;
  /** Bumped by the change feed when the key grew. */
  revision: number;
  enabled: boolean;
}

export interface SeriesState {
  data: SeriesResponse | null;
  /** Request id the data answers. */
  dataId: string | null;
  /** Zoom range the data was cut to. */
  dataRange: [number, number] | null;
  error: string | null;
}

/** Waits after zoom gestures and live growth, so bursts make one request. */
const ZOOM_DELAY = 150;
const LIVE_DELAY = 400;

function requestId(r: SeriesRequest): string {
  return JSON.stringify([r.source, r.key, r.runIds, r.width, r.range, r.revision]);
}

/**
 * series.get for one chart: keeps showing the previous answer until the next arrives, never
 * applies an answer to a request that is no longer current.
 */
export function useSeries(req: SeriesRequest): SeriesState {
  const client = useApi();
  const track = useActivityStore((s) => s.track);
  const [state, setState] = useState<SeriesState>({ data: null, dataId: null, dataRange: null, error: null });
  const id = requestId(req);

  useEffect(() => {
    const { source, key, runIds, width, range, enabled } = req;
    if (!enabled || width === null || source === null) return;
    if (runIds.length === 0) {
      setState({ data: { key, series: [] }, dataId: id, dataRange: range, error: null });
      return;
    }
    const cached = seriesCache.get(id);
    if (cached) {
      setState({ data: cached, dataId: id, dataRange: range, error: null });
      return;
    }
    let alive = true;
    const delay = state.dataId === null ? 0 : range ? ZOOM_DELAY : LIVE_DELAY;
    const timer = setTimeout(() => {
      const request = { source, key, runIds, width: Math.min(10_000, Math.max(10, width)), ...(range ? { range } : {}) };
      track(client.call('series.get', request)).then(
        (data) => {
          seriesCache.set(id, data);
          if (alive) setState({ data, dataId: id, dataRange: range, error: null });
        },
        (e: Error) => alive && setState((s) => ({ ...s, error: e.message })),
      );
    }, delay);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
    // the request is fully described by its id
  }, [id, req.enabled, client]);

  return state;
}
