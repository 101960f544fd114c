import type { ApiClient } from '../../../shared/client';
import type { UiState, WorkspaceView } from '../../../shared/contract';
import { useAppStore } from '../store/appStore';
import { bindUiState, unbindUiState } from '../store/uiPersistence';
import { swapView, updateViewSource, useViewStore, viewWorkspace, type ViewKey } from '../store/viewStore';
import { useZoomStore } from '../store/zoomStore';

/**
 * One click in the sidebar: parks what is shown (source, pins, open details, zoom) under the
 * current view and brings `view` back exactly as it was left. Nothing is fetched first; the
 * caller revalidates in the background.
 */
export function showView(client: ApiClient, view: ViewKey): void {
  if (useViewStore.getState().active === view) return;
  unbindUiState(); // before the swap: the outgoing source's pins must not be written under the incoming key
  swapView(view);
  void bindUiState(client, useAppStore.getState().workspace?.folderKey ?? null);
}

/**
 * Shows `ws` as `view`'s source, in front or parked (the answer may arrive after the user
 * switched away). A different source starts unzoomed with no details open. `ui`: its UI state,
 * when the caller asked for it already (else it is loaded now).
 */
export function presentSource(client: ApiClient, view: ViewKey, ws: WorkspaceView, ui?: UiState): void {
  const before = viewWorkspace(view);
  const sameSource = before?.sourceId === ws.sourceId;
  const selected = sameSource ? currentSelection(view) : null;
  const keepSelected = selected && ws.runs.some((r) => r.info.id === selected) ? selected : null;
  const inFront = updateViewSource(view, { workspace: ws, phase: 'ready', error: null, selectedRunId: keepSelected });
  if (!sameSource) {
    if (inFront) useZoomStore.setState({ windows: {} });
    else {
      const { parked } = useViewStore.getState();
      if (parked[view]) useViewStore.setState({ parked: { ...parked, [view]: { ...parked[view], zoom: {} } } });
    }
  }
  if (inFront) void bindUiState(client, ws.folderKey, ui);
}

function currentSelection(view: ViewKey): string | null {
  const { active, parked } = useViewStore.getState();
  return view === active ? useAppStore.getState().selectedRunId : parked[view]?.selectedRunId ?? null;
}

/** Whether an error says the source id is no longer open on the main side (closed, or the server restarted). */
export function isSourceGone(e: unknown): boolean {
  const err = e as { status?: number; message?: string };
  return err?.status === 404 || /is not open/.test(err?.message ?? '');
}
