import { canRead, findRun, type FakeModel, type FakeProject, type FakeRun, type FakeSeries } from './model';
import { fail, notFound, type FakeResponse } from './router';

/** A column ref or experiment item of a house call. */
export interface HouseRef {
  projectId?: string;
  experimentId?: string;
  experimentName?: string;
  key?: string;
  /** Unix seconds: lower bound of the data's ingest time (required since 0.9.7, optional before). */
  createdAt?: number;
  rootProId?: string;
  rootExpId?: string;
}

export interface ResolvedRef {
  project: FakeProject;
  run: FakeRun;
  /** Where the data lives; null when the ref cannot see any (a clone without its root ids, a createdAt after the run's). */
  data: FakeRun | null;
}

/**
 * What a ref addresses, checked like the house service: the run exists, belongs to `projectId`,
 * the caller may read it. A cloned run's data is found only through `rootExpId`.
 */
export function resolveRef(model: FakeModel, username: string, projectId: string | undefined, ref: HouseRef): ResolvedRef | FakeResponse {
  const hit = ref.experimentId ? findRun(model, ref.experimentId) : null;
  if (!hit) return notFound('experiment');
  if (projectId !== undefined && projectId !== hit.project.cuid) return fail(400, 'experiment does not belong to projectId', 'Bad Request');
  if (!canRead(model, username, hit.project.workspace, hit.project)) return fail(403, 'no permission', 'Forbidden');
  const createdSec = Math.floor(Date.parse(hit.run.createdAt) / 1000);
  let data: FakeRun | null = hit.run.rootExpId ? null : hit.run;
  if (ref.rootExpId) data = findRun(model, ref.rootExpId)?.run ?? null;
  if (ref.createdAt !== undefined && ref.createdAt !== null && ref.createdAt > createdSec) data = null;
  return { project: hit.project, run: hit.run, data };
}

export const isFailure = (x: unknown): x is FakeResponse => typeof x === 'object' && x !== null && 'status' in x && !('run' in x);

export function seriesOf(r: ResolvedRef, key: string | undefined): FakeSeries | null {
  return key && r.data ? r.data.scalars[key] ?? null : null;
}

export interface Stat {
  index: number;
  data: number;
}

/** min / max / avg / median over finite values; latest is the last point as is. */
export function statsOf(s: FakeSeries, byTime: boolean): Record<'min' | 'max' | 'avg' | 'median' | 'latest', Stat> | null {
  const n = s.steps.length;
  if (!n) return null;
  const x = (i: number) => (byTime ? s.timestamps[i] : s.steps[i]);
  const finite = s.values.map((v, i) => ({ v, i })).filter((p) => Number.isFinite(p.v));
  const latest = { index: x(n - 1), data: s.values[n - 1] };
  if (!finite.length) return { min: latest, max: latest, avg: latest, median: latest, latest };
  let min = finite[0];
  let max = finite[0];
  for (const p of finite) {
    if (p.v < min.v) min = p;
    if (p.v > max.v) max = p;
  }
  const sorted = finite.map((p) => p.v).sort((a, b) => a - b);
  const avg = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return {
    min: { index: x(min.i), data: min.v },
    max: { index: x(max.i), data: max.v },
    avg: { index: x(n - 1), data: avg },
    median: { index: x(n - 1), data: sorted[Math.floor(sorted.length / 2)] },
    latest,
  };
}
