import { create } from 'zustand';
import type { UiState, WorkspaceView } from '../../../shared/contract';
import { EMPTY_UI_STATE } from '../../../shared/uiState';
import { useAppStore, type LoadPhase } from './appStore';
import { useZoomStore } from './zoomStore';

/** `folder`, or `account:<account id>`. */
export type ViewKey = string;
export const FOLDER_VIEW: ViewKey = 'folder';
export const accountView = (accountId: string): ViewKey => `account:${accountId}`;
export const accountIdOfView = (key: ViewKey): string | null => (key.startsWith('account:') ? key.slice('account:'.length) : null);

/** What a view shows of its source while another view is in front: swapped in and out of the app store. */
export interface ParkedSource {
  workspace: WorkspaceView | null;
  phase: LoadPhase;
  error: string | null;
  ui: UiState;
  selectedRunId: string | null;
  zoom: Record<string, [number, number]>;
}

export const EMPTY_PARKED: ParkedSource = {
  workspace: null, phase: 'ready', error: null, ui: EMPTY_UI_STATE, selectedRunId: null, zoom: {},
};

export interface ViewState {
  active: ViewKey;
  /** Views not in front, by key. */
  parked: Record<ViewKey, ParkedSource>;
  /** Chart-area scroll positions by view (kept by the chart area itself). */
  scroll: Record<ViewKey, number>;
  sidebarCollapsed: boolean;
  setScroll(view: ViewKey, top: number): void;
  toggleSidebar(): void;
}

export const useViewStore = create<ViewState>()((set) => ({
  active: FOLDER_VIEW,
  parked: {},
  scroll: {},
  sidebarCollapsed: false,
  setScroll: (view, top) => set((s) => (s.scroll[view] === top ? {} : { scroll: { ...s.scroll, [view]: top } })),
  toggleSidebar: () => set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed })),
}));

/** What the app store shows now, as a parked snapshot. */
function snapshot(): ParkedSource {
  const a = useAppStore.getState();
  return {
    workspace: a.workspace,
    phase: a.phase,
    error: a.error,
    ui: a.ui,
    selectedRunId: a.selectedRunId,
    zoom: useZoomStore.getState().windows,
  };
}

/**
 * Puts `next` in front: the shown source (workspace, UI state, open details, zoom) is parked
 * under the current view, and `next`'s parked one is swapped in. Returns the swapped-in
 * snapshot, or null when `next` was already in front. The caller rebinds UI-state persistence.
 */
export function swapView(next: ViewKey): ParkedSource | null {
  const { active, parked } = useViewStore.getState();
  if (next === active) return null;
  const incoming = parked[next] ?? EMPTY_PARKED;
  const rest = { ...parked, [active]: snapshot() };
  delete rest[next];
  useViewStore.setState({ active: next, parked: rest });
  useAppStore.setState({
    workspace: incoming.workspace,
    phase: incoming.phase,
    error: incoming.error,
    ui: incoming.ui,
    selectedRunId: incoming.selectedRunId,
  });
  useZoomStore.setState({ windows: incoming.zoom });
  return incoming;
}

/**
 * Applies a change to `view`'s source whether it is in front (the app store) or parked, so an
 * answer arriving after the user switched away lands in the right view.
 */
export function updateViewSource(view: ViewKey, patch: Partial<Pick<ParkedSource, 'workspace' | 'phase' | 'error' | 'selectedRunId'>>): boolean {
  const { active, parked } = useViewStore.getState();
  if (view === active) {
    useAppStore.setState(patch);
    return true;
  }
  useViewStore.setState({ parked: { ...parked, [view]: { ...(parked[view] ?? EMPTY_PARKED), ...patch } } });
  return false;
}

/** The source a view shows (front or parked). */
export function viewWorkspace(view: ViewKey): WorkspaceView | null {
  const { active, parked } = useViewStore.getState();
  return view === active ? useAppStore.getState().workspace : parked[view]?.workspace ?? null;
}

/** Drops a view (its account was removed); the folder comes to the front if it was shown. */
export function dropView(view: ViewKey): void {
  const { parked, scroll } = useViewStore.getState();
  const nextParked = { ...parked };
  delete nextParked[view];
  const nextScroll = { ...scroll };
  delete nextScroll[view];
  useViewStore.setState({ parked: nextParked, scroll: nextScroll });
}
