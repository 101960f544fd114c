import { describe, expect, it } from 'vitest';
import type { RunView } from '../../../shared/contract';
import { EMPTY_UI_STATE } from '../../../shared/uiState';
import type { AppState } from './appStore';
import { selectTheme, selectVisibleRuns, selectVisibleRunsByKey } from './selectors';

const runs = ['a', 'b', 'c'].map((id) => ({ info: { id }, keys: [{ key: 'loss' }, ...(id === 'c' ? [{ key: 'acc' }] : [])] }) as unknown as RunView);

function state(patch: Partial<AppState>): AppState {
  return { workspace: null, ui: EMPTY_UI_STATE, themeMode: 'system', systemDark: false, ...patch } as AppState;
}

describe('selectors', () => {
  it('resolves the theme from the choice or the OS', () => {
    expect(selectTheme(state({ systemDark: true }))).toBe('dark');
    expect(selectTheme(state({ systemDark: false }))).toBe('light');
    expect(selectTheme(state({ themeMode: 'dark' }))).toBe('dark');
    expect(selectTheme(state({ themeMode: 'light', systemDark: true }))).toBe('light');
  });

  it('lists visible runs and returns the same array until something changes', () => {
    const ws = { target: '/x', folderKey: 'k', runs, issues: [], canOpenFolders: false };
    const ui = { ...EMPTY_UI_STATE, hiddenRuns: ['b'] };
    const s = state({ workspace: ws, ui });
    const first = selectVisibleRuns(s);
    expect(first.map((r) => r.info.id)).toEqual(['a', 'c']);
    expect(selectVisibleRuns({ ...s })).toBe(first);
    expect(selectVisibleRuns(state({ workspace: ws, ui: { ...ui, hiddenRuns: [] } })).length).toBe(3);
  });

  it('groups visible runs by key', () => {
    const ws = { target: '/x', folderKey: 'k', runs, issues: [], canOpenFolders: false };
    const byKey = selectVisibleRunsByKey(state({ workspace: ws, ui: { ...EMPTY_UI_STATE, hiddenRuns: ['a'] } }));
    expect(byKey.get('loss')!.map((r) => r.info.id)).toEqual(['b', 'c']);
    expect(byKey.get('acc')!.map((r) => r.info.id)).toEqual(['c']);
    expect(byKey.get('nope')).toBeUndefined();
  });
});
