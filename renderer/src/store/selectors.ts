import type { RunView } from '../../../shared/contract';
import type { AppState } from './appStore';

export type ResolvedTheme = 'light' | 'dark';

export function selectTheme(s: AppState): ResolvedTheme {
  if (s.themeMode === 'system') return s.systemDark ? 'dark' : 'light';
  return s.themeMode;
}

/** The source every data request names (the open folder or cloud project). */
export function selectSourceId(s: AppState): string | null {
  return s.workspace?.sourceId ?? null;
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

let lastVisibleForKeys: RunView[] | undefined;
let lastByKey = new Map<string, RunView[]>();

/** Visible runs by metric key, in run order: built once per change, so each chart looks up its runs. */
export function selectVisibleRunsByKey(s: AppState): Map<string, RunView[]> {
  const visible = selectVisibleRuns(s);
  if (visible !== lastVisibleForKeys) {
    lastVisibleForKeys = visible;
    lastByKey = new Map();
    for (const run of visible) {
      for (const k of run.keys) {
        const list = lastByKey.get(k.key);
        if (list) list.push(run);
        else lastByKey.set(k.key, [run]);
      }
    }
  }
  return lastByKey;
}
