import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricType } from '../../../shared/domain';
import { ALL_SETS, manifest, prng, runDir, tempDir } from './fixtures.testkit';
import { MetricFolderReader, readSummaryFile } from './metricFolder';

const T = '2026-11-24T05:00:31.774976+00:00';
const line = (step: number, data: string) => `{"index": ${step}, "data": ${data}, "create_time": "${T}"}\n`;

function folderTypes(set: string, run: string): Record<string, MetricType> {
  const tags = manifest(set).runs[run].db?.tags ?? [];
  return Object.fromEntries(tags.map((t) => [t.folder, t.type as MetricType]));
}

async function readOnce(dir: string, type: MetricType = 'line'): Promise<MetricFolderReader> {
  const r = new MetricFolderReader(dir, type);
  await r.refresh();
  return r;
}

describe('MetricFolderReader on the fixtures', () => {
  for (const set of ALL_SETS) {
    for (const [run, r] of Object.entries(manifest(set).runs)) {
      const logs = r.logs ?? {};
      if (Object.keys(logs).length === 0) continue;
      it(`${set} ${run}: every folder matches the manifest`, async () => {
        const types = folderTypes(set, run);
        for (const [folder, exp] of Object.entries(logs)) {
          const dir = path.join(runDir(set, run), 'logs', folder);
          const reader = await readOnce(dir, types[folder] ?? 'line');
          const where = `${set}/${run}/logs/${folder}`;
          expect(reader.fileNames, where).toEqual(exp.files);
          expect(reader.unparsableLines, where).toBe(exp.unparsable_lines);
          expect(reader.issues, where).toEqual([]);
          if (Array.isArray(exp.last_value)) {
            const media = reader.mediaPoints();
            expect(media.length, where).toBe(exp.points);
            expect(reader.series().steps.length).toBe(0);
            expect(media[0].step).toBe(exp.first_step);
            const last = media[media.length - 1];
            expect(last.step).toBe(exp.last_step);
            const type = types[folder];
            if (type === 'text') {
              expect(last.items.map((i) => i.text)).toEqual(exp.last_value);
              expect(last.items.every((i) => i.file === null)).toBe(true);
            } else {
              expect(last.items.map((i) => i.file)).toEqual(exp.last_value.map((n) => `media/${folder}/${n}`));
              for (const p of media) for (const i of p.items) expect(fs.existsSync(path.join(runDir(set, run), i.file!)), i.file!).toBe(true);
            }
            expect(media.every((p) => Number.isFinite(p.timestamp))).toBe(true);
          } else {
            const s = reader.series();
            expect(s.steps.length, where).toBe(exp.points);
            expect(s.steps[0]).toBe(exp.first_step);
            expect(s.steps[s.steps.length - 1]).toBe(exp.last_step);
            expect(s.values[s.values.length - 1]).toBe(exp.last_value);
            expect(s.legacyNonFinite).toBe(false);
            expect(s.timestamps.every((t) => Number.isFinite(t))).toBe(true);
            for (let i = 1; i < s.steps.length; i++) expect(s.steps[i]).toBeGreaterThan(s.steps[i - 1]);
            expect(reader.mediaPoints()).toEqual([]);
          }
          const summary = await readSummaryFile(dir);
          if (exp.summary === null) expect(summary).toBeNull();
          else {
            expect(summary!.num).toBe(exp.summary.num);
            if (!Array.isArray(exp.last_value)) {
              expect(summary).toEqual({ max: exp.summary.max, max_step: exp.summary.max_step, min: exp.summary.min, min_step: exp.summary.min_step, num: exp.summary.num });
            } else {
              expect(summary!.max).toBeNull(); // lists of file names in ≤0.7: meaningless
            }
          }
        }
      });
    }
  }

  it('reads captions from "more" (kept raw too) and text inline (0.4.12 and 0.9.7)', async () => {
    const base = path.join(runDir('swanlog-0.4.12', 'run-20261124_051103-74b73554'), 'logs');
    const images = (await readOnce(path.join(base, '6'), 'image')).mediaPoints();
    expect(images[0].items).toEqual([
      { file: 'media/6/image-step500-810b4a789b34b18c.png', text: null, caption: 'pred step 500 #0' },
      { file: 'media/6/image-step500-ae8e4811c5adb692.png', text: null, caption: 'pred step 500 #1' },
    ]);
    expect(images[0].more).toEqual([{ caption: 'pred step 500 #0' }, { caption: 'pred step 500 #1' }]);
    const text04 = (await readOnce(path.join(base, '7'), 'text')).mediaPoints();
    expect(text04[0].more).toBeUndefined(); // ≤0.5 text lines have no "more"
    const text09 = (await readOnce(path.join(runDir('swanlog-0.9.7', 'run-20261124_051228-tc77jij3'), 'logs', '8'), 'text')).mediaPoints();
    expect(text09[0]).toEqual({ step: 500, timestamp: Date.UTC(2026, 10, 24, 5, 12, 34) + 527.288, items: [{ file: null, text: 'step 500: the quick brown fox 0.4649', caption: null }], more: [null] });
  });
});

describe('MetricFolderReader on hand-made folders', () => {
  it('orders files numerically: 10000.log after 2000.log, other names last, non-.log ignored', async () => {
    const dir = tempDir('order');
    fs.writeFileSync(path.join(dir, '10000.log'), line(5, '10') + line(30, '30'));
    fs.writeFileSync(path.join(dir, '2000.log'), line(5, '2') + line(20, '20'));
    fs.writeFileSync(path.join(dir, '1000.log'), line(1, '1'));
    fs.writeFileSync(path.join(dir, 'extra.log'), line(40, '40'));
    fs.writeFileSync(path.join(dir, 'tmpk2v9x'), line(5, '99')); // an os.replace temp file
    fs.writeFileSync(path.join(dir, '_summary.json'), '{"num": 5}');
    const r = await readOnce(dir);
    expect(r.fileNames).toEqual(['1000.log', '2000.log', '10000.log', 'extra.log']);
    const s = r.series();
    expect([...s.steps]).toEqual([1, 5, 20, 30, 40]);
    expect([...s.values]).toEqual([1, 10, 20, 30, 40]); // step 5 of the later file (10000.log) wins
  });

  it('keeps a torn last line pending, uncounted, and reads it once completed', async () => {
    const dir = tempDir('torn');
    const file = path.join(dir, '1000.log');
    fs.writeFileSync(file, line(0, '0.5') + line(1, '0.25') + '{"index": 2, "da');
    const r = new MetricFolderReader(dir, 'line');
    expect(await r.refresh()).toEqual({ added: 2, rewritten: false });
    expect(r.unparsableLines).toBe(0);
    expect(await r.refresh()).toEqual({ added: 0, rewritten: false });
    fs.appendFileSync(file, 'ta": 0.125, "create_time": "');
    expect(await r.refresh()).toEqual({ added: 0, rewritten: false });
    fs.appendFileSync(file, `${T}"}`); // complete but no newline yet: already a point
    expect(await r.refresh()).toEqual({ added: 1, rewritten: false });
    fs.appendFileSync(file, '\n' + line(3, '1'));
    expect(await r.refresh()).toEqual({ added: 1, rewritten: false });
    expect([...r.series().values]).toEqual([0.5, 0.25, 0.125, 1]);
    expect(r.unparsableLines).toBe(0);
  });

  it('counts a torn line followed by more lines (a resumed writer) as unparsable', async () => {
    const dir = tempDir('torn-middle');
    fs.writeFileSync(path.join(dir, '1000.log'), line(0, '1') + '{"index": 1, "data": 0.' + line(2, '3') + '\n   \n' + line(3, '4'));
    const r = await readOnce(dir);
    // The torn bytes and the next line form one unparsable line; the blank line is not counted.
    expect([...r.series().steps]).toEqual([0, 3]);
    expect(r.unparsableLines).toBe(1);
    expect(r.issues).toEqual([{ path: path.join(dir, '1000.log'), reason: '1 unparsable line(s) skipped' }]);
  });

  it('keeps NaN / ±Infinity of every SDK generation as IEEE values', async () => {
    const legacy = tempDir('nan-legacy');
    fs.writeFileSync(path.join(legacy, '1000.log'), line(0, '1') + line(1, '"NaN"') + line(2, '"INF"'));
    const s1 = (await readOnce(legacy)).series();
    expect([...s1.values]).toEqual([1, NaN, Infinity]);
    expect(s1.legacyNonFinite).toBe(true);
    const modern = tempDir('nan-modern');
    fs.writeFileSync(path.join(modern, '1000.log'), line(0, 'NaN') + line(1, 'Infinity') + line(2, '-Infinity'));
    const s2 = (await readOnce(modern)).series();
    expect([...s2.values]).toEqual([NaN, Infinity, -Infinity]);
    expect(s2.legacyNonFinite).toBe(false);
  });

  it('skips points whose data is neither a number nor a list, with an issue', async () => {
    const dir = tempDir('unusable');
    fs.writeFileSync(path.join(dir, '1000.log'), line(0, '1') + line(1, 'null') + line(2, '"text"'));
    const r = await readOnce(dir);
    expect(r.series().steps.length).toBe(1);
    expect(r.unparsableLines).toBe(0);
    expect(r.issues.map((i) => i.reason)).toEqual(['2 point(s) whose data is neither a number nor a list skipped']);
  });

  it('reports a missing folder as an issue instead of throwing', async () => {
    const r = await readOnce(path.join(tempDir('missing'), 'nope'));
    expect(r.series().steps.length).toBe(0);
    expect(r.issues).toHaveLength(1);
  });

  it('picks up new files and re-reads a file replaced through rename (0.7.12–0.7.14) or shrunk', async () => {
    const dir = tempDir('rewrite');
    const file = path.join(dir, '1000.log');
    fs.writeFileSync(file, Array.from({ length: 10 }, (_, i) => line(i, String(i))).join(''));
    const r = new MetricFolderReader(dir, 'line');
    expect(await r.refresh()).toEqual({ added: 10, rewritten: false });

    // The SDK's _rewrite_metric_file: copy with the re-logged step's line replaced, then os.replace.
    const tmp = path.join(dir, 'tmpa1b2c3');
    fs.writeFileSync(tmp, Array.from({ length: 10 }, (_, i) => line(i, i === 5 ? '55' : String(i))).join(''));
    fs.renameSync(tmp, file);
    expect(await r.refresh()).toEqual({ added: 10, rewritten: true });
    expect([...r.series().values]).toEqual([0, 1, 2, 3, 4, 55, 6, 7, 8, 9]);

    fs.writeFileSync(path.join(dir, '2000.log'), line(10, '10'));
    expect(await r.refresh()).toEqual({ added: 1, rewritten: false });

    fs.truncateSync(file, 0); // same inode, smaller
    fs.appendFileSync(file, line(0, '-1'));
    expect(await r.refresh()).toEqual({ added: 1, rewritten: true });
    expect([...r.series().steps]).toEqual([0, 10]);

    fs.unlinkSync(path.join(dir, '2000.log'));
    expect(await r.refresh()).toEqual({ added: 0, rewritten: true });
    expect([...r.series().values]).toEqual([-1]);
  });

  it('serialises concurrent refreshes', async () => {
    const dir = tempDir('concurrent');
    fs.writeFileSync(path.join(dir, '1000.log'), line(0, '1') + line(1, '2'));
    const r = new MetricFolderReader(dir, 'line');
    const results = await Promise.all([r.refresh(), r.refresh(), r.refresh()]);
    expect(results.map((x) => x.added)).toEqual([2, 0, 0]);
  });
});

describe('MetricFolderReader: a big quiet folder', () => {
  /** The folder's mtime an hour back: no file was created, removed or replaced since. */
  const past = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000 + 123);
  const age = (dir: string, plusMs = 0) => fs.utimesSync(dir, new Date(past.getTime() + plusMs), new Date(past.getTime() + plusMs));
  /** 20 files of one point each (more than are checked completely every time). */
  const bigFolder = (label: string) => {
    const dir = tempDir(label);
    for (let i = 1; i <= 20; i++) fs.writeFileSync(path.join(dir, `${i * 1000}.log`), line(i * 10, String(i)));
    age(dir);
    return dir;
  };
  const file = (dir: string, n: number) => path.join(dir, `${n * 1000}.log`);

  it('reads only its last file until the folder itself changes', async () => {
    const dir = bigFolder('quiet');
    const r = new MetricFolderReader(dir, 'line');
    expect(await r.refresh()).toEqual({ added: 20, rewritten: false });
    fs.appendFileSync(file(dir, 20), line(201, '201'));
    age(dir);
    expect(await r.refresh()).toEqual({ added: 1, rewritten: false });
    // The SDK never appends to an earlier file: not looked at while the folder is unchanged.
    fs.appendFileSync(file(dir, 3), line(31, '31'));
    age(dir);
    expect(await r.refresh()).toEqual({ added: 0, rewritten: false });
    // A new file: new files and the last known one are read.
    fs.writeFileSync(file(dir, 21), line(210, '210'));
    age(dir, 1000);
    expect(await r.refresh()).toEqual({ added: 1, rewritten: false });
    expect(r.series().steps.length).toBe(22);
  });

  it('still checks every file every 30 refreshes', async () => {
    const dir = bigFolder('quiet-sweep');
    const r = new MetricFolderReader(dir, 'line');
    await r.refresh();
    fs.appendFileSync(file(dir, 3), line(31, '31'));
    age(dir);
    let refreshes = 0;
    while ((await r.refresh()).added === 0) refreshes++;
    expect(refreshes).toBeLessThan(30);
    expect(r.series()).toEqual((await readOnce(dir)).series());
  });

  it('checks every file after a replace (the folder changes without a new file) and rebuilds', async () => {
    const dir = bigFolder('quiet-replace');
    const r = new MetricFolderReader(dir, 'line');
    await r.refresh();
    fs.writeFileSync(path.join(dir, 'tmpq'), line(30, '33') + line(31, '34'));
    fs.renameSync(path.join(dir, 'tmpq'), file(dir, 3));
    age(dir, 1000);
    expect(await r.refresh()).toEqual({ added: 2, rewritten: true });
    expect(r.series()).toEqual((await readOnce(dir)).series());
    expect(r.series().values[2]).toBe(33);
  });

  it('checks every file when one disappeared', async () => {
    const dir = bigFolder('quiet-gone');
    const r = new MetricFolderReader(dir, 'line');
    await r.refresh();
    fs.unlinkSync(file(dir, 5));
    fs.appendFileSync(file(dir, 4), line(41, '41'));
    age(dir, 1000);
    expect(await r.refresh()).toEqual({ added: 1, rewritten: true });
    expect(r.series()).toEqual((await readOnce(dir)).series());
  });
});

describe('MetricFolderReader: incremental growth equals a one-shot read', () => {
  const cases: [string, string, string, MetricType][] = [
    ['swanlog-0.9.7', 'run-20261124_051228-tc77jij3', '1', 'line'],
    ['swanlog-0.4.12', 'run-20261124_051103-74b73554', '0', 'line'],
    ['swanlog-0.7.20', 'run-20261124_050318-vvnboclmd4c6goos0pdcw', '17', 'image'],
    ['swanlog-0.9.7', 'run-20261124_051228-tc77jij3', '8', 'text'],
  ];
  for (const [set, run, folder, type] of cases) {
    it(`${set} logs/${folder} appended in random pieces`, async () => {
      const source = path.join(runDir(set, run), 'logs', folder);
      const expected = await readOnce(source, type);
      const rnd = prng(folder.length * 1000 + set.length);
      // A copy under the same folder name, so media paths (media/<folder>/…) compare equal.
      const dir = path.join(tempDir('grow'), folder);
      fs.mkdirSync(dir);
      const reader = new MetricFolderReader(dir, type);
      let added = 0;
      for (const name of expected.fileNames) {
        const bytes = fs.readFileSync(path.join(source, name));
        let pos = 0;
        while (pos < bytes.length) {
          // Mostly small pieces (half lines), sometimes large ones (many lines at once).
          const n = rnd() < 0.8 ? 1 + Math.floor(rnd() * 120) : 1 + Math.floor(rnd() * 20_000);
          fs.appendFileSync(path.join(dir, name), bytes.subarray(pos, pos + n));
          pos += n;
          if (rnd() < 0.5) {
            const res = await reader.refresh();
            expect(res.rewritten).toBe(false);
            added += res.added;
            expect(reader.unparsableLines).toBe(0);
          }
        }
      }
      added += (await reader.refresh()).added;
      expect(reader.unparsableLines).toBe(0);
      expect(reader.series()).toEqual(expected.series());
      expect(reader.mediaPoints()).toEqual(expected.mediaPoints());
      expect(added).toBe(expected.series().steps.length + expected.mediaPoints().length);
    });
  }
});

describe('readSummaryFile', () => {
  it('is null for a missing, 0-byte, half-written or non-object file', async () => {
    const dir = tempDir('summary');
    expect(await readSummaryFile(dir)).toBeNull();
    for (const text of ['', '{"max": 2.3', 'garbage', '[1, 2]']) {
      fs.writeFileSync(path.join(dir, '_summary.json'), text);
      expect(await readSummaryFile(dir), text).toBeNull();
    }
  });

  it('keeps numbers only (0.8+ media summaries hold just num)', async () => {
    const dir = tempDir('summary2');
    fs.writeFileSync(path.join(dir, '_summary.json'), '{"num": 4}');
    expect(await readSummaryFile(dir)).toEqual({ max: null, max_step: null, min: null, min_step: null, num: 4 });
  });
});
