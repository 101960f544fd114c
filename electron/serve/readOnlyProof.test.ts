// The read-only proof for the whole reader: opening every fixture, answering every board
// request, exporting and refreshing must not change, create or delete a single file.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportMetrics } from '../export/exportMetrics';
import { exportSummary } from '../export/exportSummary';
import { LocalWorkspace } from '../swanlog/workspace';
import { FIXTURES_DIR, snapshotTree, writableCopy } from '../testkit/fixtures';
import { startServer } from './httpServer';

const SETS = ['swanlog-0.4.12', 'swanlog-0.5.9', 'swanlog-0.7.20', 'swanlog-0.7.20-offline', 'swanlog-0.9.7', 'swanlog-0.9.7-offline'];
const copies: string[] = [];
afterAll(() => Promise.all(copies.map((c) => fs.rm(path.dirname(c), { recursive: true, force: true }))));

async function getJson(url: string): Promise<any> {
  const r = await fetch(url);
  return { status: r.status, body: await r.json().catch(() => null) };
}

/** Every endpoint of the board API, the way a browser would walk it. */
async function walkBoard(base: string): Promise<number> {
  let requests = 0;
  const project = (await getJson(`${base}/api/v1/project`)).body.data;
  await getJson(`${base}/api/v1/project/summaries`);
  await getJson(`${base}/api/v1/project/charts`);
  requests += 3;
  for (const e of project.experiments) {
    const b = `${base}/api/v1/experiment/${e.id}`;
    for (const sub of ['', '/chart', '/status', '/summary', '/recent_log', '/requirements']) {
      await getJson(b + sub);
      requests++;
    }
    const charts = (await getJson(`${b}/chart`)).body.data.charts;
    for (const c of charts) {
      const tag = (await getJson(`${b}/tag/${encodeURIComponent(c.name)}`)).body.data;
      requests++;
      for (const p of tag.list) {
        if (c.type !== 'image' && c.type !== 'audio') continue;
        for (const f of p.data) {
          const r = await fetch(`${base}/api/v1/media/${encodeURIComponent(f)}?tag=${encodeURIComponent(c.name)}&experiment_id=${e.id}`);
          expect(r.status).toBe(200);
          await r.arrayBuffer();
          requests++;
        }
      }
    }
  }
  return requests;
}

describe.each(SETS)('reading %s writes nothing', (set) => {
  it('open, serve every endpoint, export, refresh: every file byte-identical, none created', async () => {
    const copy = writableCopy(path.join(FIXTURES_DIR, set), 'proof');
    copies.push(copy);
    const before = snapshotTree(copy);
    const ws = await LocalWorkspace.open(copy);
    const server = await startServer(ws, { host: '127.0.0.1', port: 0 });
    try {
      expect(await walkBoard(server.url)).toBeGreaterThan(20);
      const sink = { text: '', write: async (t: string) => void (sink.text += t) };
      await exportMetrics(ws.runs, { keys: null, format: 'csv' }, sink);
      await exportSummary(ws.runs, { keys: null, format: 'json' }, sink);
      expect(sink.text.length).toBeGreaterThan(1000);
      await ws.refresh();
    } finally {
      ws.close();
      await server.close();
    }
    expect(snapshotTree(copy)).toEqual(before);
  });
});
