import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dbRows, runOracle, snapshot, tempDir, removeTempDirs } from './oracle.testkit';
import { SwanlogRunWriter, type RunSpec } from './runWriter';

afterAll(removeTempDirs);

const T0 = Date.UTC(2026, 5, 1, 12, 0, 0, 0);
const STEPS = 2600;

const spec = (): RunSpec => ({ project: 'append', name: 'grow', id: 'grow0001', startTime: T0, clock: () => T0, config: { lr: 0.01 } });

/** Logs steps [from, to) of a fixed scenario with explicit times. */
function logRange(w: SwanlogRunWriter, from: number, to: number): void {
  for (let s = from; s < to; s++) {
    const values: Record<string, number> = { 'train/loss': 1 / (s + 1), 'train/lr': s % 7 === 0 ? NaN : 0.001 * s };
    if (s % 100 === 0) values['val/acc'] = s / STEPS;
    const time = T0 + 5000 + s * 10.5;
    w.log(values, { step: s, time });
    if (s % 400 === 0) w.print(`step ${s}`, { time: time + 1 });
  }
}

function finish(w: SwanlogRunWriter): void {
  w.finish('finished', { time: T0 + 5000 + STEPS * 10.5 + 100 });
}

/** All files of the folder except the DB (compared row by row instead). */
function filesWithoutDb(root: string): Map<string, string> {
  const snap = snapshot(root);
  snap.delete('runs.swanlab');
  return snap;
}

function dbContent(root: string) {
  const o = runOracle(root);
  return ['project', 'experiment', 'chart', 'namespace', 'display', 'tag', 'source'].map((t) => dbRows(o, t));
}

describe('appending to a run over time', () => {
  it('gives the same files whether written in one go or in several flushed batches', async () => {
    // same path for both writes: metadata and save records hold the absolute run folder
    const root = path.join(tempDir('swanview-append-'), 'swanlog');
    const w1 = await SwanlogRunWriter.create(root, { ...spec(), autoFlush: false });
    logRange(w1, 0, STEPS);
    finish(w1);
    const once = { files: filesWithoutDb(root), db: dbContent(root) };
    fs.rmSync(root, { recursive: true });

    const w2 = await SwanlogRunWriter.create(root, { ...spec(), autoFlush: true });
    const growth: number[] = [];
    for (const [a, b] of [[0, 700], [700, 1001], [1001, 2600]]) {
      logRange(w2, a, b);
      growth.push(fs.statSync(path.join(w2.runDir, 'run-grow0001.swanlab')).size);
    }
    finish(w2);

    expect(growth[0]).toBeLessThan(growth[1]);
    expect(growth[1]).toBeLessThan(growth[2]);
    expect(filesWithoutDb(root)).toEqual(once.files);
    expect(dbContent(root)).toEqual(once.db);
  });

  it('continues a run from disk (another session) with the same result as one session', async () => {
    const root = path.join(tempDir('swanview-resume-'), 'swanlog');
    const w1 = await SwanlogRunWriter.create(root, spec());
    logRange(w1, 0, STEPS);
    finish(w1);
    const once = { files: filesWithoutDb(root), db: dbContent(root) };
    fs.rmSync(root, { recursive: true });

    const first = await SwanlogRunWriter.create(root, spec());
    logRange(first, 0, 1500);
    first.kill(); // the first session stops without finishing
    const second = await SwanlogRunWriter.resume(first.runDir, { clock: () => T0 });
    expect(second.generations).toEqual(['A', 'C']);
    expect(second.lastStep).toBe(1499);
    logRange(second, 1400, STEPS); // steps 1400..1499 again: already there, skipped
    finish(second);

    expect(filesWithoutDb(root)).toEqual(once.files);
    expect(dbContent(root)).toEqual(once.db);
  });

  it('resumes after a torn record tail by cutting it off first', async () => {
    const root = path.join(tempDir('swanview-torn-'), 'swanlog');
    const first = await SwanlogRunWriter.create(root, { ...spec(), generations: ['C'] });
    logRange(first, 0, 100);
    first.kill({ tornTail: true });
    const second = await SwanlogRunWriter.resume(first.runDir, { clock: () => T0 });
    logRange(second, 100, 200);
    finish(second);
    const records = runOracle(root).runs[first.runFolder].records!.records;
    expect(records.at(-1)!.finish).toBeDefined();
    expect(records.some((r) => r._status)).toBe(false);
    expect(records.filter((r) => r.scalar?.key === 'train/loss').map((r) => r.scalar!.step ?? 0)).toEqual([...Array(200).keys()]);
  });
});
