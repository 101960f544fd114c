import { useMemo } from 'react';
import { useAppStore } from '../store/appStore';
import { selectTheme } from '../store/selectors';
import { assignRunColors } from './runColors';

/** Every run's color in the current theme, by run id (distinct, see assignRunColors). */
export function useRunColors(): Map<string, string> {
  const runs = useAppStore((s) => s.workspace?.runs);
  const theme = useAppStore(selectTheme);
  return useMemo(() => assignRunColors((runs ?? []).map((r) => r.info), theme), [runs, theme]);
}
