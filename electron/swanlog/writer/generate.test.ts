import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSwanlog } from './generate';
import { dbRows, runOracle, snapshot, tempDir, removeTempDirs } from './oracle.testkit';

afterAll(removeTempDirs);

describe('generateSwanlog', () => {
  it('is deterministic for a seed', async () => {
    const root = path.join(tempDir('swanview-gen-'), 'swanlog');
    const spec = { runs: 2, keys: 3, points: 1200, generations: ['A', 'C'] as ('A' | 'C')[], media: true, seed: 5 };
    await generateSwanlog(root, spec);
    const first = snapshot(root);
    fs.rmSync(root, { recursive: true });
    await generateSwanlog(root, spec);
    expect(snapshot(root)).toEqual(first);
    fs.rmSync(root, { recursive: true });
    await generateSwanlog(root, { ...spec, seed: 6 });
    expect(snapshot(root)).not.toEqual(first);
  });

  it('writes runs × keys × points with realistic curves, media and end states', async () => {
    const root = path.join(tempDir('swanview-gen-'), 'swanlog');
    const result = await generateSwanlog(root, {
      runs: 3,
      keys: 10,
      points: 2500,
      generations: ['A', 'C'],
      media: true,
      seed: 1,
      states: ['finished', 'crashed', 'killed'],
    });
    const o = runOracle(root);
    expect(o.reserialized_mismatches).toEqual([]);
    expect(dbRows<Record<string, unknown>>(o, 'experiment').map((e) => e.status)).toEqual([1, -1, 0]);
    const [fin, crashed, killed] = result.runs.map((r) => o.runs[r.folder]);
    expect(result.runs[0].keys.slice(0, 5)).toEqual(['train/loss', 'train/lr', 'val/acc', 'val/loss', 'epoch']);
    expect(result.runs[0].keys.slice(8)).toEqual(['extra/metric_0', 'extra/metric_1']);
    for (let f = 1; f <= 10; f++) expect(fin.logs![String(f)].files).toEqual({ '1000.log': 1000, '2000.log': 1000, '3000.log': 500 });
    expect(crashed.logs!['1'].files).toEqual({ '1000.log': 1000, '2000.log': 1000 });
    expect(crashed.console['error.log']).toContain('Traceback');
    expect(killed.records!.records.at(-1)!._status).toBe('truncated');
    expect(fin.records!.records.filter((r) => r.scalar)).toHaveLength(25_000);
    expect(fin.records!.records.filter((r) => r.media)).toHaveLength(8);
    expect(fin.media.image).toHaveLength(8);

    // loss falls, lr follows warm-up then decay, accuracy rises
    const loss = fin.logs!['1'].points.map((p) => Number(p[1]));
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    expect(mean(loss.slice(-200))).toBeLessThan(mean(loss.slice(0, 200)) / 5);
    const lr = fin.logs!['2'].points.map((p) => Number(p[1]));
    expect(Math.max(...lr)).toBeCloseTo(lr[Math.floor(2500 * 0.03)], 6);
    expect(lr.at(-1)!).toBeLessThan(lr[100] / 100);
    const acc = fin.logs!['3'].points.map((p) => Number(p[1]));
    expect(mean(acc.slice(-100))).toBeGreaterThan(0.8);
    expect(acc.every((a) => a >= 0 && a <= 1)).toBe(true);
  });

  it('writes offline-only folders without runs.swanlab', async () => {
    const root = path.join(tempDir('swanview-gen-'), 'swanlog');
    await generateSwanlog(root, { runs: 2, keys: 2, points: 100, generations: ['C'] });
    expect(fs.existsSync(path.join(root, 'runs.swanlab'))).toBe(false);
    const o = runOracle(root);
    for (const run of Object.values(o.runs)) {
      expect(run.logs).toBeNull();
      expect(run.records!.records.filter((r) => r.scalar)).toHaveLength(200);
    }
  });
});
