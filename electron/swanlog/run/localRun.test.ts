// One run assembled from every generation it has, on real fixtures and on damaged copies.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, makeTempDir, writableCopy } from '../../testkit/fixtures';
import { readRunsDb } from '../sqlite/runsDb';
import { openImage } from '../sqlite/sqlJs';
import { applyWal } from '../sqlite/walReplay';
import { LocalWorkspace } from '../workspace';
import { SwanlogRunWriter } from '../writer/runWriter';

const copies: string[] = [];
afterAll(() => Promise.all(copies.map((c) => fs.rm(path.dirname(c), { recursive: true, force: true }))));
function copyOf(set: string): string {
  const c = writableCopy(path.join(FIXTURES_DIR, set), 'localrun');
  copies.push(c);
  return c;
}
const manifest = async (set: string) => JSON.parse(await fs.readFile(path.join(FIXTURES_DIR, 'manifests', `${set}.json`), 'utf8'));

describe('LocalRun on the real fixtures', () => {
  it('0.7.20 local: system metrics come from logs/<kid> folders without DB rows, named by backup.swanlab', async () => {
    const ws = await LocalWorkspace.open(path.join(FIXTURES_DIR, 'swanlog-0.7.20'));
    const m = await manifest('swanlog-0.7.20');
    const run = ws.runs[0];
    const sys = run.keys().filter((k) => k.system);
    expect(sys.map((k) => k.key)).toContain('__swanlab__.cpu.pct');
    expect(sys.every((k) => k.section === 'system' && k.type === 'line')).toBe(true);
    expect(sys.find((k) => k.key === '__swanlab__.cpu.pct')!.displayName).toBeTruthy();
    const cpu = (await run.series('__swanlab__.cpu.pct'))!;
    expect(cpu.values.at(-1)).toBe(m.runs[run.id].logs['6'].last_value);
    expect(run.customKeys().map((k) => k.key)).not.toContain('__swanlab__.cpu.pct');
    expect(run.info().generations).toEqual(['A', 'B']);
    ws.close();
  });

  it('0.9.7 local, killed: the record file is fuller than logs/ and wins', async () => {
    const ws = await LocalWorkspace.open(path.join(FIXTURES_DIR, 'swanlog-0.9.7'));
    const m = await manifest('swanlog-0.9.7');
    const killed = ws.runs.find((r) => r.info().name === 'lr0.05-killed')!;
    const rec = m.runs[killed.id].record_file.keys['train/loss'];
    expect(m.runs[killed.id].logs['1'].points).toBeLessThan(rec.points);
    expect((await killed.series('train/loss'))!.steps.length).toBe(rec.points);
    expect(killed.info().issues.some((i) => /torn or bad chunk at byte 154496/.test(i.reason))).toBe(true);
    ws.close();
  });

  it('0.9.7 local: one copy of each point in memory; the record keeps values only where it is fuller', async () => {
    const ws = await LocalWorkspace.open(path.join(FIXTURES_DIR, 'swanlog-0.9.7'));
    const m = await manifest('swanlog-0.9.7');
    const baseline = ws.runs.find((r) => r.info().name === 'baseline-lr0.1')!;
    const lines = baseline.keys().filter((k) => k.type === 'line' && baseline.folderOf(k.key) !== null);
    expect(lines.length).toBeGreaterThan(1);
    for (const { key } of lines) {
      const rec = baseline.recordContent()!;
      expect(rec.scalars.has(key), key).toBe(false);
      const points = m.runs[baseline.id].logs[baseline.folderOf(key)!].points;
      expect(rec.scalarCounts.get(key)!.length, key).toBe(points);
      expect((await baseline.series(key))!.steps.length, key).toBe(points);
    }
    const killed = ws.runs.find((r) => r.info().name === 'lr0.05-killed')!;
    const served = await killed.series('train/loss');
    const loss = killed.recordContent()!.scalars.get('train/loss')!;
    expect(loss.length).toBe(m.runs[killed.id].record_file.keys['train/loss'].points);
    expect(served).toBe(loss.build());
    ws.close();
  });

  it('0.5.9: the crashed run the DB calls finished is crashed, and says why', async () => {
    const ws = await LocalWorkspace.open(path.join(FIXTURES_DIR, 'swanlog-0.5.9'));
    const crash = ws.runs.find((r) => r.info().name === 'lr0.3-crash')!;
    expect(crash.dbRow!.status).toBe(1);
    expect(crash.info().status).toBe('crashed');
    expect(crash.info().statusEvidence.join(' ')).toMatch(/error\.log/);
    ws.close();
  });
});

describe('runs and DB rows that do not match', () => {
  it('a DB row whose folder was deleted is still listed, with an issue; the others are complete', async () => {
    const copy = copyOf('swanlog-0.4.12');
    const victim = (await fs.readdir(copy)).filter((n) => n.startsWith('run-')).sort()[1];
    await fs.rm(path.join(copy, victim), { recursive: true });
    const ws = await LocalWorkspace.open(copy);
    expect(ws.runs).toHaveLength(3);
    const gone = ws.run(victim)!;
    expect(gone.info().name).toBe('lr0.3-crash');
    expect(gone.info().issues[0].reason).toMatch(/folder is missing/);
    expect((await ws.runs[0].series('train/loss'))!.steps.length).toBe(2500);
    ws.close();
  });

  it('run folders without runs.swanlab are read from their record files and logs', async () => {
    const copy = copyOf('swanlog-0.9.7');
    for (const f of ['runs.swanlab', 'runs.swanlab-wal', 'runs.swanlab-shm']) await fs.rm(path.join(copy, f));
    const ws = await LocalWorkspace.open(copy);
    expect(ws.runs.map((r) => r.info().name)).toEqual(['baseline-lr0.1', 'lr0.3-crash', 'lr0.05-killed']);
    expect(ws.runs.map((r) => r.info().status)).toEqual(['finished', 'crashed', 'killed']);
    expect((await ws.runs[0].series('val/acc'))!.steps.length).toBe(50);
    expect((await ws.runs[0].media('samples/pred'))!).toHaveLength(4);
    ws.close();
  });

  it('pre-0.3.12 DBs without tag.folder read URL-encoded legacy folders (logs/train%2Floss)', async () => {
    const copy = copyOf('swanlog-0.4.12');
    const db = path.join(copy, 'runs.swanlab');
    const image = applyWal(await fs.readFile(db), await fs.readFile(db + '-wal')).image;
    const sql = await openImage(image);
    const tags = (await readRunsDb(copy))!.db.tags;
    sql.run('UPDATE tag SET folder = NULL');
    await fs.writeFile(db, sql.export());
    sql.close();
    await fs.rm(db + '-wal');
    await fs.rm(db + '-shm');
    for (const t of tags) {
      const run = (await readRunsDb(copy))!.db.experiments.find((e) => e.id === t.experiment_id)!.run_id;
      const from = path.join(copy, run, 'logs', t.folder);
      const exists = await fs.stat(from).then(() => true, () => false);
      if (exists) await fs.rename(from, path.join(copy, run, 'logs', encodeURIComponent(t.name)));
    }
    const ws = await LocalWorkspace.open(copy);
    const base = ws.runs[0];
    expect(base.folderOf('train/loss')).toBe('train%2Floss');
    expect((await base.series('train/loss'))!.steps.length).toBe(2500);
    expect((await base.series('grad/norm'))!.steps.length).toBe(250);
    ws.close();
  });
});

describe('a live A+C run whose record file gets ahead of logs/', () => {
  it('switches the key to the record copy, reading its values once', async () => {
    const root = path.join(makeTempDir('localrun-live'), 'swanlog');
    copies.push(root);
    const w = await SwanlogRunWriter.create(root, { name: 'ahead', generations: ['A', 'C'] });
    for (let s = 0; s < 100; s++) w.log({ 'train/loss': 1 / (s + 1) });
    w.flush();
    const ws = await LocalWorkspace.open(root);
    const run = ws.runs[0];
    expect(run.recordContent()!.scalars.has('train/loss')).toBe(false);
    const logFile = path.join(run.dir, 'logs', run.folderOf('train/loss')!, '1000.log');
    const logsSize = (await fs.stat(logFile)).size;

    for (let s = 100; s < 250; s++) w.log({ 'train/loss': 1 / (s + 1) });
    w.flush();
    await fs.truncate(logFile, logsSize); // logs/ lag behind: only the record file has the new points
    const change = await ws.refresh();
    expect(change.runs[0].grownKeys).toEqual(['train/loss']);
    expect((await run.series('train/loss'))!.steps.length).toBe(250);
    expect((await run.series('train/loss'))).toBe(run.recordContent()!.scalars.get('train/loss')!.build());
    ws.close();
  });
});
