import { projectJson, runJson } from './entityJson';
import { canRead, type FakeModel, type FakeProject } from './model';
import { fail, notFound, ok, paged, queryBool, type FakeRequest, type FakeResponse, type Route } from './router';
import { runsShows, type ShowsItem } from './runsShows';

/** The project the path names, or the error the server answers (404 missing, 403 not readable). */
function projectOf(model: FakeModel, req: FakeRequest): FakeProject | FakeResponse {
  const p = model.projects.find((x) => x.workspace === req.params.ws && x.name === req.params.project);
  if (!p) return notFound('project');
  if (!canRead(model, req.user.username, p.workspace, p)) return fail(403, 'no permission to read this project', 'Forbidden');
  return p;
}

const isResponse = (x: FakeProject | FakeResponse): x is FakeResponse => !('cuid' in x);

/** `/project/{ws}` (paged, sort, search), `/project/{ws}/{p}`, its runs (paged list, `runs/shows`, one run by cuid or slug). */
export function projectRoutes(model: FakeModel): Route[] {
  return [
    {
      method: 'GET', pattern: '/project/:ws',
      handler: (req) => {
        const ws = req.params.ws;
        if (!model.workspaces.some((w) => w.username === ws)) return notFound('workspace');
        const search = (req.query.get('search') ?? '').toLowerCase();
        const sort = req.query.get('sort');
        const list = model.projects
          .filter((p) => p.workspace === ws && canRead(model, req.user.username, ws, p) && p.name.toLowerCase().includes(search))
          .sort((a, b) => (sort === 'name' ? a.name.localeCompare(b.name) : sort === 'create' ? b.createdAt.localeCompare(a.createdAt) : b.updatedAt.localeCompare(a.updatedAt)));
        if (sort && !['name', 'create', 'update'].includes(sort)) return fail(400, `unknown sort ${sort}`, 'Bad Request');
        const detail = queryBool(req.query, 'detail', true);
        return paged(req, list.map((p) => projectJson(model, p, req.user.username, detail)));
      },
    },
    {
      method: 'GET', pattern: '/project/:ws/:project',
      handler: (req) => {
        const p = projectOf(model, req);
        return isResponse(p) ? p : ok(projectJson(model, p, req.user.username, true));
      },
    },
    {
      method: 'GET', pattern: '/project/:ws/:project/runs',
      handler: (req) => {
        const p = projectOf(model, req);
        if (isResponse(p)) return p;
        const runs = [...p.runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        return paged(req, runs.map((r) => runJson(model, p, r, 'summary')));
      },
    },
    {
      method: 'POST', pattern: '/project/:ws/:project/runs/shows',
      handler: (req) => {
        const p = projectOf(model, req);
        if (isResponse(p)) return p;
        const body = (req.body ?? {}) as { filters?: ShowsItem[]; groups?: ShowsItem[]; sorts?: ShowsItem[] };
        try {
          return ok(runsShows(p, body, (r) => runJson(model, p, r, 'summary')));
        } catch (e) {
          return fail(400, (e as Error).message, 'Bad Request');
        }
      },
    },
    {
      method: 'GET', pattern: '/project/:ws/:project/runs/:id',
      handler: (req) => {
        const p = projectOf(model, req);
        if (isResponse(p)) return p;
        const r = p.runs.find((x) => x.cuid === req.params.id || x.slug === req.params.id);
        return r ? ok(runJson(model, p, r, 'full')) : notFound('experiment');
      },
    },
  ];
}
