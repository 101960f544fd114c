import type { RunView } from '../../../shared/contract';
import type { ResolvedTheme } from '../store/selectors';
import { assignRunColors } from './runColors';

const cache = new WeakMap<RunView[], Partial<Record<ResolvedTheme, Map<string, string>>>>();

/**
 * The run colors of one runs list in one theme, assigned once and shared by everything that
 * draws a run (run list, every chart, media, details): a new list (another source, new runs)
 * or theme assigns again, the old lists' entries go with them.
 */
export function cachedRunColors(runs: RunView[], theme: ResolvedTheme): Map<string, string> {
  let byTheme = cache.get(runs);
  if (!byTheme) cache.set(runs, (byTheme = {}));
  return (byTheme[theme] ??= assignRunColors(runs.map((r) => r.info), theme));
}
