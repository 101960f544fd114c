// Live reading: runs still being written grow in place, cost follows the appended bytes,
// and the change feed says which runs and keys grew.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../testkit/fixtures';
import { LocalWorkspace, type WorkspaceChange } from './workspace';
import { SwanlogRunWriter } from './writer/runWriter';

const tmp: string[] = [];
afterAll(() => Promise.all(tmp.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function tempRoot(): Promise<string> {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-live-'));
  tmp.push(d);
  return path.join(d, 'swanlog');
}

describe.each([['A', 'C'], ['C'], ['A']] as const)('a run being written (generations %s)', (...gens) => {
  it('grows in place: new keys, new points, console lines, then the finish', async () => {
    const root = await tempRoot();
    let now = Date.UTC(2026, 10, 24, 6, 0, 0);
    const w = await SwanlogRunWriter.create(root, { name: 'live', generations: [...gens], clock: () => now, project: 'live-test' });
    for (let s = 0; s < 100; s++) w.log({ 'train/loss': 1 / (s + 1) });
    w.flush();

    const ws = await LocalWorkspace.open(root, () => now);
    const changes: WorkspaceChange[] = [];
    ws.on('change', (c) => changes.push(c));
    const run = ws.runs[0];
    expect(run.info().status).toBe('running');
    expect((await run.series('train/loss'))!.steps.length).toBe(100);

    now += 1000;
    for (let s = 100; s < 250; s++) w.log({ 'train/loss': 1 / (s + 1), 'val/acc': s / 250 });
    w.print('epoch 1 done');
    w.flush();
    const change = await ws.refresh();
    expect(change.runs).toHaveLength(1);
    expect(change.runs[0].newKeys).toEqual(['val/acc']);
    expect(change.runs[0].grownKeys).toContain('train/loss');
    expect(change.runs[0].consoleLines).toBeGreaterThan(0);
    expect(changes).toHaveLength(1);
    expect((await run.series('train/loss'))!.steps.length).toBe(250);
    expect((await run.series('val/acc'))!.values[149]).toBeCloseTo(249 / 250);
    expect((await run.console()).map((l) => l.text)).toContain('epoch 1 done');

    // nothing appended: nothing reported
    expect((await ws.refresh()).runs).toHaveLength(0);

    w.finish('crashed', { error: 'Traceback (most recent call last):\nRuntimeError: boom' });
    const end = await ws.refresh();
    expect(end.runs[0].statusChanged).toBe(true);
    expect(run.info().status).toBe('crashed');
    ws.close();
  });
});

describe('staleness and new runs', () => {
  it('calls a run that stopped appending killed, with the evidence, and sees new run folders', async () => {
    const root = await tempRoot();
    let now = Date.UTC(2026, 10, 24, 6, 0, 0);
    const w = await SwanlogRunWriter.create(root, { name: 'stalls', generations: ['C'], clock: () => now });
    w.log({ loss: 1 });
    w.flush();
    const ws = await LocalWorkspace.open(root, () => now);
    expect(ws.runs[0].info().status).toBe('running');
    now += 45 * 60_000;
    const info = ws.runs[0].info();
    expect(info.status).toBe('killed');
    expect(info.statusEvidence.join(' ')).toMatch(/nothing appended for 45 min/);

    const w2 = await SwanlogRunWriter.create(root, { name: 'second', generations: ['C'], clock: () => now });
    w2.log({ loss: 2 });
    w2.flush();
    const c = await ws.refresh();
    expect(c.newRuns).toHaveLength(1);
    expect(ws.runs.map((r) => r.info().name).sort()).toEqual(['second', 'stalls']);
    ws.close();
  });
});

describe('refresh cost', () => {
  it('reads only the appended bytes of a large fixture-sized run', async () => {
    const root = await tempRoot();
    await fs.cp(path.join(FIXTURES_DIR, 'swanlog-0.9.7-offline'), root, { recursive: true });
    const ws = await LocalWorkspace.open(root);
    const run = ws.runs[0];
    const rec = run.recordContent()!;
    const before = rec.bytesRead;
    const resumed = await SwanlogRunWriter.resume(run.dir);
    resumed.log({ 'train/loss': 0.5 }, { step: 5000 });
    resumed.flush();
    await ws.refresh();
    const after = run.recordContent()!.bytesRead;
    expect(after - before).toBeGreaterThan(0);
    expect(after - before).toBeLessThan(2000);
    expect((await run.series('train/loss'))!.steps.at(-1)).toBe(5000);
    ws.close();
  });
});

describe('polling a watched folder', () => {
  it('looks at ended runs only on full refreshes (a resumed run is still seen)', async () => {
    const root = await tempRoot();
    const live = await SwanlogRunWriter.create(root, { name: 'live', generations: ['A', 'C'] });
    live.log({ loss: 1 });
    live.flush();
    const done = await SwanlogRunWriter.create(root, { name: 'done', generations: ['A', 'C'] });
    done.log({ loss: 1 });
    done.finish();
    const ws = await LocalWorkspace.open(root);
    const [liveRun, doneRun] = ['live', 'done'].map((n) => ws.runs.find((r) => r.info().name === n)!);
    await Promise.all([liveRun.series('loss'), doneRun.series('loss')]);
    expect([liveRun.ended, doneRun.ended]).toEqual([false, true]);

    live.log({ loss: 0.5 });
    live.flush();
    const resumed = await SwanlogRunWriter.resume(doneRun.dir);
    resumed.log({ loss: 0.5 });
    resumed.flush();
    const partial = await ws.refresh(false);
    expect(partial.runs.map((d) => d.runId)).toEqual([liveRun.id]);
    const full = await ws.refresh();
    expect(full.runs.map((d) => d.runId)).toEqual([doneRun.id]);
    expect((await doneRun.series('loss'))!.steps.length).toBe(2);
    ws.close();
  });
});
