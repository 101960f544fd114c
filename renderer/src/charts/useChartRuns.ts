import type { RunView } from '../../../shared/contract';
import { useAppStore } from '../store/appStore';
import { selectVisibleRunsByKey } from '../store/selectors';

const NONE: RunView[] = [];

/** Visible runs that recorded `key`, in run-list order. */
export function useChartRuns(key: string): RunView[] {
  return useAppStore((s) => selectVisibleRunsByKey(s).get(key) ?? NONE);
}
