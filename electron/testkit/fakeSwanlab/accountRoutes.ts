import type { FakeModel, FakeWorkspace } from './model';
import { fail, notFound, ok, type Route } from './router';

export function workspaceJson(w: FakeWorkspace, viewer: string) {
  return {
    username: w.username, name: w.name, type: w.type, role: w.members[viewer] ?? 'VISITOR', comment: '',
    profile: { bio: '', url: '', institution: '', school: null, email: null, location: '' },
  };
}

/** `/user/{u}/groups` (teams only: whether the personal space is listed is unclear, doc §13.2), `/group/{u}`. */
export function accountRoutes(model: FakeModel): Route[] {
  return [
    {
      method: 'GET', pattern: '/user/:username/groups',
      handler: (req) => {
        if (req.params.username !== req.user.username) return fail(403, 'no permission', 'Forbidden');
        return ok(model.workspaces.filter((w) => w.type === 'TEAM' && req.user.username in w.members).map((w) => workspaceJson(w, req.user.username)));
      },
    },
    {
      method: 'GET', pattern: '/group/:username',
      handler: (req) => {
        const w = model.workspaces.find((x) => x.username === req.params.username);
        return w ? ok(workspaceJson(w, req.user.username)) : notFound('workspace');
      },
    },
  ];
}
