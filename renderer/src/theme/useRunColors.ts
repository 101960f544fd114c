import { useMemo } from 'react';
import { useAppStore } from '../store/appStore';
import { selectTheme } from '../store/selectors';
import { runColor } from './runColors';

/** Every run's color in the current theme, by run id. */
export function useRunColors(): Map<string, string> {
  const runs = useAppStore((s) => s.workspace?.runs);
  const theme = useAppStore(selectTheme);
  return useMemo(() => new Map((runs ?? []).map((r, i) => [r.info.id, runColor(r.info, theme, i)])), [runs, theme]);
}
