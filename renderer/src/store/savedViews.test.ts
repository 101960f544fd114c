import { describe, expect, it, vi } from 'vitest';

// the app store (behind the view keys) reads the browser's language when it is created
vi.hoisted(() => {
  const g = globalThis as { navigator?: { language: string } };
  if (!g.navigator) Object.defineProperty(g, 'navigator', { value: { language: 'en' }, configurable: true });
});
import { newBrowse, type AccountBrowse } from './accountsStore';
import { parseSavedViews, savedBrowseOf, serializeViews } from './savedViews';

const A = 'http://h:1#alice';

function chartsBrowse(): AccountBrowse {
  return {
    ...newBrowse(),
    workspace: 'alice',
    project: 'mnist',
    projectSearch: 'mn',
    projectSort: 'name',
    filter: { states: ['crashed'], name: 'base', configKey: 'lr', configValue: '0.1' },
    sort: { column: 'config:lr', dir: 'asc' },
    columns: ['lr'],
    selected: ['r1', 'r2'],
    mode: 'charts',
    opened: { request: { accountId: A, workspace: 'alice', project: 'mnist', runIds: ['r1', 'r2'] }, sourceId: 'cloud:abc' },
    runs: { key: 'alice/mnist', data: [], loading: false, error: null },
  };
}

describe('saved account views', () => {
  it('reads back what was saved: the front view, where each account was, the runs opened as charts', () => {
    const text = serializeViews({ active: `account:${A}`, accounts: { [A]: savedBrowseOf(chartsBrowse()) } });
    const back = parseSavedViews(text)!;
    expect(back.active).toBe(`account:${A}`);
    expect(back.accounts[A]).toEqual(savedBrowseOf(chartsBrowse()));
    expect(back.accounts[A].opened!.sourceId).toBe('cloud:abc');
  });

  it('keeps choices, not loaded data', () => {
    const saved = savedBrowseOf(chartsBrowse()) as Record<string, unknown>;
    expect(['runs', 'workspaces', 'projects', 'openState'].filter((k) => k in saved)).toEqual([]);
  });

  it('reads nothing from missing, damaged or other-version text', () => {
    expect(parseSavedViews(null)).toBeNull();
    expect(parseSavedViews('{"version":1,')).toBeNull();
    expect(parseSavedViews('[]')).toBeNull();
    expect(parseSavedViews(JSON.stringify({ version: 2, active: 'folder', accounts: {} }))).toBeNull();
  });

  it('takes a first visit\'s value for each field that does not read right', () => {
    const text = JSON.stringify({
      version: 1,
      active: 'account:nobody',
      accounts: {
        [A]: { workspace: 7, project: 'mnist', projectPage: 0, projectSort: 'size', filter: { states: ['lost'] }, sort: { column: 'x', dir: 'up' }, selected: ['r1', 3], mode: 'charts', opened: { request: { accountId: A } } },
        broken: 'x',
      },
    });
    const back = parseSavedViews(text)!;
    const fresh = newBrowse();
    expect(back.active).toBe('account:nobody');
    expect(Object.keys(back.accounts)).toEqual([A]);
    const b = back.accounts[A];
    expect(b.project).toBe('mnist');
    expect([b.workspace, b.projectPage, b.projectSort, b.filter, b.sort, b.selected, b.opened]).toEqual(
      [fresh.workspace, fresh.projectPage, fresh.projectSort, fresh.filter, fresh.sort, fresh.selected, null],
    );
    // charts without opened runs cannot be shown: the runs table instead
    expect(b.mode).toBe('browse');
  });

  it('never reopens runs under another account than the one they were opened with', () => {
    const browse = chartsBrowse();
    browse.opened = { request: { ...browse.opened!.request, accountId: 'http://other#bob' }, sourceId: 'cloud:abc' };
    const back = parseSavedViews(serializeViews({ active: `account:${A}`, accounts: { [A]: savedBrowseOf(browse) } }))!;
    expect(back.accounts[A].opened).toBeNull();
    expect(back.accounts[A].mode).toBe('browse');
  });

  it('falls back to the folder for a front view that is neither the folder nor an account', () => {
    expect(parseSavedViews(JSON.stringify({ version: 1, active: 'elsewhere', accounts: {} }))!.active).toBe('folder');
  });
});
