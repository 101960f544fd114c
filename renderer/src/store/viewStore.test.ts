import { beforeEach, describe, expect, it, vi } from 'vitest';

// the app store reads the saved language (or the browser's) when it is created
vi.hoisted(() => {
  const g = globalThis as { navigator?: { language: string } };
  if (!g.navigator) Object.defineProperty(g, 'navigator', { value: { language: 'en' }, configurable: true });
});
import type { WorkspaceView } from '../../../shared/contract';
import { EMPTY_UI_STATE } from '../../../shared/uiState';
import { useAppStore } from './appStore';
import { accountIdOfView, accountView, dropView, FOLDER_VIEW, swapView, updateViewSource, useViewStore, viewWorkspace } from './viewStore';
import { useZoomStore } from './zoomStore';

function ws(sourceId: string): WorkspaceView {
  return { sourceId, kind: sourceId.startsWith('cloud') ? 'cloud' : 'folder', target: `/t/${sourceId}`, folderKey: `k-${sourceId}`, runs: [], issues: [], canOpenFolders: false };
}

describe('view switching', () => {
  beforeEach(() => {
    useViewStore.setState({ active: FOLDER_VIEW, parked: {}, scroll: {} });
    useAppStore.setState({ workspace: null, phase: 'loading', error: null, ui: EMPTY_UI_STATE, selectedRunId: null });
    useZoomStore.setState({ windows: {} });
  });

  it('parks the shown source with its pins, open details and zoom, and brings it back as it was', () => {
    const folderUi = { ...EMPTY_UI_STATE, pinned: ['train/loss'] };
    useAppStore.setState({ workspace: ws('folder1'), phase: 'ready', ui: folderUi, selectedRunId: 'run-a' });
    useZoomStore.setState({ windows: { 'train/loss': [10, 20] } });

    const a = accountView('http://h#alice');
    expect(accountIdOfView(a)).toBe('http://h#alice');
    swapView(a);
    expect(useViewStore.getState().active).toBe(a);
    expect(useAppStore.getState().workspace).toBeNull();
    expect(useAppStore.getState().selectedRunId).toBeNull();
    expect(useAppStore.getState().phase).toBe('ready');
    expect(useZoomStore.getState().windows).toEqual({});

    // the account opens charts
    useAppStore.setState({ workspace: ws('cloud1'), selectedRunId: 'r1' });
    useZoomStore.setState({ windows: { 'val/acc': [1, 2] } });

    swapView(FOLDER_VIEW);
    expect(useAppStore.getState().workspace?.sourceId).toBe('folder1');
    expect(useAppStore.getState().ui).toBe(folderUi);
    expect(useAppStore.getState().selectedRunId).toBe('run-a');
    expect(useZoomStore.getState().windows).toEqual({ 'train/loss': [10, 20] });
    expect(viewWorkspace(a)?.sourceId).toBe('cloud1');

    swapView(a);
    expect(useAppStore.getState().workspace?.sourceId).toBe('cloud1');
    expect(useAppStore.getState().selectedRunId).toBe('r1');
    expect(useZoomStore.getState().windows).toEqual({ 'val/acc': [1, 2] });
    expect(swapView(a)).toBeNull(); // already in front
  });

  it('an answer for a view that was switched away lands in its parked state, not in front', () => {
    useAppStore.setState({ workspace: ws('folder1'), phase: 'ready' });
    const a = accountView('x#bob');
    swapView(a);
    expect(updateViewSource(FOLDER_VIEW, { workspace: ws('folder2') })).toBe(false);
    expect(useAppStore.getState().workspace).toBeNull();
    expect(viewWorkspace(FOLDER_VIEW)?.sourceId).toBe('folder2');
    expect(updateViewSource(a, { workspace: ws('cloud9') })).toBe(true);
    expect(useAppStore.getState().workspace?.sourceId).toBe('cloud9');
  });

  it('drops a removed account view', () => {
    const a = accountView('x#carol');
    swapView(a);
    swapView(FOLDER_VIEW);
    expect(useViewStore.getState().parked[a]).toBeDefined();
    dropView(a);
    expect(useViewStore.getState().parked[a]).toBeUndefined();
  });
});
