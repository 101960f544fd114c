import type { FakeModel } from './model';
import { fail, notFound, ok, paged, type FakeRequest, type Route } from './router';

const rootOnly = (req: FakeRequest) => (req.user.root ? null : fail(403, 'only the root user may do this', 'Forbidden'));

/** `/self_hosted/*` of a private deployment; a cloud server answers 404 (doc §4.8). */
export function selfHostedRoutes(model: FakeModel, privateHost: boolean): Route[] {
  if (!privateHost) {
    return ['/self_hosted/info', '/self_hosted/users'].flatMap((pattern) => ['GET', 'POST'].map((method) => ({ method, pattern, handler: () => notFound('route') })));
  }
  return [
    {
      method: 'GET', pattern: '/self_hosted/info',
      handler: (req) => ok({ enabled: true, expired: false, root: req.user.root, plan: 'commercial', seats: 20 }),
    },
    {
      method: 'GET', pattern: '/self_hosted/users',
      handler: (req) => rootOnly(req) ?? paged(req, model.users.map((u) => ({ username: u.username, name: u.name, email: null }))),
    },
    {
      method: 'POST', pattern: '/self_hosted/users',
      handler: (req) => {
        const denied = rootOnly(req);
        if (denied) return denied;
        const users = (req.body as { users?: { username?: string; password?: string }[] } | null)?.users;
        if (!Array.isArray(users) || !users.length) return fail(400, 'users is required', 'Bad Request');
        for (const u of users) {
          if (!u.username || !u.password) return fail(400, 'username and password are required', 'Bad Request');
          if (model.users.some((x) => x.username === u.username)) return fail(409, `user ${u.username} already exists`, 'Conflict');
        }
        for (const u of users) {
          model.users.push({ username: u.username!, name: null, apiKey: `new-${u.username}`, verified: true, root: false });
          model.workspaces.push({ username: u.username!, name: null, type: 'PERSON', members: { [u.username!]: 'OWNER' } });
        }
        return ok({}, 201);
      },
    },
  ];
}
