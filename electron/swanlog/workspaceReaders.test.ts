// Metric folders read in worker threads give the same workspace as reads on the main thread.
import fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../testkit/fixtures';
import { LOCAL_SETS } from './legacy/fixtures.testkit';
import { compiledWorkerScript } from './legacy/folderReadWorker.testkit';
import { LocalWorkspace } from './workspace';
import { SwanlogRunWriter } from './writer/runWriter';

let script: string;
let readsFile: string;

/** The compiled worker, noting each read it is asked for in `readsFile`. */
beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swanview-readers-'));
  readsFile = path.join(dir, 'reads');
  fs.writeFileSync(readsFile, '');
  script = path.join(dir, 'countingWorker.js');
  fs.writeFileSync(script, [
    `require('node:worker_threads').parentPort.on('message', () => require('node:fs').appendFileSync(${JSON.stringify(readsFile)}, 'x'));`,
    `require(${JSON.stringify(compiledWorkerScript())});`,
  ].join('\n'));
}, 120_000);

const workerReads = () => fs.readFileSync(readsFile, 'utf8').length;

async function everything(ws: LocalWorkspace) {
  await ws.loadAll();
  const out: Record<string, unknown> = {};
  for (const run of ws.runs) {
    const info = run.info();
    const keys: Record<string, unknown> = {};
    for (const k of run.keys()) {
      const s = await run.series(k.key);
      keys[k.key] = s ? { steps: [...s.steps], values: [...s.values], times: [...s.timestamps] } : await run.media(k.key);
    }
    out[run.id] = { info, keys };
  }
  return out;
}

describe('LocalWorkspace with metric-folder reader threads', () => {
  for (const set of LOCAL_SETS) {
    it(`${set}: every series, media list and run info as read on the main thread`, async () => {
      const before = workerReads();
      const threads = await LocalWorkspace.open(path.join(FIXTURES_DIR, set), { readers: { size: 2, script, minPoints: 0 } });
      const here = await LocalWorkspace.open(path.join(FIXTURES_DIR, set), { readers: { size: 0 } });
      try {
        expect(await everything(threads)).toEqual(await everything(here));
        expect(workerReads() - before).toBeGreaterThan(5);
      } finally {
        threads.close();
        here.close();
      }
    });
  }

  it('follows a live run on the main thread after the first read in a worker', async () => {
    const root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swanview-readers-live-')), 'swanlog');
    const w = await SwanlogRunWriter.create(root, { name: 'live', generations: ['A'] });
    for (let s = 0; s < 1500; s++) w.log({ loss: 1 / (s + 1) });
    w.flush();
    const before = workerReads();
    const ws = await LocalWorkspace.open(root, { readers: { size: 2, script, minPoints: 0 } });
    try {
      const run = ws.runs[0];
      expect((await run.series('loss'))!.steps.length).toBe(1500);
      expect(workerReads() - before).toBe(1);
      for (let s = 1500; s < 2600; s++) w.log({ loss: 1 / (s + 1) });
      w.flush();
      const change = await ws.refresh();
      expect(change.runs[0].grownKeys).toEqual(['loss']);
      const s = (await run.series('loss'))!;
      expect(s.steps.length).toBe(2600);
      expect(s.values[2599]).toBe(1 / 2600);
      expect(workerReads() - before).toBe(1);
    } finally {
      ws.close();
    }
  });
});
