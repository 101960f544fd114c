import { wideCsv } from './encode';
import type { Faults } from './faults';
import { canRead, dataRunOf, findRun, type FakeModel, type FakeProject, type FakeRun } from './model';
import { fail, notFound, ok, paged, type FakeRequest, type FakeResponse, type Route } from './router';
import type { FakeStorage } from './storage';

function runOf(model: FakeModel, req: FakeRequest): { project: FakeProject; run: FakeRun } | FakeResponse {
  const hit = findRun(model, req.params.cuid);
  if (!hit) return notFound('experiment');
  if (!canRead(model, req.user.username, hit.project.workspace, hit.project)) return fail(403, 'no permission', 'Forbidden');
  return hit;
}

/** The per-experiment column index and per-key CSV every server version has (doc §4.5). */
export function legacyRoutes(model: FakeModel, storage: FakeStorage, faults: Faults): Route[] {
  return [
    {
      method: 'GET', pattern: '/experiment/:cuid/column',
      handler: (req) => {
        const hit = runOf(model, req);
        if (!('run' in hit)) return hit;
        const data = dataRunOf(model, hit.run);
        const search = (req.query.get('search') ?? '').toLowerCase();
        const cls = req.query.get('class');
        const columns = [
          ...Object.keys(data.scalars).map((key) => ({ key, name: key, type: 'FLOAT', class: key.startsWith('__swanlab__') ? 'SYSTEM' : 'CUSTOM', createdAt: Date.parse(data.createdAt) })),
          ...Object.entries(data.media).map(([key, m]) => ({ key, name: key, type: m.type, class: 'CUSTOM', createdAt: Date.parse(data.createdAt) })),
        ].filter((c) => c.name.toLowerCase().includes(search) && (!cls || c.class === cls)).reverse();
        return paged(req, columns);
      },
    },
    {
      method: 'GET', pattern: '/experiment/:cuid/column/csv',
      handler: (req) => {
        const hit = runOf(model, req);
        if (!('run' in hit)) return hit;
        const key = req.query.get('key') ?? '';
        const series = dataRunOf(model, hit.run).scalars[key];
        if (!series) return notFound('column');
        const cosKey = `exports/column/${hit.run.cuid}/${Date.now()}-${Math.random().toString(36).slice(2)}.csv`;
        storage.put(cosKey, Buffer.from(wideCsv([{ experimentName: hit.run.name, key, series }]), 'utf8'));
        // older servers answer a list (0.8 code accepts both)
        const url = storage.presign(cosKey);
        return ok(faults.legacy ? [{ url }] : { url });
      },
    },
  ];
}
