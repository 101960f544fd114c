import type { NumericSeries } from '../../shared/domain';
import { minMaxBucketIndices } from '../../shared/downsample';
import { isNotFound, withFallback, type ClientContext } from './clientContext';
import { CloudError } from './cloudError';
import type { CloudSummary, RunRef, ScalarStats, StatPoint } from './cloudTypes';
import { batches, columnRef } from './columnRefs';
import { seriesFromExportCsv, seriesFromPoints } from './mapSeries';
import { downloadPresigned, presignFile } from './presigned';
import { serverNumber, timestampMs } from './serverNumbers';
import { columnCsvSchema, cosKeySchema, scalarSchema, statsSchema, summariesSchema, type WireStats } from './wire';

/** Sampling cap of the house line endpoint (and of the web UI). */
export const MAX_SAMPLE = 1500;

/** Runs per-batch calls and merges their per-key maps, keys in the requested order. */
async function perBatch<T>(keys: readonly string[], call: (batch: string[]) => Promise<Map<string, T>>): Promise<Map<string, T>> {
  const parts = await Promise.all(batches([...new Set(keys)]).map(call));
  const out = new Map<string, T>();
  for (const k of keys) for (const p of parts) if (p.has(k)) out.set(k, p.get(k)!);
  return out;
}

/**
 * Every point of every key (full resolution): `scalar/export` → `files/presigned/get` → wide
 * CSV, 16 keys per export; on a server without them (404) one legacy `column/csv` per key.
 * Keys the run does not have are absent from the answer.
 */
export function fullScalars(ctx: ClientContext, ref: RunRef, keys: readonly string[]): Promise<Map<string, NumericSeries>> {
  return perBatch(keys, (batch) => withFallback(ctx, 'house-export', () => exportBatch(ctx, ref, batch), () => legacyBatch(ctx, ref, batch)));
}

async function exportBatch(ctx: ClientContext, ref: RunRef, keys: string[]): Promise<Map<string, NumericSeries>> {
  const columns = keys.map((key) => ({ experimentName: ref.name, ...columnRef(ref, key) }));
  const { cosKey } = await ctx.api.call('POST', '/house/metrics/scalar/export', cosKeySchema, { body: { projectId: ref.projectId, columns } });
  const csv = await downloadPresigned(ctx, () => presignFile(ctx, cosKey));
  const all = seriesFromExportCsv(csv.toString('utf8'), keys);
  // the wide CSV cannot tell a missing key from an empty one
  for (const [k, s] of all) if (!s.steps.length) all.delete(k);
  return all;
}

async function legacyBatch(ctx: ClientContext, ref: RunRef, keys: string[]): Promise<Map<string, NumericSeries>> {
  const out = new Map<string, NumericSeries>();
  for (const key of keys) {
    const presign = async () => {
      const res = await ctx.api.call('GET', `/experiment/${encodeURIComponent(ref.cuid)}/column/csv`, columnCsvSchema, { query: { key } });
      return Array.isArray(res) ? res[0].url : res.url;
    };
    try {
      const csv = await downloadPresigned(ctx, presign);
      out.set(key, seriesFromExportCsv(csv.toString('utf8'), [key]).get(key)!);
    } catch (e) {
      // 404 here means the run has no such key
      if (!(isNotFound(e) && (e as CloudError).path.endsWith('/column/csv'))) throw e;
    }
  }
  return out;
}

/**
 * LTTB-sampled lines (≤1500 points, NaN points dropped by the server) from `house/metrics/scalar`;
 * an older server without it gets the full legacy series, thinned here to min/max buckets.
 */
export function sampledScalars(ctx: ClientContext, ref: RunRef, keys: readonly string[], num = MAX_SAMPLE): Promise<Map<string, NumericSeries>> {
  const n = Math.max(1, Math.min(num, MAX_SAMPLE));
  return perBatch(keys, (batch) => withFallback(ctx, 'house-scalar', async () => {
    const body = { projectId: ref.projectId, xType: 'step', range: [0, 0], columns: batch.map((k) => columnRef(ref, k)), num: n };
    const entries = await ctx.api.call('POST', '/house/metrics/scalar', scalarSchema, { body });
    // entries may be missing or out of order: align by key
    const out = new Map<string, NumericSeries>();
    for (const e of entries) if (e && batch.includes(e.key)) out.set(e.key, seriesFromPoints(e.metrics ?? []));
    return out;
  }, async () => {
    const full = await legacyBatch(ctx, ref, batch);
    for (const [k, s] of full) {
      const idx = minMaxBucketIndices(s.values, n);
      const pick = (a: Float64Array) => Float64Array.from(idx, (i) => a[i]);
      full.set(k, { steps: pick(s.steps), values: pick(s.values), timestamps: pick(s.timestamps), legacyNonFinite: s.legacyNonFinite });
    }
    return full;
  }));
}

const STAT_FIELDS = ['min', 'max', 'avg', 'median', 'latest'] as const;

/** min/max/avg/median/latest per key: `scalar/value` by step and by timestamp, merged (doc §4.6). */
export function scalarStats(ctx: ClientContext, ref: RunRef, keys: readonly string[]): Promise<Map<string, ScalarStats>> {
  return perBatch(keys, async (batch) => {
    const body = (xType: string) => ({ projectId: ref.projectId, xType, range: [0, 0], columns: batch.map((k) => columnRef(ref, k)), num: MAX_SAMPLE });
    const [bySteps, byTime] = await Promise.all(['step', 'timestamp'].map((x) => ctx.api.call('POST', '/house/metrics/scalar/value', statsSchema, { body: body(x) })));
    const timeOf = new Map(byTime.filter((e): e is WireStats => !!e).map((e) => [e.key, e]));
    const out = new Map<string, ScalarStats>();
    for (const e of bySteps) {
      if (!e || !batch.includes(e.key)) continue;
      const t = timeOf.get(e.key);
      const point = (f: (typeof STAT_FIELDS)[number]): StatPoint | null => {
        const s = e[f];
        return s ? { step: serverNumber(s.index), value: serverNumber(s.data), timestamp: timestampMs(t?.[f]?.index) } : null;
      };
      out.set(e.key, { min: point('min'), max: point('max'), avg: point('avg'), median: point('median'), latest: point('latest') });
    }
    return out;
  });
}

/** A summary's min/max: a number (new body) or `{index, data}` (legacy body). */
function statValue(v: unknown): number {
  return v && typeof v === 'object' && 'data' in v ? serverNumber((v as { data: unknown }).data) : serverNumber(v);
}

/**
 * Latest value and min/max of every key (or `keys`) of several runs in one call: the new body
 * `{experiments, keys}`, or on an older server (400/404/405/422) the legacy array body.
 */
export async function summaries(ctx: ClientContext, refs: readonly RunRef[], keys?: readonly string[]): Promise<Map<string, Map<string, CloudSummary>>> {
  const item = (r: RunRef) => ({
    projectId: r.projectId, experimentId: r.cuid,
    ...(r.createdAtSec !== null ? { createdAt: r.createdAtSec } : {}),
    ...(r.rootProId ? { rootProId: r.rootProId } : {}), ...(r.rootExpId ? { rootExpId: r.rootExpId } : {}),
  });
  const rejected = (e: unknown) => e instanceof CloudError && e.kind === 'http' && [400, 404, 405, 422].includes(e.status ?? 0);
  const answer = await withFallback(ctx, 'summaries-body',
    () => ctx.api.call('POST', '/house/metrics/summaries', summariesSchema, { body: { experiments: refs.map(item), ...(keys ? { keys } : {}) } }),
    () => ctx.api.call('POST', '/house/metrics/summaries', summariesSchema, { body: refs.map(item) }),
    rejected);
  const out = new Map<string, Map<string, CloudSummary>>();
  for (const r of refs) {
    const perKey = new Map<string, CloudSummary>();
    for (const [k, s] of Object.entries(answer[r.cuid] ?? {})) {
      if (keys && !keys.includes(k)) continue;
      perKey.set(k, { step: serverNumber(s.step), value: serverNumber(s.value), min: statValue(s.min), max: statValue(s.max) });
    }
    out.set(r.cuid, perKey);
  }
  return out;
}
