import { afterAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSwanlogs, NotASwanlogError } from './discover';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
const tmp: string[] = [];
afterAll(async () => Promise.all(tmp.map((d) => fs.rm(d, { recursive: true, force: true }))));

describe('discoverSwanlogs', () => {
  it('finds the three runs of a swanlog root, with and without a DB', async () => {
    const [local] = await discoverSwanlogs(path.join(FIXTURES, 'swanlog-0.9.7'));
    expect(local.runDirs.map((d) => path.basename(d))).toEqual([
      'run-20261124_051228-tc77jij3', 'run-20261124_051256-5ofvmedj', 'run-20261124_051312-djrzc697']);
    expect(local.hasDb).toBe(true);
    const [offline] = await discoverSwanlogs(path.join(FIXTURES, 'swanlog-0.7.20-offline'));
    expect(offline.runDirs).toHaveLength(3);
    expect(offline.hasDb).toBe(false);
  });

  it('accepts a single run folder and shows only that run', async () => {
    const run = path.join(FIXTURES, 'swanlog-0.4.12', (await fs.readdir(path.join(FIXTURES, 'swanlog-0.4.12'))).find((n) => n.startsWith('run-'))!);
    const [root] = await discoverSwanlogs(run);
    expect(root.singleRun).toBe(true);
    expect(root.runDirs).toEqual([run]);
    expect(root.dir).toBe(path.join(FIXTURES, 'swanlog-0.4.12'));
  });

  it('finds every swanlog in a folder that holds several', async () => {
    const roots = await discoverSwanlogs(FIXTURES);
    expect(roots.map((r) => path.basename(r.dir))).toEqual([
      'swanlog-0.4.12', 'swanlog-0.5.9', 'swanlog-0.7.20', 'swanlog-0.7.20-offline', 'swanlog-0.9.7', 'swanlog-0.9.7-offline']);
  });

  it('rejects a folder that is not a swanlog with one clear message', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-notlog-'));
    tmp.push(dir);
    await fs.writeFile(path.join(dir, 'notes.txt'), 'hello');
    await expect(discoverSwanlogs(dir)).rejects.toThrow(NotASwanlogError);
    await expect(discoverSwanlogs(dir)).rejects.toThrow(/is not a swanlog folder: no run-/);
    await expect(discoverSwanlogs(path.join(dir, 'missing'))).rejects.toThrow(/no such folder/);
  });
});
