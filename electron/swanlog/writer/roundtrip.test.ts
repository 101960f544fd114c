/** Our writer's folders read back through the viewer's own readers (LocalWorkspace). */
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalWorkspace } from '../workspace';
import { writeDemoSwanlog } from './generate';
import { tempDir, removeTempDirs } from './oracle.testkit';
import { SwanlogRunWriter, type WriterGeneration } from './runWriter';

afterAll(removeTempDirs);

const T0 = Date.UTC(2026, 10, 24, 5, 0, 0);

async function writeKnownRun(root: string, generations: WriterGeneration[], name: string, steps: number, end: 'finished' | 'crashed' | 'killed') {
  const w = await SwanlogRunWriter.create(root, { project: 'roundtrip', name, generations, startTime: T0, clock: () => T0, autoFlush: false });
  const expected: { steps: number[]; values: number[] } = { steps: [], values: [] };
  for (let s = 0; s < steps; s++) {
    const v = s === 3 ? NaN : s === 4 ? Infinity : s === 5 ? -Infinity : Math.cos(s / 10) * 1.5;
    w.log({ 'train/loss': v, ...(s % 10 === 0 && { 'val/acc': s / steps }) }, { step: s, time: T0 + 2000 + s * 10 });
    expected.steps.push(s);
    expected.values.push(v);
    if (s % 100 === 0) w.print(`step ${s}`, { time: T0 + 2000 + s * 10 + 1 });
  }
  if (end === 'killed') w.kill();
  else w.finish(end, { time: T0 + 2000 + steps * 10 + 50 });
  return { w, expected };
}

describe('written swanlogs read back by LocalWorkspace', () => {
  it('gives back the logged values, keys, console and statuses for A+C, C and A runs', async () => {
    const root = path.join(tempDir('swanview-roundtrip-'), 'swanlog');
    const local = await writeKnownRun(root, ['A', 'C'], 'local', 2500, 'finished');
    const offline = await writeKnownRun(root, ['C'], 'offline', 1200, 'crashed');
    const legacyOnly = await writeKnownRun(root, ['A'], 'legacy', 300, 'killed');

    const ws = await LocalWorkspace.open(root, () => T0 + 3_600_000);
    expect(ws.runs.map((r) => r.id).sort()).toEqual([local.w.runFolder, offline.w.runFolder, legacyOnly.w.runFolder].sort());
    for (const { w, expected } of [local, offline, legacyOnly]) {
      const run = ws.run(w.runFolder)!;
      const s = (await run.series('train/loss'))!;
      expect(Array.from(s.steps)).toEqual(expected.steps);
      expect(Array.from(s.values)).toEqual(expected.values);
      expect(Array.from(s.timestamps.slice(0, 2))).toEqual([T0 + 2000, T0 + 2010]);
      expect((await run.series('val/acc'))!.steps.length).toBe(Math.ceil(expected.steps.length / 10));
      expect(run.keys().map((k) => k.key).sort()).toEqual(['train/loss', 'val/acc']);
      expect((await run.console()).map((l) => l.text)).toContain('step 100');
    }
    const info = (w: SwanlogRunWriter) => ws.run(w.runFolder)!.info();
    expect(info(local.w)).toMatchObject({ status: 'finished', name: 'local', project: 'roundtrip' });
    expect(info(local.w).generations.sort()).toEqual(['A', 'C']);
    expect(info(offline.w)).toMatchObject({ status: 'crashed', name: 'offline' });
    expect((await ws.run(offline.w.runFolder)!.errorLines())!.join('\n')).toContain('RuntimeError');
    expect(info(legacyOnly.w).status).toBe('killed'); // status 0 and stale for an hour
  });

  it('sees the demo run grow between refreshes', async () => {
    const root = path.join(tempDir('swanview-roundtrip-'), 'demo');
    const demo = await writeDemoSwanlog(root);
    const ws = await LocalWorkspace.open(root);
    expect(ws.runs).toHaveLength(4);
    const statuses = Object.fromEntries(ws.runs.map((r) => [r.info().name, r.info().status]));
    expect(statuses).toEqual({ 'baseline-lr0.1': 'finished', 'lr0.3-crash': 'crashed', 'warmup-ablation': 'aborted', 'live-bs256': 'running' });
    const live = ws.run(demo.live.writer.runFolder)!;
    const before = (await live.series('train/loss'))!.steps.length;
    demo.live.advance(25);
    const change = await ws.refresh();
    const delta = change.runs.find((d) => d.runId === live.id)!;
    expect(delta.grownKeys).toContain('train/loss');
    expect((await live.series('train/loss'))!.steps.length).toBe(before + 25);
    demo.live.finish();
    await ws.refresh();
    expect(live.info().status).toBe('finished');
  });
});
