import { useMemo } from 'react';
import type { RunView } from '../../../shared/contract';
import { useAppStore } from '../store/appStore';
import { selectVisibleRuns } from '../store/selectors';

/** Visible runs that recorded `key`, in run-list order. */
export function useChartRuns(key: string): RunView[] {
  const visible = useAppStore(selectVisibleRuns);
  return useMemo(() => visible.filter((r) => r.keys.some((k) => k.key === key)), [visible, key]);
}
