// Reading a record file from its middle: the tail scan (finish record, last steps) and the
// strided preview sampler, checked against the full reader on the real fixtures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, makeTempDir } from '../../testkit/fixtures';
import { SwanlogRunWriter } from '../writer/runWriter';
import { BLOCK_SIZE } from './frameFormat';
import { scanFrames } from './framing';
import { RecordContentBuilder } from './recordContent';
import { readRecordFile } from './recordFile';
import { decodeRegion } from './recordRegion';
import { sampleRecordFile, spreadIndices } from './recordSample';
import { scanRecordTail } from './recordTail';

const SETS = ['swanlog-0.7.20', 'swanlog-0.7.20-offline', 'swanlog-0.9.7', 'swanlog-0.9.7-offline'];

interface RecordFacts {
  file: string;
  status: string;
  finished_at?: string;
  keys: Record<string, { points: number; last_step: number }>;
}

const fixtureFiles = SETS.flatMap((set) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'manifests', `${set}.json`), 'utf8'));
  return Object.entries(manifest.runs as Record<string, { record_file: RecordFacts }>).map(([run, r]) => ({
    name: `${set}/${run}`,
    file: path.join(FIXTURES_DIR, set, run, r.record_file.file),
    facts: r.record_file,
  }));
});

const STATE: Record<string, string | null> = {
  finished: 'finished',
  RUN_STATE_FINISHED: 'finished',
  'failed (crashed/aborted)': 'crashed',
  RUN_STATE_CRASHED: 'crashed',
  'no finish/footer record (running or killed)': null,
};

const temps: string[] = [];
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('decodeRegion from a block boundary', () => {
  it.each(fixtureFiles.slice(0, 4))('decodes exactly the records that begin at or after it ($name)', ({ file }) => {
    const bytes = fs.readFileSync(file);
    const all = scanFrames(bytes, 0, 7).recordOffsets;
    const version = bytes[6];
    for (let b = BLOCK_SIZE; b < bytes.length; b += BLOCK_SIZE) {
      const builder = new RecordContentBuilder(file, version === 2 ? 'C' : 'B');
      const r = decodeRegion(version, bytes.subarray(b), b, builder);
      expect(r.records, `block at ${b}`).toBe(all.filter((o) => o >= b).length);
    }
  });
});

describe('scanRecordTail', () => {
  it.each(fixtureFiles)('finds the finish record and the last steps of $name without reading the file', async ({ file, facts }) => {
    const tail = await scanRecordTail(file, 4096);
    const full = await readRecordFile(file);
    expect(tail.finish?.state ?? null).toBe(STATE[facts.status]);
    expect(tail.finish).toEqual(full.finish);
    expect(tail.from).toBeGreaterThan(0); // a 4 KiB tail of these files starts well inside them
    // the keys logged every step end in the tail, at their last step
    expect(tail.lastSteps.get('train/loss')).toBe(facts.keys['train/loss'].last_step);
    for (const [key, step] of tail.lastSteps) expect(step, key).toBeLessThanOrEqual(facts.keys[key].last_step);
    // data times are not strictly in file order (a media record can carry a later time than the
    // scalars written after it): the tail's newest time is the file's newest, or very close
    expect(tail.lastDataMs).toBeLessThanOrEqual(full.lastDataMs);
    expect(full.lastDataMs - tail.lastDataMs).toBeLessThan(60_000);
  });

  it('looks further back when the finish record is longer than the tail (a long traceback)', async () => {
    const root = path.join(makeTempDir('tail'), 'swanlog');
    temps.push(path.dirname(root));
    const w = await SwanlogRunWriter.create(root, { name: 'long-trace', generations: ['C'] });
    for (let s = 0; s < 3000; s++) w.log({ loss: 1 / (s + 1) });
    const error = `Traceback (most recent call last):\n${'  File "train.py", line 1, in <module>\n'.repeat(4000)}RuntimeError: boom`;
    w.finish('crashed', { error });
    const file = path.join(w.runDir, fs.readdirSync(w.runDir).find((n) => n.endsWith('.swanlab'))!);
    expect(error.length).toBeGreaterThan(3 * BLOCK_SIZE);
    const tail = await scanRecordTail(file);
    expect(tail.finish?.state).toBe('crashed');
    expect(tail.finish?.error).toBe(error);
  });

  it('knows nothing about a file without a header', async () => {
    const dir = makeTempDir('tail-empty');
    temps.push(dir);
    const file = path.join(dir, 'run-x.swanlab');
    fs.writeFileSync(file, '');
    const tail = await scanRecordTail(file);
    expect(tail.version).toBeNull();
    expect(tail.finish).toBeNull();
  });
});

describe('sampleRecordFile (preview)', () => {
  it('spreads its blocks evenly, first and last included', () => {
    expect(spreadIndices(10, 4)).toEqual([0, 3, 6, 9]);
    expect(spreadIndices(3, 8)).toEqual([0, 1, 2]);
    expect(spreadIndices(5, 1)).toEqual([4]);
    expect(spreadIndices(0, 4)).toEqual([]);
  });

  it.each(fixtureFiles.filter((f) => /0\.9\.7-offline/.test(f.name)))('takes only real points, spread over the whole run ($name)', async ({ file, facts }) => {
    const sample = await sampleRecordFile(file, 4);
    const full = await readRecordFile(file);
    expect(sample.blocks).toBe(4);
    const loss = sample.series.get('train/loss')!;
    const real = full.scalars.get('train/loss')!.build();
    const byStep = new Map(Array.from(real.steps, (s, i) => [s, real.values[i]]));
    expect(loss.steps.length).toBeGreaterThan(20);
    expect(loss.steps.length).toBeLessThan(real.steps.length);
    for (let i = 0; i < loss.steps.length; i++) expect(byStep.get(loss.steps[i])).toBe(loss.values[i]);
    // the first block holds the first points, the last one the last points
    expect(loss.steps[0]).toBeLessThan(facts.keys['train/loss'].points / 10);
    expect(loss.steps[loss.steps.length - 1]).toBeGreaterThan(facts.keys['train/loss'].last_step * 0.9);
    const est = sample.estimatedTotals.get('train/loss')!;
    expect(est).toBeGreaterThan(real.steps.length / 2);
    expect(est).toBeLessThan(real.steps.length * 2);
  });
});
