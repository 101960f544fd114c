import type { LocalRun } from '../swanlog/run/localRun';

/** Runs matching any of `wanted` (folder name, SDK run id or experiment name); all when empty. */
export function selectRuns(runs: LocalRun[], wanted: string[]): { runs: LocalRun[]; unmatched: string[] } {
  if (!wanted.length) return { runs, unmatched: [] };
  const unmatched: string[] = [];
  const picked = new Set<LocalRun>();
  for (const w of wanted) {
    const hits = runs.filter((r) => {
      const i = r.info();
      return r.id === w || i.sdkRunId === w || i.name === w;
    });
    if (!hits.length) unmatched.push(w);
    hits.forEach((h) => picked.add(h));
  }
  return { runs: runs.filter((r) => picked.has(r)), unmatched };
}
