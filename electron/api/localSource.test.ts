// series.get on a folder opened lazily: a preview first when the series is not read in time,
// then one change event, then the exact min/max-downsampled series.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/contract';
import { EMPTY_UI_STATE } from '../../shared/uiState';
import { chartSeries } from '../../shared/chartSeries';
import { makeTempDir } from '../testkit/fixtures';
import { LocalWorkspace } from '../swanlog/workspace';
import { SwanlogRunWriter } from '../swanlog/writer/runWriter';
import { FIXTURES_DIR } from '../testkit/fixtures';
import { LocalSource } from './localSource';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const LAZY = { open: { wholeRecordBelow: 0, recordHead: 1024 } };

function nextChange(source: LocalSource): Promise<ChangeEvent> {
  return new Promise((resolve) => {
    const off = source.onChange((e) => {
      off();
      resolve(e);
    });
  });
}

/** A temp swanlog of `runs` runs (A+C) whose points `log(writer, run)` writes; their ids, in order. */
async function writeRuns(tag: string, runs: number, log: (w: SwanlogRunWriter, run: number) => void): Promise<{ root: string; ids: string[] }> {
  const root = path.join(makeTempDir(tag), 'swanlog');
  temps.push(path.dirname(root));
  const ids: string[] = [];
  for (let r = 0; r < runs; r++) {
    const w = await SwanlogRunWriter.create(root, { name: `run${r}`, generations: ['A', 'C'], autoFlush: false, flushBytes: 1 << 20, startTime: Date.UTC(2026, 0, 1, r) });
    log(w, r);
    w.finish();
    ids.push(w.runFolder);
  }
  return { root, ids };
}

describe('LocalSource.series on a lazily opened folder', () => {
  it('answers previews when the series are not read in time, announces them once read, then answers exactly', async () => {
    const { root, ids } = await writeRuns('preview', 3, (w) => {
      // a spike between the preview's windows: it must be in the exact answer
      for (let s = 0; s < 20_000; s++) w.log({ 'train/loss': Math.cos(s / 300) + (s === 7_777 ? 100 : 0) });
    });
    const ws = await LocalWorkspace.open(root, LAZY);
    const source = new LocalSource(ws, false, 0);
    try {
      const changed = nextChange(source);
      const first = await source.series('train/loss', ids, 200);
      expect(first.series.map((s) => s.runId)).toEqual(ids);
      expect(first.series.every((s) => s.preview === true)).toBe(true);
      expect(Math.max(...first.series[0].values)).toBeLessThan(2); // the spike is between windows
      expect(Math.abs(first.series[0].total - 20_000)).toBeLessThan(500);

      const e = await changed;
      expect(e.runs.map((r) => r.runId).sort()).toEqual([...ids].sort());
      expect(e.runs.every((r) => r.grownKeys.length === 1 && r.grownKeys[0] === 'train/loss' && r.newKeys.length === 0)).toBe(true);

      const exact = await source.series('train/loss', ids, 200);
      expect(exact.series.some((s) => s.preview)).toBe(false);
      for (const [i, s] of exact.series.entries()) {
        const full = ws.run(ids[i])!.loadedSeries('train/loss')!;
        expect(s).toEqual(chartSeries(ids[i], full, 200));
        expect(Math.max(...s.values)).toBeGreaterThan(99);
        expect(s.total).toBe(20_000);
        expect(s.timestamps).toBeUndefined();
      }
    } finally {
      ws.close();
    }
  });

  it('answers exactly, with no event, when the series are read within the wait (small record files: no early preview)', async () => {
    const ws = await LocalWorkspace.open(path.join(FIXTURES_DIR, 'swanlog-0.9.7'));
    expect(ws.runs.some((r) => r.big)).toBe(false);
    const source = new LocalSource(ws, false, 10_000);
    const events: ChangeEvent[] = [];
    const off = source.onChange((e) => events.push(e));
    try {
      const ids = ws.runs.map((r) => r.id);
      const r = await source.series('train/loss', ids, 100);
      expect(r.series).toHaveLength(3);
      expect(r.series.some((s) => s.preview)).toBe(false);
      const details = await source.details(ids[0]);
      expect(details.summaries.find((s) => s.key === 'train/loss')!.last).toBe(0.1120570155194666);
      // only what reading the killed run's record file found (its system keys, the fuller record copy)
      const killed = ws.runs.find((x) => x.info().name === 'lr0.05-killed')!.id;
      expect(events.flatMap((e) => e.runs).filter((d) => d.runId !== killed)).toEqual([]);
    } finally {
      off();
      ws.close();
    }
  });

  it('prefetch samples the previews of the charts a window opens on, in the order and with the runs the page shows', async () => {
    const { root, ids } = await writeRuns('prefetch', 2, (w, r) => {
      for (let s = 0; s < 3_000; s++) w.log({ 'a/x': s, 'a/y': -s, 'b/x': s / 2, 'b/y': s * 2 });
      // run0's b/x goes on: more points than series.get's short wait reads
      if (r === 0) for (let s = 3_000; s < 60_000; s++) w.log({ 'b/x': s / 2 });
    });
    const ws = await LocalWorkspace.open(root, LAZY);
    const source = new LocalSource(ws, false, 10_000);
    const sampled = () => ws.runs.flatMap((r) => ['a/x', 'a/y', 'b/x', 'b/y'].filter((k) => r.sampledTotal(k) !== null).map((k) => `${r.info().name}:${k}`));
    try {
      expect(sampled()).toEqual([]);
      // b/y pinned, section a folded, run1 hidden: the first two charts are b/y and b/x, of run0
      await source.prefetch({ ...EMPTY_UI_STATE, pinned: ['b/y'], folded: ['a'], hiddenRuns: [ids[1]] }, 2);
      expect(sampled().sort()).toEqual(['run0:b/x', 'run0:b/y']);
      expect(Math.abs(ws.run(ids[0])!.sampledTotal('b/x')! - 60_000)).toBeLessThan(1_000);
      // a long series not read yet: answered with its sample at once (how much sooner is for the bench)
      const r = await source.series('b/x', [ids[0]], 200);
      expect(r.series[0].preview).toBe(true);
      expect(r.series[0].values.length).toBeGreaterThan(10);

      await source.prefetch(EMPTY_UI_STATE, 1);
      expect(sampled()).toContain('run1:a/x');
      expect(sampled()).not.toContain('run1:a/y');
    } finally {
      ws.close();
    }
  });
});
