import { jsonNumber, lttb, wideCsv } from './encode';
import type { Faults } from './faults';
import { isFailure, resolveRef, seriesOf, statsOf, type HouseRef, type ResolvedRef, type Stat } from './houseData';
import type { FakeLogLevel, FakeModel } from './model';
import { fail, ok, type FakeRequest, type FakeResponse, type Route } from './router';
import type { FakeStorage } from './storage';

interface ColumnsBody {
  projectId?: string;
  columns?: HouseRef[];
  experiments?: HouseRef[];
  num?: number;
  xType?: string;
  limit?: number;
  cursor?: string;
}

const LEVELS: FakeLogLevel[] = ['DEBUG', 'INFO', 'WARN', 'ERROR'];
const stat = (s: Stat) => ({ index: s.index, data: jsonNumber(s.data) });

/** Resolves every ref of a body or returns the first failure. */
function resolveAll(model: FakeModel, req: FakeRequest, refs: HouseRef[], projectOf: (r: HouseRef) => string | undefined): ResolvedRef[] | FakeResponse {
  const out: ResolvedRef[] = [];
  for (const ref of refs) {
    const r = resolveRef(model, req.user.username, projectOf(ref), ref);
    if (isFailure(r)) return r;
    out.push(r);
  }
  return out;
}

/** The metrics store (`/api/house/*`, doc §4.6), minus the run-time upload endpoints. */
export function houseRoutes(model: FakeModel, storage: FakeStorage, faults: Faults): Route[] {
  const body = (req: FakeRequest) => (req.body ?? {}) as ColumnsBody;
  const columns = (req: FakeRequest) => resolveAll(model, req, body(req).columns ?? [], () => body(req).projectId);
  // a server older than the house key listing / export / presigned-get routes
  const legacyGone = (handler: (req: FakeRequest) => FakeResponse): ((req: FakeRequest) => FakeResponse) =>
    (req) => (faults.legacy ? fail(404, 'Cannot POST', 'Not Found') : handler(req));

  const keyListing = (kind: 'scalars' | 'media') => legacyGone((req) => {
    const b = body(req);
    const refs = resolveAll(model, req, b.experiments ?? [], (r) => r.projectId);
    if (isFailure(refs)) return refs;
    const all = [...new Set(refs.flatMap((r) => (r.data ? Object.keys(r.data[kind]) : [])))].sort();
    const start = Number(b.cursor || '0');
    const limit = Math.min(b.limit ?? 2000, faults.keyPageLimit);
    const keys = all.slice(start, start + limit);
    const hasMore = start + limit < all.length;
    return ok({ keys, hasMore, nextCursor: hasMore ? String(start + limit) : '' });
  });

  return [
    { method: 'POST', pattern: '/house/metrics/scalar/keys', handler: keyListing('scalars') },
    { method: 'POST', pattern: '/house/metrics/media/keys', handler: keyListing('media') },
    {
      // LTTB-sampled lines; NaN points dropped (the house joins with NOT isNaN); entries in no particular order
      method: 'POST', pattern: '/house/metrics/scalar',
      handler: (req) => {
        const refs = columns(req);
        if (isFailure(refs)) return refs;
        const num = Math.min(body(req).num ?? 1500, 1500);
        const out = [];
        for (const [i, r] of refs.entries()) {
          const s = seriesOf(r, body(req).columns![i].key);
          if (!s) continue;
          const keep = s.steps.map((_, j) => j).filter((j) => !Number.isNaN(s.values[j]));
          const picked = lttb(keep.map((j) => s.steps[j]), keep.map((j) => s.values[j]), num).map((k) => keep[k]);
          out.push({ key: body(req).columns![i].key, metrics: picked.map((j) => ({ index: s.steps[j], data: jsonNumber(s.values[j]), timestamp: s.timestamps[j] })) });
        }
        return ok(out.reverse());
      },
    },
    {
      method: 'POST', pattern: '/house/metrics/scalar/value',
      handler: (req) => {
        const refs = columns(req);
        if (isFailure(refs)) return refs;
        const byTime = body(req).xType === 'timestamp';
        return ok(refs.flatMap((r, i) => {
          const key = body(req).columns![i].key!;
          const s = seriesOf(r, key);
          const st = s && statsOf(s, byTime);
          return st ? [{ key, min: stat(st.min), max: stat(st.max), avg: stat(st.avg), median: stat(st.median), latest: stat(st.latest) }] : [];
        }));
      },
    },
    {
      method: 'POST', pattern: '/house/metrics/scalar/export',
      handler: legacyGone((req) => {
        const refs = columns(req);
        if (isFailure(refs)) return refs;
        const cols = body(req).columns!;
        if (cols.some((c) => !c.experimentName)) return fail(400, 'experimentName is required', 'Bad Request');
        const csv = wideCsv(refs.map((r, i) => ({ experimentName: cols[i].experimentName!, key: cols[i].key!, series: seriesOf(r, cols[i].key) })));
        const cosKey = `exports/csv/${Date.now()}-${Math.random().toString(36).slice(2)}.csv`;
        storage.put(cosKey, Buffer.from(csv, 'utf8'));
        return ok({ cosKey });
      }),
    },
    {
      method: 'POST', pattern: '/house/metrics/summaries',
      handler: (req) => {
        const legacyBody = Array.isArray(req.body);
        // an old server only knows the array body; a new one answers both
        if (faults.legacy && !legacyBody) return fail(400, 'body must be an array', 'Bad Request');
        const exps = (legacyBody ? req.body : (req.body as { experiments?: HouseRef[] })?.experiments ?? []) as HouseRef[];
        const wanted = legacyBody ? null : (req.body as { keys?: string[] }).keys ?? null;
        const out: Record<string, unknown> = {};
        for (const e of exps) {
          const r = resolveRef(model, req.user.username, e.projectId, e);
          if (isFailure(r)) return r;
          if (!r.data) {
            out[r.run.cuid] = null;
            continue;
          }
          const entries = Object.entries(r.data.scalars).filter(([k]) => !wanted || wanted.includes(k));
          out[r.run.cuid] = Object.fromEntries(entries.flatMap(([k, s]) => {
            const st = statsOf(s, false);
            if (!st) return [];
            return [[k, legacyBody
              ? { step: st.latest.index, value: jsonNumber(st.latest.data), min: stat(st.min), max: stat(st.max) }
              : { step: st.latest.index, value: jsonNumber(st.latest.data), minMax: [jsonNumber(st.min.data), jsonNumber(st.max.data)], min: jsonNumber(st.min.data), max: jsonNumber(st.max.data), avg: jsonNumber(st.avg.data), median: jsonNumber(st.median.data), stdDev: 0 }]];
          }));
        }
        return ok(out);
      },
    },
    {
      // shards of `size` lines addressed by `epoch`; `level` is a minimum level
      method: 'GET', pattern: '/house/metrics/log',
      handler: (req) => {
        const q = req.query;
        const createdAt = q.get('createdAt');
        const r = resolveRef(model, req.user.username, q.get('projectId') ?? undefined, {
          experimentId: q.get('experimentId') ?? undefined, rootExpId: q.get('rootExpId') ?? undefined,
          createdAt: createdAt === null ? undefined : Number(createdAt),
        });
        if (isFailure(r)) return r;
        const min = LEVELS.indexOf((q.get('level') ?? 'INFO') as FakeLogLevel);
        if (min < 0) return fail(400, 'bad level', 'Bad Request');
        const size = Number(q.get('size') ?? '1000');
        const epoch = Number(q.get('epoch') ?? '0');
        const all = (r.data?.logs ?? []).map((l, i) => ({ ...l, epoch: i })).filter((l) => LEVELS.indexOf(l.level) >= min);
        const logs = all.slice(epoch * size, (epoch + 1) * size).map((l) => ({ epoch: l.epoch, level: l.level, message: l.message, tag: '', timestamp: l.timestamp }));
        return ok({ logs, count: all.length });
      },
    },
    {
      method: 'POST', pattern: '/house/metrics/f_media',
      handler: (req) => {
        const refs = columns(req);
        if (isFailure(refs)) return refs;
        return ok(refs.map((r, i) => {
          const m = r.data?.media[body(req).columns![i].key!];
          return m ? { key: body(req).columns![i].key, metrics: m.steps.map((s) => ({ index: s.step, data: s.paths, more: s.more })) } : null;
        }));
      },
    },
    {
      method: 'POST', pattern: '/files/presigned/get',
      handler: legacyGone((req) => ok({ urls: ((req.body as { paths?: string[] })?.paths ?? []).map((p) => storage.presign(p)) })),
    },
    {
      method: 'POST', pattern: '/resources/presigned/get',
      handler: (req) => {
        const b = (req.body ?? {}) as { prefix?: string; paths?: string[] };
        const [projectId, experimentId] = (b.prefix ?? '').split('/');
        const r = resolveRef(model, req.user.username, projectId, { experimentId });
        if (isFailure(r)) return r;
        return ok({ urls: (b.paths ?? []).map((p) => storage.presign(`${b.prefix}/${p}`)) });
      },
    },
  ];
}
