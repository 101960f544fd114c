import { useEffect, useRef, useState } from 'react';
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

const NOTHING: SeriesState = { data: null, dataId: null, dataRange: null, error: null };

interface Pending {
  id: string;
  cancel(): void;
}

/**
 * series.get for one chart, one request per key it draws (a group of system keys draws
 * several): each keeps showing its previous answer until the next arrives, and an answer is
 * never applied to a request that is no longer current. Answers come back in `reqs` order.
 */
export function useSeriesList(reqs: SeriesRequest[]): SeriesState[] {
  const client = useApi();
  const track = useActivityStore((s) => s.track);
  // per key: the answer shown, and the request on its way
  const [states, setStates] = useState<Record<string, SeriesState>>({});
  const statesRef = useRef(states);
  statesRef.current = states;
  const pending = useRef(new Map<string, Pending>());
  const ids = reqs.map((r) => (r.enabled && r.width !== null && r.source !== null ? requestId(r) : null));
  const signature = JSON.stringify(ids);

  useEffect(() => {
    const wanted = new Set<string>();
    const show = (key: string, next: SeriesState | ((s: SeriesState) => SeriesState)) =>
      setStates((all) => ({ ...all, [key]: typeof next === 'function' ? next(all[key] ?? NOTHING) : next }));
    reqs.forEach((req, i) => {
      const id = ids[i];
      const { source, key, runIds, width, range } = req;
      if (id === null || width === null || source === null) return;
      wanted.add(key);
      const prev = pending.current.get(key);
      if (prev?.id === id) return;
      prev?.cancel();
      pending.current.delete(key);
      const shown = statesRef.current[key] ?? NOTHING;
      if (shown.dataId === id) return;
      if (runIds.length === 0) return show(key, { data: { key, series: [] }, dataId: id, dataRange: range, error: null });
      const cached = seriesCache.get(id);
      if (cached) return show(key, { data: cached, dataId: id, dataRange: range, error: null });

      let alive = true;
      const delay = shown.dataId === null ? 0 : range ? ZOOM_DELAY : LIVE_DELAY;
      const timer = setTimeout(() => {
        const request = { source, key, runIds, width: Math.min(10_000, Math.max(10, width)), ...(range ? { range } : {}) };
        const done = () => {
          if (pending.current.get(key)?.id === id) pending.current.delete(key);
        };
        track(client.call('series.get', request)).then(
          (data) => {
            seriesCache.set(id, data);
            if (alive) show(key, { data, dataId: id, dataRange: range, error: null });
            done();
          },
          (e: Error) => {
            if (alive) show(key, (s) => ({ ...s, error: e.message }));
            done();
          },
        );
      }, delay);
      pending.current.set(key, {
        id,
        cancel: () => {
          alive = false;
          clearTimeout(timer);
        },
      });
    });
    // keys no longer drawn, or charts scrolled out of view: their requests are dropped
    for (const [key, p] of pending.current) {
      if (!wanted.has(key)) {
        p.cancel();
        pending.current.delete(key);
      }
    }
    // the requests are fully described by their ids
  }, [signature, client]);

  useEffect(() => {
    const all = pending.current;
    return () => {
      for (const p of all.values()) p.cancel();
      all.clear();
    };
  }, []);

  return reqs.map((r) => states[r.key] ?? NOTHING);
}

/** series.get for a chart of one key (see useSeriesList). */
export function useSeries(req: SeriesRequest): SeriesState {
  return useSeriesList([req])[0];
}
