import type { RunView } from '../../../shared/contract';
import type { AppState } from './appStore';

export type ResolvedTheme = 'light' | 'dark';

export function selectTheme(s: AppState): ResolvedTheme {
  if (s.themeMode === 'system') return s.systemDark ? 'dark' : 'light';
  return s.themeMode;
}

export function selectRun(s: AppState, runId: string | null): RunView | null {
  return s.workspace?.runs.find((r) => r.info.id === runId) ?? null;
}

let lastRuns: RunView[] | undefined;
let lastHidden: string[] | undefined;
let lastVisible: RunView[] = [];

/** Runs shown in charts, in workspace order; memoized so components re-render only on change. */
export function selectVisibleRuns(s: AppState): RunView[] {
  const runs = s.workspace?.runs;
  if (runs !== lastRuns || s.ui.hiddenRuns !== lastHidden) {
    lastRuns = runs;
    lastHidden = s.ui.hiddenRuns;
    const hidden = new Set(s.ui.hiddenRuns);
    lastVisible = (runs ?? []).filter((r) => !hidden.has(r.info.id));
  }
  return lastVisible;
}
