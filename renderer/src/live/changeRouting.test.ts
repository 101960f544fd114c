import { describe, expect, it } from 'vitest';
import { routeChange } from './changeRouting';

const quiet = { newKeys: [], grownKeys: [], consoleLines: 0, statusChanged: false };

describe('change routing', () => {
  it('refetches the workspace for new runs, new keys and status changes only', () => {
    expect(routeChange({ newRuns: ['r'], runs: [] }).refreshWorkspace).toBe(true);
    expect(routeChange({ newRuns: [], runs: [{ runId: 'a', ...quiet, newKeys: ['k'] }] }).refreshWorkspace).toBe(true);
    expect(routeChange({ newRuns: [], runs: [{ runId: 'a', ...quiet, statusChanged: true }] }).refreshWorkspace).toBe(true);
    expect(routeChange({ newRuns: [], runs: [{ runId: 'a', ...quiet, grownKeys: ['k'] }] }).refreshWorkspace).toBe(false);
  });

  it('collects grown keys per run and the runs whose details changed', () => {
    const r = routeChange({
      newRuns: [],
      runs: [
        { runId: 'a', ...quiet, grownKeys: ['loss', 'acc'] },
        { runId: 'b', ...quiet, consoleLines: 3 },
        { runId: 'c', ...quiet },
      ],
    });
    expect([...r.grown]).toEqual([['a', ['loss', 'acc']]]);
    expect(r.touchedRuns).toEqual(['a', 'b']);
  });
});
