import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../testkit/fixtures';
import { UsageError } from './args';
import { exportCommand } from './exportCommand';

const OFFLINE = path.join(FIXTURES_DIR, 'swanlog-0.9.7-offline');
const LOCAL_07 = path.join(FIXTURES_DIR, 'swanlog-0.7.20');
const manifest = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'manifests', 'swanlog-0.9.7-offline.json'), 'utf8'));
let out: string;
beforeAll(async () => {
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-export-'));
});
afterAll(() => fs.rm(out, { recursive: true, force: true }));

/** RFC 4180 rows (quoted fields may hold commas and quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n') (row.push(field), rows.push(row), (row = []), (field = ''));
    else field += c;
  }
  return rows;
}

describe('swanview export', () => {
  it('writes every point of every run at full resolution as wide CSV', async () => {
    const file = path.join(out, 'all.csv');
    await exportCommand([OFFLINE, '--out', file]);
    const rows = parseCsv(await fs.readFile(file, 'utf8'));
    const header = rows[0];
    expect(header.slice(0, 3)).toEqual(['run', 'step', 'timestamp']);
    expect(header).toEqual(expect.arrayContaining(['train/loss', 'train/lr', 'grad/norm', 'val/acc', 'val/loss', 'epoch']));
    expect(header).not.toContain('samples/pred');
    const col = header.indexOf('train/loss');
    for (const [runId, run] of Object.entries<any>(manifest.runs)) {
      const name = runId === 'run-20261124_050700-rjwfdbyy' ? 'baseline-lr0.1' : runId === 'run-20261124_050725-sk1c1hrt' ? 'lr0.3-crash' : 'lr0.05-killed';
      const mine = rows.filter((r) => r[0] === name);
      const loss = run.record_file.keys['train/loss'];
      // every key is logged on a subset of train/loss's steps, so the union is train/loss's steps
      expect(mine.length).toBe(loss.points);
      const last = mine[mine.length - 1];
      expect(Number(last[1])).toBe(loss.last_step);
      expect(Number(last[col])).toBe(loss.last_value);
      expect(last[2]).toMatch(/^2026-11-24T05:0\d:\d\d\.\d{6}\+00:00$/);
    }
  });

  it('filters runs by name or id and keys, and writes JSON with all points', async () => {
    const file = path.join(out, 'one.json');
    await exportCommand([LOCAL_07, '--run', 'lr0.3-crash', '--keys', 'val/acc,epoch', '--format', 'json', '--out', file]);
    const json = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(json.runs).toHaveLength(1);
    expect(json.runs[0].name).toBe('lr0.3-crash');
    expect(json.runs[0].status).toBe('crashed');
    expect(Object.keys(json.runs[0].metrics)).toEqual(['val/acc', 'epoch']);
    const acc = json.runs[0].metrics['val/acc'];
    expect(acc.steps).toHaveLength(27);
    expect(acc.values).toHaveLength(27);
    expect(acc.steps[26]).toBe(1300);
  });

  it('--summary writes one row per run with config columns and last/min/max', async () => {
    const file = path.join(out, 'summary.csv');
    await exportCommand([LOCAL_07, '--summary', '--out', file]);
    const rows = parseCsv(await fs.readFile(file, 'utf8'));
    expect(rows).toHaveLength(4);
    const h = rows[0];
    expect(h.slice(0, 5)).toEqual(['name', 'id', 'status', 'created_at', 'finished_at']);
    expect(h).toEqual(expect.arrayContaining(['config.model.depth', 'config.optimizer.lr', 'train/loss.last', 'train/loss.min', 'train/loss.max']));
    const base = rows.find((r) => r[0] === 'baseline-lr0.1')!;
    expect(base[h.indexOf('status')]).toBe('finished');
    expect(Number(base[h.indexOf('config.model.depth')])).toBe(18);
    expect(JSON.parse(base[h.indexOf('config.optimizer.betas')])).toEqual([0.9, 0.999]);
    expect(Number(base[h.indexOf('train/loss.last')])).toBe(0.1120570155194666);
    expect(rows.find((r) => r[0] === 'lr0.3-crash')![h.indexOf('status')]).toBe('crashed');
  });

  it('rejects unknown runs and formats with a usage error', async () => {
    await expect(exportCommand([OFFLINE, '--run', 'nope', '--out', path.join(out, 'x.csv')])).rejects.toThrow(UsageError);
    await expect(exportCommand([OFFLINE, '--format', 'xml'])).rejects.toThrow(/csv or json/);
    await expect(exportCommand([])).rejects.toThrow(/exactly one PATH/);
  });
});
