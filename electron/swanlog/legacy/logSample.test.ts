// The end of a metric folder (its last point) and the strided preview of its points, against
// the full MetricFolderReader on the real fixtures and on folders our writer made.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NumericSeries } from '../../../shared/domain';
import { makeTempDir, writableCopy } from '../../testkit/fixtures';
import { SwanlogRunWriter } from '../writer/runWriter';
import { FIXTURES_DIR, LOCAL_SETS, manifest } from './fixtures.testkit';
import { sampleLogFolder } from './logSample';
import { LogTailProbe, readLogTail } from './logTail';
import { MetricFolderReader } from './metricFolder';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function fullSeries(dir: string): Promise<NumericSeries> {
  const r = new MetricFolderReader(dir, 'line');
  await r.refresh();
  return r.series();
}

/** Every preview point is a real point of the series (same step, same value). */
function expectSubset(sample: NumericSeries, full: NumericSeries): void {
  const byStep = new Map(Array.from(full.steps, (s, i) => [s, full.values[i]]));
  for (let i = 0; i < sample.steps.length; i++) expect(byStep.get(sample.steps[i]), `step ${sample.steps[i]}`).toBe(sample.values[i]);
}

/** Line-key folders of every local fixture run: [label, dir, manifest facts]. */
const fixtureFolders = LOCAL_SETS.flatMap((set) => Object.entries(manifest(set).runs).flatMap(([run, r]) =>
  Object.entries(r.logs ?? {}).filter(([, l]) => typeof l.last_value === 'number' && l.points > 0)
    .map(([folder, l]) => [`${set}/${run.slice(-8)}/${folder}`, path.join(FIXTURES_DIR, set, run, 'logs', folder), l] as const)));

describe('readLogTail', () => {
  it.each(fixtureFolders)('gives the last point of %s from one small read', async (_label, dir, facts) => {
    const tail = await readLogTail(dir);
    const full = await fullSeries(dir);
    expect(tail.files).toEqual(facts.files);
    expect(tail.lastStep).toBe(facts.last_step);
    expect(tail.lastTimeMs).toBe(full.timestamps[full.timestamps.length - 1]);
  });

  it('skips a torn last line, takes a complete one without newline, and follows appends only when they happen', async () => {
    const dir = path.join(makeTempDir('logtail'), 'k');
    temps.push(path.dirname(dir));
    fs.mkdirSync(dir);
    const line = (i: number) => `{"index": ${i}, "data": ${i / 10}, "create_time": "2026-11-24T05:00:${String(i).padStart(2, '0')}.000000+00:00"}`;
    fs.writeFileSync(path.join(dir, '1000.log'), `${line(0)}\n${line(1)}\n{"index": 2, "da`);
    const probe = new LogTailProbe(dir);
    expect(await probe.refresh()).toBe(true);
    expect(probe.current!.lastStep).toBe(1);
    expect(await probe.refresh()).toBe(false); // nothing changed: one stat per file, no read
    fs.writeFileSync(path.join(dir, '1000.log'), `${line(0)}\n${line(1)}\n${line(2)}`);
    expect(await probe.refresh()).toBe(true);
    expect(probe.current!.lastStep).toBe(2);
    expect(probe.current!.lastTimeMs).toBe(Date.UTC(2026, 10, 24, 5, 0, 2));
  });
});

describe('sampleLogFolder (preview)', () => {
  let many: string;
  beforeAll(async () => {
    const root = path.join(makeTempDir('logsample'), 'swanlog');
    temps.push(path.dirname(root));
    const w = await SwanlogRunWriter.create(root, { name: 'many', generations: ['A'], autoFlush: false, flushBytes: 1 << 20 });
    for (let s = 0; s < 30_500; s++) w.log({ loss: Math.sin(s / 500) + (s === 12_345 ? 50 : 0) });
    w.finish();
    many = path.join(w.runDir, 'logs', fs.readdirSync(path.join(w.runDir, 'logs'))[0]);
  });

  it('reads a few windows of a folder of many files: real points over the whole range, the last one included', async () => {
    const sample = await sampleLogFolder(many, 8, 2048);
    const full = await fullSeries(many);
    expect(fs.readdirSync(many).filter((n) => n.endsWith('.log'))).toHaveLength(31);
    expect(sample.reads).toBe(9); // 8 files + the end of the last one
    expectSubset(sample.series, full);
    expect(sample.series.steps[0]).toBe(0);
    expect(sample.series.steps[sample.series.steps.length - 1]).toBe(30_499);
    expect(sample.series.steps.length).toBeLessThan(full.steps.length / 20);
    // the windows are spread over the whole run
    const gaps = Array.from(sample.series.steps).slice(1).map((s, i) => s - sample.series.steps[i]);
    expect(Math.max(...gaps)).toBeLessThan(5000);
    expect(Math.abs(sample.estimatedTotal - 30_500)).toBeLessThan(200);
  });

  it('a spike between two windows is not in the preview (the exact series replaces it)', async () => {
    const sample = await sampleLogFolder(many, 8, 2048);
    expect(Math.max(...sample.series.values)).toBeLessThan(2);
    expect(Math.max(...(await fullSeries(many)).values)).toBeGreaterThan(40);
  });

  it.each(fixtureFolders.filter(([, , l]) => l.points >= 1000))('samples inside the few files of %s at spread offsets', async (_label, dir, facts) => {
    const sample = await sampleLogFolder(dir, 6, 1024);
    const full = await fullSeries(dir);
    expectSubset(sample.series, full);
    expect(sample.series.steps.length).toBeGreaterThan(20);
    expect(sample.series.steps.length).toBeLessThan(full.steps.length);
    expect(sample.series.steps[sample.series.steps.length - 1]).toBe(facts.last_step);
  });

  it('is the series itself when its windows cover every file', async () => {
    const [, dir] = fixtureFolders.find(([, , l]) => l.points < 100)!;
    const sample = await sampleLogFolder(dir);
    const full = await fullSeries(dir);
    expect(Array.from(sample.series.steps)).toEqual(Array.from(full.steps));
    expect(sample.estimatedTotal).toBe(full.steps.length);
  });

  it('drops a torn last line, like the reader', async () => {
    const [, dir] = fixtureFolders.find(([, , l]) => l.points < 100)!;
    const copy = writableCopy(dir, 'logsample-torn');
    temps.push(path.dirname(copy));
    const file = path.join(copy, fs.readdirSync(copy).filter((n) => n.endsWith('.log')).sort().at(-1)!);
    fs.appendFileSync(file, '{"index": 99999, "data": 1');
    const sample = await sampleLogFolder(copy);
    expect(sample.series.steps).not.toContain(99999);
    expect(Array.from(sample.series.steps)).toEqual(Array.from((await fullSeries(copy)).steps));
  });
});
