// run.console with `since`: the local and the cloud source answer only what is new.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorOf } from '../../shared/consoleTail';
import { CloudSource } from '../cloud/cloudSource';
import { clientFor } from '../cloud/fakeClient.testkit';
import { LocalWorkspace } from '../swanlog/workspace';
import { startFakeSwanlab } from '../testkit/fakeSwanlab/fakeServer';
import { sampleModel } from '../testkit/fakeSwanlab/sampleModel';
import { FIXTURES_DIR, makeTempDir, writableCopy } from '../testkit/fixtures';
import { LocalSource } from './localSource';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function openCopy(set: string): Promise<{ source: LocalSource; ws: LocalWorkspace; dir: string }> {
  const dir = writableCopy(path.join(FIXTURES_DIR, set), 'console-tail');
  cleanup.push(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));
  const ws = await LocalWorkspace.open(dir);
  const source = new LocalSource(ws, false);
  cleanup.push(() => source.close());
  return { source, ws, dir };
}

function consoleFile(dir: string, runId: string): string {
  const consoleDir = path.join(dir, runId, 'console');
  const name = fs.readdirSync(consoleDir).filter((f) => f !== 'error.log').sort().at(-1)!;
  return path.join(consoleDir, name);
}

describe('LocalSource.console since', () => {
  for (const set of ['swanlog-0.4.12', 'swanlog-0.9.7']) {
    it(`${set}: after lines are appended, since=N answers only the new lines`, async () => {
      const { source, ws, dir } = await openCopy(set);
      const run = ws.runs.find((r) => r.info().name === 'baseline-lr0.1')!;
      const first = await source.console(run.id);
      const n = first.total;
      expect(n).toBeGreaterThan(10);
      expect(first.from).toBe(0);
      expect(first.lines).toHaveLength(n);

      fs.appendFileSync(consoleFile(dir, run.id), 'tail one\ntail two\ntail three\n');
      await ws.refresh();
      const next = await source.console(run.id, n, anchorOf(first.lines[n - 1]));
      expect(next.from).toBe(n);
      expect(next.total).toBe(n + 3);
      expect(next.lines.map((l) => l.text)).toEqual(['tail one', 'tail two', 'tail three']);

      // nothing new: an empty answer
      const idle = await source.console(run.id, n + 3, 'tail three');
      expect([idle.from, idle.lines.length, idle.total]).toEqual([n + 3, 0, n + 3]);
    });
  }

  it('a rewritten console file makes the answer start over from 0', async () => {
    // 0.4.12: console/ is the only copy of the console (0.9.7 also keeps it in the record file)
    const { source, ws, dir } = await openCopy('swanlog-0.4.12');
    const run = ws.runs.find((r) => r.info().name === 'baseline-lr0.1')!;
    const first = await source.console(run.id);
    const file = consoleFile(dir, run.id);
    // shorter than before: total < since
    fs.writeFileSync(file, 'fresh 1\nfresh 2\n');
    await ws.refresh();
    const shrunk = await source.console(run.id, first.total, anchorOf(first.lines.at(-1)!));
    expect([shrunk.from, shrunk.total]).toEqual([0, 2]);
    expect(shrunk.lines.map((l) => l.text)).toEqual(['fresh 1', 'fresh 2']);
    // replaced by a longer file of other lines: the count continues, the anchor does not match
    fs.writeFileSync(`${file}.new`, Array.from({ length: first.total + 5 }, (_, i) => `other ${i}\n`).join(''));
    fs.renameSync(`${file}.new`, file);
    await ws.refresh();
    const rewritten = await source.console(run.id, 2, 'fresh 2');
    expect([rewritten.from, rewritten.total]).toEqual([0, first.total + 5]);
    expect(rewritten.lines[0].text).toBe('other 0');
  });
});

describe('CloudSource.console since', () => {
  it('answers the lines after since out of the pages it read', async () => {
    const fake = await startFakeSwanlab({ model: sampleModel() });
    cleanup.push(() => fake.close());
    const tmp = makeTempDir('console-tail-cloud');
    cleanup.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const { client } = clientFor(fake);
    const source = await CloudSource.open({ client, project: await client.project('alice', 'mnist'), cacheDir: path.join(tmp, 'media') });
    cleanup.push(() => source.close());
    const runId = source.view().runs[0].info.id;
    const all = await source.console(runId);
    expect(all.total).toBeGreaterThan(100);
    const since = all.total - 7;
    const tail = await source.console(runId, since, anchorOf(all.lines[since - 1]));
    expect([tail.from, tail.total, tail.lines.length]).toEqual([since, all.total, 7]);
    expect(tail.lines).toEqual(all.lines.slice(since));
    expect((await source.console(runId, since, 'not that line')).from).toBe(0);
  });
});
