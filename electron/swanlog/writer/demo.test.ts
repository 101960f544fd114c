import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDemoSwanlog } from './generate';
import { dbRows, runOracle, tempDir, removeTempDirs } from './oracle.testkit';

afterAll(removeTempDirs);

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

describe('writeDemoSwanlog', () => {
  it('writes a finished, a crashed, an aborted offline and a running run', async () => {
    const root = path.join(tempDir('swanview-demo-'), 'demo');
    const demo = await writeDemoSwanlog(root, { now: NOW });
    expect(demo.runs.map((r) => [r.name, r.state, r.generations.join('')])).toEqual([
      ['baseline-lr0.1', 'finished', 'AC'],
      ['lr0.3-crash', 'crashed', 'AC'],
      ['warmup-ablation', 'aborted', 'C'],
      ['live-bs256', 'running', 'AC'],
    ]);
    const o = runOracle(root);
    expect(o.reserialized_mismatches).toEqual([]);
    expect(dbRows<Record<string, unknown>>(o, 'experiment').map((e) => [e.name, e.status])).toEqual([
      ['baseline-lr0.1', 1],
      ['lr0.3-crash', -1],
      ['live-bs256', 0],
    ]);
    const [baseline, crashed, aborted, live] = demo.runs.map((r) => o.runs[r.folder]);
    const tags = dbRows<Record<string, unknown>>(o, 'tag').filter((t) => t.experiment_id === 1).map((t) => [t.name, t.type]);
    expect(tags).toEqual(expect.arrayContaining([['train/loss', 'line'], ['train/lr', 'line'], ['val/acc', 'line'], ['val/loss', 'line'], ['epoch', 'line'], ['samples/pred', 'image'], ['samples/text', 'text'], ['samples/audio', 'audio']]));
    expect(baseline.media.image.length).toBeGreaterThanOrEqual(4);
    expect(baseline.media.image.every((m) => fs.readFileSync(path.join(root, demo.runs[0].folder, 'media/image', m.name)).subarray(1, 4).toString() === 'PNG')).toBe(true);
    const day = Object.keys(baseline.console).find((f) => f !== 'error.log')!;
    expect(baseline.console[day]).toContain('WARNING: dataloader is slow');
    expect(crashed.console['error.log']).toContain('RuntimeError: CUDA out of memory');
    expect(crashed.records!.records.at(-1)!.finish!.state).toBe('RUN_STATE_CRASHED');
    expect(aborted.logs).toBeNull();
    expect(aborted.records!.records.at(-1)!.finish!.state).toBe('RUN_STATE_ABORTED');
    expect(live.records!.records.some((r) => r.finish)).toBe(false);
    expect(live.logs!['1'].files).toEqual({ '1000.log': 1000, '2000.log': 200 });
    demo.live.writer.kill();
  });

  it('lets the caller keep the running run growing and finish it', async () => {
    const root = path.join(tempDir('swanview-demo-'), 'demo');
    const demo = await writeDemoSwanlog(root, { now: NOW });
    const dir = demo.live.writer.runDir;
    const size = () => fs.statSync(path.join(dir, `run-${demo.live.writer.id}.swanlab`)).size;
    const before = size();
    demo.live.advance(150);
    expect(size()).toBeGreaterThan(before);
    expect(fs.readFileSync(path.join(dir, 'logs/1/2000.log'), 'utf8').trim().split('\n')).toHaveLength(350);

    const stop = demo.live.tick(10, 5);
    await new Promise((r) => setTimeout(r, 80));
    stop();
    const lines = fs.readFileSync(path.join(dir, 'logs/1/2000.log'), 'utf8').trim().split('\n').length;
    expect(lines).toBeGreaterThan(350);

    demo.live.finish();
    const o = runOracle(root);
    expect(dbRows<Record<string, unknown>>(o, 'experiment').find((e) => e.name === 'live-bs256')!.status).toBe(1);
    expect(o.runs[demo.runs[3].folder].records!.records.at(-1)!.finish!.state).toBe('RUN_STATE_FINISHED');
  });
});
