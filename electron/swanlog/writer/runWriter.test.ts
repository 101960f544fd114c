import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from './mediaEncoders';
import { dbRows, runOracle, tempDir, type OracleResult, type OracleRun, removeTempDirs } from './oracle.testkit';
import { SwanlogRunWriter } from './runWriter';

afterAll(removeTempDirs);

const T0 = Date.UTC(2026, 10, 24, 5, 12, 28, 435);
const STEPS = 2500;
/** Console files are named by local date. */
const DAY_LOG = `${new Date(T0).getFullYear()}-${String(new Date(T0).getMonth() + 1).padStart(2, '0')}-${String(new Date(T0).getDate()).padStart(2, '0')}.log`;

/** loss value of the scenario at step s, with non-finite values and zeros sprinkled in. */
function loss(s: number): number {
  const special: Record<number, number> = { 5: NaN, 6: Infinity, 7: -Infinity, 8: -0, 9: 0, 10: 1e-5, 11: 1e16, 12: 3 };
  return s in special ? special[s] : 2.3 * Math.exp(-s / 700) + 0.01 * Math.sin(s);
}

interface Written {
  root: string;
  alpha: SwanlogRunWriter;
  beta: SwanlogRunWriter;
  gamma: SwanlogRunWriter;
  delta: SwanlogRunWriter;
  o: OracleResult;
}

async function writeScenario(): Promise<Written> {
  const root = path.join(tempDir('swanview-writer-'), 'swanlog');
  let t = T0;
  const clock = () => (t += 0.731);
  const at = (ms: number) => (t = Math.max(t, ms));

  const alpha = await SwanlogRunWriter.create(root, {
    project: 'resnet-cifar10',
    name: 'alpha',
    description: 'first run — ünïcode',
    color: '#698ef8',
    id: 'alpha001',
    config: { model: { name: 'resnet18', depth: 18, pretrained: false }, lr: 0.1, betas: [0.9, 0.999], note: null },
    startTime: T0,
    clock,
  });
  for (let s = 0; s < STEPS; s++) {
    const time = at(T0 + 1500 + s * 8.25);
    const v: Record<string, number | import('./mediaStore').MediaValue> = { 'train/loss': loss(s), 'train/lr': 0.1 * (1 - s / STEPS) };
    if (s % 50 === 0) v['val/acc'] = Math.min(1, s / STEPS + 0.1);
    if (s % 250 === 0) v.epoch = s / 250;
    if (s % 100 === 0) v['训练/损失'] = 1 / (s + 1);
    if (s === 500 || s === 1000) {
      v['samples/pred'] = {
        kind: 'image',
        items: [0, 1].map((i) => ({ data: encodePng(4, 4, (x, y) => [x * 60, y * 60, (s / 10 + i * 50) & 255]), ext: 'png', caption: `pred step ${s} #${i}` })),
      };
      v['samples/text'] = { kind: 'text', items: [{ text: `step ${s}: the quick brown fox` }] };
    }
    alpha.log(v, { time });
    if (s % 500 === 0) alpha.print(`epoch ${s / 250} step ${s}/${STEPS}`, { time: time + 0.1 });
    if (s === 300) alpha.print('WARNING: simulated warning on stderr', { time: time + 0.2, stream: 'stderr' });
  }
  alpha.log({ 'train/loss': 99 }, { step: 10 }); // duplicate step: dropped like the 0.8+ SDK
  alpha.print('progress 10%\rprogress 100%\nline two', { time: at(T0 + 30_000) });
  alpha.finish('crashed', { time: at(T0 + 31_000), error: 'Traceback (most recent call last):\nRuntimeError: boom\n' });

  const beta = await SwanlogRunWriter.create(root, { project: 'resnet-cifar10', name: 'beta', id: 'beta0002', generations: ['C'], startTime: at(T0 + 40_000), clock });
  for (let s = 0; s < 300; s++) beta.log({ 'train/loss': loss(s) }, { time: at(T0 + 41_000 + s * 10) });
  beta.kill({ tornTail: true });

  const gamma = await SwanlogRunWriter.create(root, { project: 'other-project', name: 'alpha', id: 'gamma003', generations: ['A'], startTime: at(T0 + 50_000), clock });
  for (let s = 0; s < 20; s++) gamma.log({ 'train/loss': loss(s), 'val/acc': 0.5 }, { time: at(T0 + 51_000 + s * 10) });
  gamma.finish('aborted', { time: at(T0 + 52_000) });

  const delta = await SwanlogRunWriter.create(root, { project: 'resnet-cifar10', name: 'delta', id: 'delta004', startTime: at(T0 + 60_000), clock });
  for (let s = 0; s < 1200; s++) delta.log({ 'train/loss': loss(s) }, { time: at(T0 + 61_000 + s * 10) });
  delta.kill();

  return { root, alpha, beta, gamma, delta, o: runOracle(root) };
}

describe('SwanlogRunWriter (checked with Python)', () => {
  let w: Written;
  let alphaRun: OracleRun;
  beforeAll(async () => {
    w = await writeScenario();
    alphaRun = w.o.runs[w.alpha.runFolder];
  }, 60_000);

  it('writes every .log line and _summary.json exactly as Python json.dumps would', () => {
    expect(w.o.reserialized_mismatches).toEqual([]);
  });

  it('writes a plain (non-WAL) SQLite file with the swanboard schema', () => {
    const fixture = runOracle(copyFixtureDb('swanlog-0.9.7'));
    expect(w.o.db!.header_18_19).toEqual([1, 1]);
    expect(w.o.db!.journal_mode).toBe('delete');
    expect(w.o.db!.integrity).toBe('ok');
    expect(w.o.db!.foreign_key_violations).toBe(0);
    expect(w.o.db!.schema).toEqual(fixture.db!.schema);
  });

  it('stores project, experiments and statuses like the 0.9.7 local shim', () => {
    const [project] = dbRows(w.o, 'project');
    expect(project).toMatchObject({ id: 1, name: 'resnet-cifar10', sum: 3, charts: 1, pinned_opened: 1, hidden_opened: 0, more: '', version: '0.9.7', description: null });
    const exps = dbRows<Record<string, unknown>>(w.o, 'experiment');
    expect(exps.map((e) => [e.run_id, e.name, e.sort, e.status])).toEqual([
      [w.alpha.runFolder, 'alpha', 1, -1],
      [w.gamma.runFolder, 'alpha-1', 2, -1], // same name: the SDK appends -1
      [w.delta.runFolder, 'delta', 3, 0],
    ]);
    expect(exps[0]).toMatchObject({ description: 'first run — ünïcode', light: '#698ef8', dark: '#698ef8', show: 1, more: '', version: '0.9.7' });
    expect(exps[0].finish_time).toMatch(/^2026-11-24T05:12:59\.\d{6}\+00:00$/);
    expect(exps[2].finish_time).toBeNull();
    expect(w.gamma.name).toBe('alpha-1');
  });

  it('gives every key a 1-based folder, a chart, a display in `default` and a source', () => {
    const tags = dbRows<Record<string, unknown>>(w.o, 'tag').filter((t) => t.experiment_id === 1);
    expect(tags.map((t) => [t.name, t.folder, t.type, t.sort])).toEqual([
      ['train/loss', '1', 'line', 0],
      ['train/lr', '2', 'line', 1],
      ['val/acc', '3', 'line', 2],
      ['epoch', '4', 'line', 3],
      ['训练/损失', '5', 'line', 4],
      ['samples/pred', '6', 'image', 5],
      ['samples/text', '7', 'text', 6],
    ]);
    const charts = dbRows<Record<string, unknown>>(w.o, 'chart');
    const namespaces = dbRows<Record<string, unknown>>(w.o, 'namespace');
    expect(new Set(namespaces.map((n) => n.name))).toEqual(new Set(['default']));
    expect(namespaces.filter((n) => n.project_id === 1)).toHaveLength(1);
    const projectLoss = charts.find((c) => c.project_id === 1 && c.name === 'train/loss')!;
    const sources = dbRows<Record<string, unknown>>(w.o, 'source').filter((s) => s.chart_id === projectLoss.id);
    expect(sources.map((s) => s.sort)).toEqual([0, 1, 2]); // alpha, gamma, delta
    const expCharts = charts.filter((c) => c.experiment_id === 1);
    expect(expCharts.map((c) => [c.name, c.system, c.reference, c.status])).toEqual(tags.map((t) => [t.name, 1, 'step', 0]));
    const displays = dbRows<Record<string, unknown>>(w.o, 'display').filter((d) => expCharts.some((c) => c.id === d.chart_id));
    expect(displays.map((d) => d.sort)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('slices .log files every 1000 points of a key, not every 1000 steps', () => {
    const logs = alphaRun.logs!;
    expect(logs['1'].files).toEqual({ '1000.log': 1000, '2000.log': 1000, '3000.log': 500 });
    expect(logs['3'].files).toEqual({ '1000.log': 50 });
    expect(logs['4'].points.map((p) => [p[0], p[1]])).toEqual([...Array(10).keys()].map((i) => [i * 250, `${i}.0`]));
    expect(logs['1'].points.map((p) => p[0])).toEqual([...Array(STEPS).keys()]); // duplicate step 10 not written
  });

  it('writes NaN/±Infinity as bare tokens and keeps them out of the summary', () => {
    const pts = alphaRun.logs!['1'].points;
    expect(pts.slice(5, 13).map((p) => p[1])).toEqual(['nan', 'inf', '-inf', '-0.0', '0.0', '1e-05', '1e+16', '3.0']);
    const raw = fs.readFileSync(path.join(w.alpha.runDir, 'logs/1/1000.log'), 'utf8').split('\n');
    expect(raw[5]).toMatch(/"data": NaN,/);
    expect(raw[6]).toMatch(/"data": Infinity,/);
    expect(raw[7]).toMatch(/"data": -Infinity,/);
    const summary = alphaRun.logs!['1'].summary!;
    expect(alphaRun.logs!['1'].summary_keys).toEqual(['max', 'max_step', 'min', 'min_step', 'num']);
    expect(summary).toMatchObject({ max: '1e+16', max_step: 11, min: '-0.0', min_step: 8, num: STEPS });
  });

  it('writes media lines, media/<type>/ files and relative links in media/<folder>/', () => {
    const pred = alphaRun.logs!['6'];
    expect(pred.summary).toEqual({ num: 2 });
    const [step, files, , more] = pred.points[0];
    expect(step).toBe(500);
    expect(more).toEqual([{ caption: 'pred step 500 #0' }, { caption: 'pred step 500 #1' }]);
    expect((files as string[]).every((f) => /^500-[0-9a-f]{8}\.png$/.test(f))).toBe(true);
    expect(alphaRun.media['6'].map((m) => m.link)).toEqual(alphaRun.media['6'].map((m) => `../image/${m.name}`));
    expect(alphaRun.media.image).toHaveLength(4);
    expect(alphaRun.media['7']).toEqual([]); // text tag: empty folder
    expect(alphaRun.logs!['7'].points[0].slice(0, 2)).toEqual([500, ['step 500: the quick brown fox']]);
    expect(alphaRun.logs!['7'].points[0][3]).toEqual([null]);
    expect(alphaRun.media.text.map((m) => m.name)).toEqual([expect.stringMatching(/^1000-[0-9a-f]{8}\.txt$/), expect.stringMatching(/^500-[0-9a-f]{8}\.txt$/)]);
  });

  it('captures console lines, banners and the crash traceback', () => {
    const day = Object.keys(alphaRun.console).filter((f) => f !== 'error.log');
    expect(day).toEqual([DAY_LOG]);
    const lines = alphaRun.console[DAY_LOG].split('\n');
    expect(lines[0]).toBe('swanlab: Tracking run with swanlab version 0.9.7');
    expect(lines).toContain('WARNING: simulated warning on stderr');
    expect(lines).toContain('progress 100%');
    expect(lines).toContain('line two');
    expect(lines.slice(-3)).toEqual(['swanlab: Error happened while training', 'swanlab: 🌟 Run `swanlab watch swanlog` to view SwanLab Experiment Dashboard', '']);
    expect(alphaRun.console['error.log']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\nTraceback \(most recent call last\):\nRuntimeError: boom\n\n$/);
  });

  it('writes files/ like the SDK', () => {
    expect(alphaRun.files['config.yaml']).toBe(
      "betas:\n  desc: ''\n  sort: 2\n  value:\n  - 0.9\n  - 0.999\nlr:\n  desc: ''\n  sort: 1\n  value: 0.1\nmodel:\n  desc: ''\n  sort: 0\n  value:\n    depth: 18\n    name: resnet18\n    pretrained: false\nnote:\n  desc: ''\n  sort: 3\n  value: null\n",
    );
    expect(alphaRun.metadata).toMatchObject({ _version: 2, swanlab: { version: '0.9.7', run_dir: path.resolve(w.alpha.runDir) } });
    expect(alphaRun.files['requirements.txt']).toMatch(/^swanlab==0\.9\.7$/m);
  });

  it('writes the record file in the SDK order and with the same values', () => {
    const rec = alphaRun.records!;
    expect(rec.file).toBe('run-alpha001.swanlab');
    expect(rec.header.version).toBe(2);
    const r = rec.records;
    expect(r.every((x) => !x._status)).toBe(true);
    expect(r.slice(0, 4).map((x) => x.num)).toEqual([-1, -3, -4, -5]);
    expect(r[0].start).toMatchObject({ project: 'resnet-cifar10', name: 'alpha', color: '#698ef8', id: 'alpha001' });
    expect(r.slice(1, 4).map((x) => x.save!.type)).toEqual(['CONFIG', 'METADATA', 'REQUIREMENTS']);
    expect(r.at(-1)!.num).toBe(-2);
    expect(r.at(-1)!.finish).toMatchObject({ state: 'RUN_STATE_CRASHED', error: 'Traceback (most recent call last):\nRuntimeError: boom\n' });
    const positive = r.filter((x) => x.num! > 0).map((x) => x.num);
    expect(positive).toEqual(positive.map((_, i) => i + 1));
    // every key: its column record comes right before its first point
    for (const [i, x] of r.entries()) if (x.column) expect((r[i + 1].scalar ?? r[i + 1].media)!.key).toBe(x.column.column_key);
    const cols = r.filter((x) => x.column).map((x) => [x.column!.column_key, x.column!.column_type, x.column!.section_name ?? null]);
    expect(cols).toEqual([
      ['train/loss', 'SCALAR', 'train'],
      ['train/lr', 'SCALAR', 'train'],
      ['val/acc', 'SCALAR', 'val'],
      ['epoch', 'SCALAR', null],
      ['训练/损失', 'SCALAR', '训练'],
      ['samples/pred', 'IMAGE', 'samples'],
      ['samples/text', 'TEXT', 'samples'],
    ]);
    const loss = r.filter((x) => x.scalar?.key === 'train/loss').map((x) => [x.scalar!.step ?? 0, x.scalar!.value.number ?? '0.0']);
    const fromLogs = alphaRun.logs!['1'].points.map((p) => [p[0], p[1]]);
    expect(loss).toEqual(fromLogs);
    const logTimes = alphaRun.logs!['1'].points.map((p) => p[2]);
    expect(r.filter((x) => x.scalar?.key === 'train/loss').map((x) => x.scalar!.timestamp)).toEqual(logTimes);
    const media = r.filter((x) => x.media?.key === 'samples/pred')[0].media!;
    expect(media.value.items.map((i) => i.filename)).toEqual(alphaRun.logs!['6'].points[0][1]);
    const logs = r.filter((x) => x.log);
    expect(logs.map((x) => x.log!.epoch)).toEqual(logs.map((_, i) => i + 1));
    expect(logs.map((x) => x.log!.line).join('\n') + '\n').toBe(alphaRun.console[DAY_LOG]);
  });

  it('writes offline (C only) runs without DB rows, logs or console, and tears a killed file', () => {
    const beta = w.o.runs[w.beta.runFolder];
    expect(beta.logs).toBeNull();
    expect(beta.console).toEqual({});
    expect(beta.records!.records.at(-1)!._status).toBe('truncated');
    expect(beta.records!.records.filter((x) => x.scalar)).toHaveLength(300);
    expect(beta.records!.records.filter((x) => x.log).map((x) => x.log!.line)).toContain(`swanlab: ⚡️ Run \`swanlab sync swanlog/${w.beta.runFolder}\` to sync this`);
    expect(dbRows<Record<string, unknown>>(w.o, 'experiment').some((e) => e.run_id === w.beta.runFolder)).toBe(false);
  });

  it('writes A-only runs without a record file and a killed run without any end marker', () => {
    expect(w.o.runs[w.gamma.runFolder].records).toBeNull();
    expect(w.o.runs[w.gamma.runFolder].console['error.log']).toContain('KeyboardInterrupt');
    const delta = w.o.runs[w.delta.runFolder];
    expect(delta.records!.records.some((x) => x.finish)).toBe(false);
    expect(delta.records!.records.at(-1)!._status).toBeUndefined();
    expect(delta.console['error.log']).toBeUndefined();
    expect(delta.logs!['1'].files).toEqual({ '1000.log': 1000, '2000.log': 200 });
  });

  it('names run folders run-<local time>-<id> and writes the root .gitignore', () => {
    expect(w.alpha.runFolder).toMatch(/^run-\d{8}_\d{6}-alpha001$/);
    expect(fs.readFileSync(path.join(w.root, '.gitignore'), 'utf8')).toBe('*');
  });

  it('refuses to log after the end', () => {
    expect(() => w.alpha.log({ x: 1 })).toThrow(/ended/);
  });
});

/** Copies a fixture's runs.swanlab (+ WAL files) into a temp folder, never touching the original. */
function copyFixtureDb(name: string): string {
  const dir = tempDir('swanview-fixture-db-');
  const src = path.resolve(__dirname, '../../../../shared/fixtures', name);
  for (const f of ['runs.swanlab', 'runs.swanlab-wal', 'runs.swanlab-shm']) {
    if (!fs.existsSync(path.join(src, f))) continue;
    fs.copyFileSync(path.join(src, f), path.join(dir, f));
    fs.chmodSync(path.join(dir, f), 0o644);
  }
  return dir;
}
