import type { ChangeEvent } from '../../../shared/contract';

export interface ChangeRoute {
  /** New runs, new keys or a status change: the workspace view must be fetched again. */
  refreshWorkspace: boolean;
  /** runId → keys whose series grew (their charts refetch). */
  grown: Map<string, string[]>;
  /** Runs whose console grew or whose status changed (details panels refresh). */
  touchedRuns: string[];
}

/** What one change event means for the UI. */
export function routeChange(e: ChangeEvent): ChangeRoute {
  const grown = new Map<string, string[]>();
  const touched: string[] = [];
  let refresh = e.newRuns.length > 0;
  for (const r of e.runs) {
    if (r.newKeys.length > 0 || r.statusChanged) refresh = true;
    if (r.grownKeys.length > 0) grown.set(r.runId, r.grownKeys);
    if (r.consoleLines > 0 || r.statusChanged || r.grownKeys.length > 0) touched.push(r.runId);
  }
  return { refreshWorkspace: refresh, grown, touchedRuns: touched };
}
