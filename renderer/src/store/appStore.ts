import { create } from 'zustand';
import type { UiState, WorkspaceView } from '../../../shared/contract';
import { EMPTY_UI_STATE } from '../../../shared/uiState';
import {
  loadLanguage, loadThemeMode, nextThemeMode, saveLanguage, saveThemeMode, type Language, type ThemeMode,
} from './preferences';
import {
  setRunsHidden, toggleFolded, toggleHiddenChart, togglePinned, toggleRunHidden,
} from './uiStateOps';

export type LoadPhase = 'loading' | 'ready' | 'error';

export interface AppState {
  workspace: WorkspaceView | null;
  phase: LoadPhase;
  error: string | null;
  /** Per-folder UI state (pins, hidden charts, folded sections, hidden runs). */
  ui: UiState;
  /** Run whose details panel is open. */
  selectedRunId: string | null;
  themeMode: ThemeMode;
  systemDark: boolean;
  language: Language;

  setLoading(): void;
  setWorkspace(ws: WorkspaceView): void;
  setError(message: string): void;
  setUi(ui: UiState): void;
  selectRun(runId: string | null): void;
  toggleRunVisible(runId: string): void;
  setAllRunsVisible(visible: boolean): void;
  togglePinned(key: string): void;
  toggleHiddenChart(key: string): void;
  toggleFolded(section: string): void;
  setThemeMode(mode: ThemeMode): void;
  toggleTheme(): void;
  setSystemDark(dark: boolean): void;
  setLanguage(lang: Language): void;
}

export const useAppStore = create<AppState>()((set, get) => ({
  workspace: null,
  phase: 'loading',
  error: null,
  ui: EMPTY_UI_STATE,
  selectedRunId: null,
  themeMode: loadThemeMode(),
  systemDark: false,
  language: loadLanguage(),

  setLoading: () => set({ phase: 'loading', error: null }),
  setWorkspace: (workspace) => set({ workspace, phase: 'ready', error: null }),
  setError: (error) => set({ phase: 'error', error }),
  setUi: (ui) => set({ ui }),
  selectRun: (selectedRunId) => set({ selectedRunId }),
  toggleRunVisible: (runId) => set((s) => ({ ui: toggleRunHidden(s.ui, runId) })),
  setAllRunsVisible: (visible) => {
    const ids = get().workspace?.runs.map((r) => r.info.id) ?? [];
    set((s) => ({ ui: setRunsHidden(s.ui, ids, !visible) }));
  },
  togglePinned: (key) => set((s) => ({ ui: togglePinned(s.ui, key) })),
  toggleHiddenChart: (key) => set((s) => ({ ui: toggleHiddenChart(s.ui, key) })),
  toggleFolded: (section) => set((s) => ({ ui: toggleFolded(s.ui, section) })),
  setThemeMode: (themeMode) => {
    saveThemeMode(themeMode);
    set({ themeMode });
  },
  toggleTheme: () => get().setThemeMode(nextThemeMode(get().themeMode, get().systemDark)),
  setSystemDark: (systemDark) => set({ systemDark }),
  setLanguage: (language) => {
    saveLanguage(language);
    set({ language });
  },
}));
