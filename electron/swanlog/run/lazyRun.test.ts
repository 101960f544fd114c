// Opening a folder lazily: runs, statuses and keys at once from metadata, points read when asked
// for, the rest of big record files in the background; every answer the same as reading it all.
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../testkit/fixtures';
import { ALL_SETS, manifest } from '../legacy/fixtures.testkit';
import { LocalWorkspace, type WorkspaceChange } from '../workspace';

/** Every record file counts as big: only its first KiB and its tail are read at open. */
const LAZY = { open: { wholeRecordBelow: 0, recordHead: 1024 } };

const open: LocalWorkspace[] = [];
afterEach(() => open.splice(0).forEach((ws) => ws.close()));
async function openWs(set: string, lazy: boolean): Promise<LocalWorkspace> {
  const ws = await LocalWorkspace.open(path.join(FIXTURES_DIR, set), lazy ? LAZY : {});
  open.push(ws);
  return ws;
}

describe.each(ALL_SETS)('%s opened lazily', (set) => {
  it('knows every run\'s status, name and times at once, without reading a point', async () => {
    const eager = await openWs(set, false);
    await eager.loadAll();
    const lazy = await openWs(set, true);
    for (const run of lazy.runs) {
      const want = eager.run(run.id)!.info();
      const got = run.info();
      expect([got.name, got.status, got.createdAt, got.finishedAt], run.id).toEqual([want.name, want.status, want.createdAt, want.finishedAt]);
      for (const k of run.keys()) if (k.type === 'line') expect(run.loadedSeries(k.key), k.key).toBeUndefined();
      // a run whose status depends on its last data (no record file, DB says running) got it from the folders' tails
      if (run.info().generations.join() === 'A' && want.status === 'killed') expect(got.lastActivity).toBe(want.lastActivity);
    }
  });

  it('gives the same keys, infos and series as reading everything, once asked for', async () => {
    const eager = await openWs(set, false);
    await eager.loadAll();
    const lazy = await openWs(set, true);
    await lazy.loadAll();
    for (const run of lazy.runs) {
      const want = eager.run(run.id)!;
      expect(run.keys(), run.id).toEqual(want.keys());
      expect(run.info(), run.id).toEqual(want.info());
      for (const k of run.keys()) {
        if (k.type === 'line') expect(await run.series(k.key), k.key).toEqual(await want.series(k.key));
        else expect(await run.media(k.key), k.key).toEqual(await want.media(k.key));
      }
      expect(await run.console()).toEqual(await want.console());
      expect(await run.errorLines()).toEqual(await want.errorLines());
    }
  });
});

describe('series on demand', () => {
  it('reads only the key asked for', async () => {
    const ws = await openWs('swanlog-0.9.7', true);
    const run = ws.runs.find((r) => r.info().name === 'baseline-lr0.1')!;
    const loss = await run.series('train/loss');
    expect(loss!.steps.length).toBe(2500);
    const others = run.keys().filter((k) => k.type === 'line' && k.key !== 'train/loss');
    expect(others.length).toBeGreaterThan(2);
    for (const k of others) expect(run.loadedSeries(k.key), k.key).toBeUndefined();
    expect(run.loadedSeries('train/loss')).toBe(loss);
  });

  it('serves a killed run\'s record copy when the record file\'s tail is ahead of logs/, before its full read', async () => {
    const ws = await openWs('swanlog-0.9.7', true);
    const m = manifest('swanlog-0.9.7') as unknown as { runs: Record<string, { record_file: { keys: Record<string, { points: number }> } }> };
    const killed = ws.runs.find((r) => r.info().name === 'lr0.05-killed')!;
    expect(killed.complete).toBe(false);
    const loss = await killed.series('train/loss');
    expect(loss!.steps.length).toBe(m.runs[killed.id].record_file.keys['train/loss'].points);
    expect(killed.info().issues.some((i) => /torn or bad chunk at byte 154496/.test(i.reason))).toBe(true);
  });

  it('a key only the record file has waits for its read; the rest of the keys come with it', async () => {
    const ws = await openWs('swanlog-0.9.7-offline', true);
    const run = ws.runs.find((r) => r.info().name === 'baseline-lr0.1')!;
    const before = run.keys().length;
    expect(run.complete).toBe(false);
    expect((await run.series('val/acc'))!.steps.length).toBe(50);
    expect(run.complete).toBe(true);
    expect(run.keys().length).toBeGreaterThan(before);
    expect((await run.media('samples/pred'))!).toHaveLength(4);
  });

  it('gives a strided preview while the points are unread, never after', async () => {
    const ws = await openWs('swanlog-0.9.7', true);
    const run = ws.runs[0];
    const preview = await run.preview('train/loss');
    const full = await run.series('train/loss');
    expect(preview!.series.steps.length).toBeGreaterThan(0);
    const byStep = new Map(Array.from(full!.steps, (s, i) => [s, full!.values[i]]));
    for (let i = 0; i < preview!.series.steps.length; i++) expect(byStep.get(preview!.series.steps[i])).toBe(preview!.series.values[i]);
    expect(await run.preview('train/loss')).toBeNull();
  });
});

describe('background reading of a watched folder', () => {
  it('reads the big record files when idle and announces the keys found', async () => {
    const ws = await openWs('swanlog-0.9.7-offline', true);
    const changes: WorkspaceChange[] = [];
    ws.on('change', (c) => changes.push(c));
    const base = ws.runs.find((r) => r.info().name === 'baseline-lr0.1')!;
    expect(base.keys().map((k) => k.key)).not.toContain('samples/pred');
    ws.watch(60_000, 0);
    for (let i = 0; i < 200 && !ws.runs.every((r) => r.complete); i++) await new Promise((r) => setTimeout(r, 25));
    expect(ws.runs.every((r) => r.complete)).toBe(true);
    const announced = changes.flatMap((c) => c.runs).filter((d) => d.runId === base.id).flatMap((d) => d.newKeys);
    expect(announced).toContain('samples/pred');
    expect(base.keys().map((k) => k.key)).toContain('samples/pred');
    // the killed run's torn tail is only known after the full read: announced as a status change
    const killed = ws.runs.find((r) => r.info().name === 'lr0.05-killed')!;
    expect(changes.flatMap((c) => c.runs).some((d) => d.runId === killed.id && d.statusChanged)).toBe(true);
  });
});
