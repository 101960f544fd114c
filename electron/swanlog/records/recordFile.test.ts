import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileHeader } from './frameFormat';
import { FrameWriter } from './framing';
import { ScalarCount } from './recordContent';
import { RecordFileReader, readRecordFile, type RecordFileContent } from './recordFile';
import { RecordStreamParser } from './recordStream';
import { encodeRunRecord } from './runRecord';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');
const SETS = ['swanlog-0.7.20', 'swanlog-0.7.20-offline', 'swanlog-0.9.7', 'swanlog-0.9.7-offline'];

interface KeyFacts {
  points: number;
  last_step: number;
  last_value: number | string[];
}
interface RecordFacts {
  file: string;
  header_version: number;
  bytes: number;
  records: number;
  tail: string;
  status: string;
  experiment: string;
  started_at: string;
  finished_at?: string;
  keys: Record<string, KeyFacts>;
}
interface FixtureRun {
  set: string;
  run: string;
  file: string;
  facts: RecordFacts;
}

function fixtureRuns(): FixtureRun[] {
  return SETS.flatMap((set) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'manifests', `${set}.json`), 'utf8'));
    return Object.entries(manifest.runs as Record<string, { record_file: RecordFacts }>).map(([run, r]) => ({
      set,
      run,
      file: path.join(FIXTURES, set, run, r.record_file.file),
      facts: r.record_file,
    }));
  });
}

const EXPECTED_STATE: Record<string, string | null> = {
  finished: 'finished',
  RUN_STATE_FINISHED: 'finished',
  'failed (crashed/aborted)': 'crashed',
  RUN_STATE_CRASHED: 'crashed',
  RUN_STATE_ABORTED: 'aborted',
  'no finish/footer record (running or killed)': null,
};

/** Plain, comparable form of a content (maps and series builders flattened). */
function snapshot(c: RecordFileContent): unknown {
  return {
    ...c,
    columns: [...c.columns.values()],
    scalars: [...c.scalars].map(([k, s]) => {
      const b = s.build();
      return [k, [...b.steps], [...b.values], [...b.timestamps], b.legacyNonFinite];
    }),
    media: [...c.media],
  };
}

const tempDirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'swanview-records-'));
  tempDirs.push(d);
  return d;
}
afterAll(() => tempDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('fixture record files match the manifests', () => {
  const runs = fixtureRuns();

  it('finds all 12 record files', () => {
    expect(runs.length).toBe(12);
  });

  for (const { set, run, file, facts } of runs) {
    it(`${set}/${run} (${facts.experiment})`, async () => {
      const c = await readRecordFile(file);
      expect(c.version).toBe(facts.header_version);
      expect(c.generation).toBe(facts.header_version === 2 ? 'C' : 'B');
      expect(c.bytesRead).toBe(facts.bytes);
      expect(c.records).toBe(facts.records);
      expect(c.undecodable).toBe(0);
      expect(c.project).toBe('resnet-cifar10');
      expect(c.run.name).toBe(facts.experiment);
      expect(c.run.startedAt).toBe(facts.started_at);
      expect(c.run.id).toBe(run.slice(run.lastIndexOf('-') + 1));
      expect(c.run.colors?.[0]).toMatch(/^#[0-9a-f]{6}$/);

      if (facts.tail === 'clean') expect(c.torn).toBeNull();
      else expect(c.torn).toEqual({ offset: Number(/offset (\d+)/.exec(facts.tail)![1]), reason: 'chunk header without payload' });

      expect(c.finish?.state ?? null).toBe(EXPECTED_STATE[facts.status]);
      if (facts.finished_at) expect(c.finish?.finishedAt).toBe(facts.finished_at);

      const keys = [...c.scalars.keys(), ...c.media.keys()];
      expect(new Set(keys)).toEqual(new Set(Object.keys(facts.keys)));
      expect(new Set(c.columns.keys())).toEqual(new Set(keys));
      for (const [key, f] of Object.entries(facts.keys)) {
        if (Array.isArray(f.last_value)) {
          const points = c.media.get(key)!;
          expect(points.length, key).toBe(f.points);
          const last = points[points.length - 1];
          expect(last.step, key).toBe(f.last_step);
          expect(last.items.map((i) => (i.file ? path.basename(i.file) : i.text)), key).toEqual(f.last_value);
        } else {
          const s = c.scalars.get(key)!.build();
          expect(s.steps.length, key).toBe(f.points);
          expect(s.steps[s.steps.length - 1], key).toBe(f.last_step);
          expect(s.values[s.values.length - 1], key).toBe(f.last_value);
          expect(Number.isFinite(s.timestamps[0]), key).toBe(true);
        }
      }
      for (const [key, col] of c.columns) expect(col.system, key).toBe(key.startsWith('__swanlab__.'));
    });
  }

  it('maps generation B details: kids, media paths, captions, logs, files, system display names', async () => {
    const c = await readRecordFile(path.join(FIXTURES, 'swanlog-0.7.20/run-20261124_050318-vvnboclmd4c6goos0pdcw/backup.swanlab'));
    expect(c.run).toMatchObject({ id: 'vvnboclmd4c6goos0pdcw', description: 'SGD baseline, cosine schedule', tags: [] });
    expect(c.columns.get('train/loss')).toMatchObject({ kid: '0', type: 'line', sectionName: 'train', sectionType: 'PUBLIC' });
    expect(c.columns.get('epoch')?.sectionName).toBeNull();
    expect(c.columns.get('__swanlab__.disk.read')).toMatchObject({
      system: true,
      sectionType: 'SYSTEM',
      displayName: 'MB read from disk',
      chartName: 'Disk I/O Utilization (MB)',
      yRange: [0, null],
    });
    // chart_index is random per run; it groups the keys of one chart
    expect(c.columns.get('__swanlab__.disk.read')?.chartIndex).toMatch(/^[a-z0-9]{8}$/);
    expect(c.columns.get('__swanlab__.disk.write')?.chartIndex).toBe(c.columns.get('__swanlab__.disk.read')?.chartIndex);
    expect(c.columns.get('samples/pred')).toMatchObject({ kid: '17', type: 'image' });
    expect(c.columns.get('samples/text')?.type).toBe('text');
    const pred = c.media.get('samples/pred')![0];
    expect(pred.step).toBe(500);
    expect(pred.items[0]).toEqual({ file: 'media/17/image-step500-810b4a789b34b18c.png', text: null, caption: 'pred step 500 #0' });
    for (const item of pred.items) expect(fs.existsSync(path.join(path.dirname(c.path), item.file!))).toBe(true);
    expect(c.media.get('samples/text')![0].items).toEqual([{ file: null, text: 'step 500: the quick brown fox 0.4649', caption: null }]);
    expect(c.media.get('samples/audio')![0].items[0].caption).toBe('440 Hz tone');
    expect(c.files).toEqual({ config: 'config.yaml', metadata: 'swanlab-metadata.json', requirements: 'requirements.txt', conda: null });
    expect(c.logs[0]).toEqual({ text: 'swanlab: Tracking run with swanlab version 0.7.20', stream: 'stdout', level: 'info' });
    expect(c.logs).toContainEqual({ text: 'WARNING: simulated warning on stderr (dataloader slow)', stream: 'stderr', level: 'warn' });
  });

  it('splits the generation B traceback into error lines', async () => {
    const c = await readRecordFile(path.join(FIXTURES, 'swanlog-0.7.20/run-20261124_050353-txypp5pyjwsgj2o1e0htz/backup.swanlab'));
    const errors = c.logs.filter((l) => l.level === 'error');
    expect(errors.length).toBe(5);
    expect(errors[errors.length - 1].text).toBe('CUDA out of memory. Tried to allocate 2.00 GiB (simulated)');
    expect(c.finish).toEqual({ state: 'crashed', finishedAt: '2026-11-24T05:03:58.206314+00:00', error: null });
  });

  it('maps generation C details: media folders, text content, save records, system columns', async () => {
    const c = await readRecordFile(path.join(FIXTURES, 'swanlog-0.9.7-offline/run-20261124_050700-rjwfdbyy/run-rjwfdbyy.swanlab'));
    expect(c.run).toMatchObject({ id: 'rjwfdbyy', description: 'SGD baseline, cosine schedule', colors: ['#fc6dc5', '#fc6dc5'] });
    expect(c.run.startedAt).toBe('2026-11-24T05:07:00.680345+00:00');
    const pred = c.media.get('samples/pred')![0];
    expect(pred.items[0]).toEqual({ file: 'media/image/500-810b4a78.png', text: null, caption: 'pred step 500 #0' });
    const text = c.media.get('samples/text')![0].items[0];
    expect(text.file).toBe('media/text/500-ebb753c7.txt');
    expect(text.text).toBe('step 500: the quick brown fox 0.4649');
    expect(c.media.get('samples/audio')![0].items[0].file).toBe('media/audio/1000-3c9b2375.wav');
    expect(c.files).toEqual({ config: 'config.yaml', metadata: 'swanlab-metadata.json', requirements: 'requirements.txt', conda: null });
    expect(c.columns.get('train/loss')).toMatchObject({ kid: null, type: 'line', system: false, sectionName: 'train', sectionType: 'PUBLIC' });
    expect(c.columns.get('epoch')?.sectionName).toBeNull();
    expect(c.columns.get('__swanlab__.cpu.pct')).toMatchObject({ system: true, sectionType: 'SYSTEM', displayName: 'CPU Utilization (%)', yRange: [0, 100] });
    expect(c.columns.get('__swanlab__.mem.proc')?.yRange).toEqual([0, null]);
    expect(c.logs.every((l) => l.stream === 'stdout' && l.level === 'info')).toBe(true);
    expect(c.scalars.get('train/loss')!.build().timestamps[0]).toBeCloseTo(Date.UTC(2026, 10, 24, 5, 7, 1) + 649.286, 3);
  });

  it('keeps the generation C traceback in finish.error', async () => {
    const c = await readRecordFile(path.join(FIXTURES, 'swanlog-0.9.7-offline/run-20261124_050725-sk1c1hrt/run-sk1c1hrt.swanlab'));
    expect(c.finish?.state).toBe('crashed');
    expect(c.finish?.error).toMatch(/^Traceback \(most recent call last\):\n[\s\S]*RuntimeError: CUDA out of memory/);
  });
});

describe('RecordFileReader', () => {
  it('reads a growing file incrementally to the same content as one read', async () => {
    for (const file of [
      'swanlog-0.7.20/run-20261124_050401-bbfdyxn18ydmbc8m3nfou/backup.swanlab',
      'swanlog-0.9.7/run-20261124_051228-tc77jij3/run-tc77jij3.swanlab',
    ]) {
      const source = fs.readFileSync(path.join(FIXTURES, file));
      const target = path.join(tempDir(), path.basename(file));
      fs.writeFileSync(target, '');
      const reader = new RecordFileReader(target);
      const steps = [1, 7, 1000, 3, 32768, 5, 65539, 20000];
      const seenNewKeys: string[] = [];
      let written = 0;
      let totalRead = 0;
      let finishedDeltas = 0;
      for (let i = 0; written < source.length; i++) {
        const n = Math.min(steps[i % steps.length], source.length - written);
        fs.appendFileSync(target, source.subarray(written, written + n));
        written += n;
        const delta = await reader.refresh();
        totalRead += delta.bytes;
        seenNewKeys.push(...delta.newKeys);
        if (delta.finished) finishedDeltas++;
        expect(reader.content.bytesRead).toBe(written);
        if (reader.content.torn) expect(reader.content.torn.reason).not.toBe('bad crc');
      }
      const once = await readRecordFile(target);
      expect(snapshot(reader.content)).toEqual(snapshot(once));
      expect(seenNewKeys).toEqual([...once.columns.keys()]);
      expect(finishedDeltas).toBe(once.finish ? 1 : 0);
      // cost follows appended bytes: only the unfinished record is read again
      expect(totalRead).toBeLessThan(source.length * 1.5);
      const idle = await reader.refresh();
      expect(idle).toEqual({ newKeys: [], grownKeys: [], newLogLines: 0, finished: false, bytes: once.torn ? idle.bytes : 0 });
    }
  });

  it('reads records across its 4 MB read slices, one bigger than a slice, and stops at zero-filled space', async () => {
    const records: Uint8Array[] = [encodeRunRecord({ start: { project: 'p', name: 'big' } })];
    for (let i = 0; i < 150_000; i++) {
      records.push(encodeRunRecord({ num: i, timestamp: { seconds: 1_780_000_000 + i, nanos: 1000 }, scalar: { key: `k${i % 7}`, step: i, value: { number: i / 3 } } }));
      if (i === 70_000) records.push(encodeRunRecord({ log: { line: 'x'.repeat(9_000_000) } }));
    }
    const file = path.join(tempDir(), 'run-big.swanlab');
    const bytes = FrameWriter.encodeFile(records);
    fs.writeFileSync(file, Buffer.concat([bytes, Buffer.alloc(200_000)]));
    const reader = new RecordFileReader(file);
    const delta = await reader.refresh();
    expect(delta.bytes).toBeLessThanOrEqual(bytes.length + 200_000);
    expect(reader.content.records).toBe(records.length);
    expect(reader.content.torn?.reason).toBe('zero-filled chunk header');
    const whole = new RecordStreamParser(file);
    whole.feed(fs.readFileSync(file), 0);
    expect(snapshot(reader.content)).toEqual(snapshot({ ...whole.content, bytesRead: reader.content.bytesRead }));
    expect(reader.content.logs[0].text.length).toBe(9_000_000);
  });

  it('keeps only counts for countOnly keys, growing with the file; refresh(upTo) stops at that byte', async () => {
    const source = fs.readFileSync(path.join(FIXTURES, 'swanlog-0.9.7-offline/run-20261124_050700-rjwfdbyy/run-rjwfdbyy.swanlab'));
    const target = path.join(tempDir(), 'run-rjwfdbyy.swanlab');
    fs.writeFileSync(target, source);
    const whole = await readRecordFile(target);
    const reader = new RecordFileReader(target, (key) => key === 'train/loss');
    await reader.refresh(100000);
    expect(reader.content.bytesRead).toBe(100000);
    const second = await reader.refresh();
    expect(second.grownKeys).toContain('train/loss');
    const count = reader.content.scalarCounts.get('train/loss')!;
    expect(reader.content.scalars.has('train/loss')).toBe(false);
    expect(count.length).toBe(whole.scalars.get('train/loss')!.length);
    expect(count.distinct).toBe(whole.scalars.get('train/loss')!.build().steps.length);
    expect([...reader.content.columns.keys()]).toEqual([...whole.columns.keys()]);
  });

  it('a count with a repeated or decreasing step no longer knows its distinct steps', () => {
    const count = new ScalarCount();
    for (const step of [0, 1, 2]) count.push(step);
    expect(count.distinct).toBe(3);
    count.push(2);
    expect(count.distinct).toBe(Infinity);
  });

  it('reports grown keys and new log lines per refresh', async () => {
    const source = fs.readFileSync(path.join(FIXTURES, 'swanlog-0.9.7-offline/run-20261124_050700-rjwfdbyy/run-rjwfdbyy.swanlab'));
    const target = path.join(tempDir(), 'run-rjwfdbyy.swanlab');
    fs.writeFileSync(target, source.subarray(0, 100000));
    const reader = new RecordFileReader(target);
    const first = await reader.refresh();
    expect(first.newKeys).toContain('train/loss');
    expect(first.newLogLines).toBeGreaterThan(0);
    const before = reader.content.scalars.get('train/loss')!.length;
    fs.appendFileSync(target, source.subarray(100000));
    const second = await reader.refresh();
    expect(second.grownKeys).toContain('train/loss');
    expect(second.newKeys).not.toContain('train/loss');
    expect(second.finished).toBe(true);
    expect(second.bytes).toBeLessThanOrEqual(source.length - 100000 + 65536);
    expect(reader.content.scalars.get('train/loss')!.length).toBeGreaterThan(before);
  });

  it('treats empty files and partial headers as empty, not as errors', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'run-abc.swanlab');
    fs.writeFileSync(target, '');
    const reader = new RecordFileReader(target);
    await reader.refresh();
    expect(reader.content.torn).toBeNull();
    expect(reader.content.records).toBe(0);
    fs.writeFileSync(target, fileHeader(2).subarray(0, 4));
    await reader.refresh();
    expect(reader.content.torn).toBeNull();
    expect(reader.content.version).toBeNull();
    fs.appendFileSync(target, fileHeader(2).subarray(4));
    await reader.refresh();
    expect(reader.content.version).toBe(2);
    expect(reader.content.torn).toBeNull();
  });

  it('reports a bad header version as torn at offset 0', async () => {
    const target = path.join(tempDir(), 'backup.swanlab');
    fs.writeFileSync(target, fileHeader(7));
    const c = await readRecordFile(target);
    expect(c.torn).toEqual({ offset: 0, reason: 'unsupported record file version 7' });
    expect(c.generation).toBe('B');
  });

  it('starts over when the file was replaced by a shorter one', async () => {
    const target = path.join(tempDir(), 'run-x.swanlab');
    const rec = (key: string) => encodeRunRecord({ num: 1, scalar: { key, step: 3, value: { number: 1.5 } } });
    fs.writeFileSync(target, FrameWriter.encodeFile([rec('aaaaaaaaaaaaaaaaaaaaaaaa'), rec('b')]));
    const reader = new RecordFileReader(target);
    await reader.refresh();
    fs.writeFileSync(target, FrameWriter.encodeFile([rec('c')]));
    const delta = await reader.refresh();
    expect([...reader.content.scalars.keys()]).toEqual(['c']);
    expect(delta.newKeys).toEqual(['c']);
  });

  it('skips a record whose frame is intact but payload is not a record', async () => {
    const target = path.join(tempDir(), 'backup.swanlab');
    const json = (o: unknown) => Buffer.from(JSON.stringify(o) + '\n');
    const scalar = (step: number, data: unknown) =>
      json({ model_type: 'Scalar', data: { key: 'm', step, metric: { index: step, data, create_time: '2026-01-01T00:00:00+00:00' } } });
    fs.writeFileSync(target, FrameWriter.encodeFile([scalar(0, 'NaN'), Buffer.from('{not json'), scalar(1, 'INF'), scalar(2, 2.5)], 1));
    const c = await readRecordFile(target);
    expect(c.records).toBe(4);
    expect(c.undecodable).toBe(1);
    const s = c.scalars.get('m')!.build();
    expect([...s.values]).toEqual([NaN, Infinity, 2.5]);
    expect(s.legacyNonFinite).toBe(true);
    expect(s.timestamps[0]).toBe(Date.UTC(2026, 0, 1));
  });
});
