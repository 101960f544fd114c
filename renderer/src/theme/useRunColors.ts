import type { RunView } from '../../../shared/contract';
import { useAppStore } from '../store/appStore';
import { selectTheme } from '../store/selectors';
import { cachedRunColors } from './runColorCache';

const NO_RUNS: RunView[] = [];

/** Every shown run's color in the current theme, by run id (distinct, see assignRunColors). */
export function useRunColors(): Map<string, string> {
  const runs = useAppStore((s) => s.workspace?.runs) ?? NO_RUNS;
  const theme = useAppStore(selectTheme);
  return cachedRunColors(runs, theme);
}
