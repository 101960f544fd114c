/**
 * Opens a dataset with LocalWorkspace (timed), measures resident memory per loaded point, and
 * the latency of the board's tag request through the real HTTP server (cold, then warm).
 */
import * as path from 'node:path';
import { startServer } from '../electron/serve/httpServer';
import { loadSqlJs } from '../electron/swanlog/sqlite/sqlJs';
import { LocalWorkspace } from '../electron/swanlog/workspace';
import { liveBytes, settledMemory, type MemorySample } from './memory';
import { median, percentile } from './stats';

export interface WorkspaceArgs {
  root: string;
  /** Tag request to time; omitted: memory only. */
  tag?: { runDir: string; key: string; repeats: number };
}

export interface TagTiming {
  coldMs: number;
  warmMedianMs: number;
  warmP95Ms: number;
  /** Points in the metric and in the (downsampled) response. */
  points: number;
  listed: number;
  responseBytes: number;
}

export interface WorkspaceResult {
  /** LocalWorkspace.open: metadata only (runs, statuses, keys). */
  openMs: number;
  /** Then every record file and every series read (loadAll). */
  loadAllMs: number;
  runs: number;
  /** Distinct points the runs show (run × key × step). */
  points: number;
  baseline: MemorySample;
  afterOpen: MemorySample;
  afterSeries: MemorySample;
  bytesPerPointOpen: number;
  bytesPerPoint: number;
  rssPerPoint: number;
  tag: TagTiming | null;
}

async function getJson(url: string): Promise<{ body: unknown; bytes: number }> {
  const res = await fetch(url);
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return { body: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

async function timeTag(ws: LocalWorkspace, args: NonNullable<WorkspaceArgs['tag']>): Promise<TagTiming> {
  const server = await startServer(ws, { host: '127.0.0.1', port: 0 });
  try {
    // What the board loads first; it does not touch any series.
    const project = (await getJson(`${server.url}/api/v1/project`)).body as { data: { experiments: { id: number; run_id: string }[] } };
    const runId = path.basename(args.runDir);
    const exp = project.data.experiments.find((e) => e.run_id === runId);
    if (!exp) throw new Error(`run ${runId} not served`);
    const url = `${server.url}/api/v1/experiment/${exp.id}/tag/${encodeURIComponent(args.key)}`;
    let t0 = performance.now();
    const first = await getJson(url);
    const coldMs = performance.now() - t0;
    const warm: number[] = [];
    for (let i = 0; i < args.repeats; i++) {
      t0 = performance.now();
      await getJson(url);
      warm.push(performance.now() - t0);
    }
    const data = (first.body as { data: { sum: number; list: unknown[] } }).data;
    return { coldMs, warmMedianMs: median(warm), warmP95Ms: percentile(warm, 95), points: data.sum, listed: data.list.length, responseBytes: first.bytes };
  } finally {
    await server.close();
  }
}

export async function measureWorkspace(args: WorkspaceArgs): Promise<WorkspaceResult> {
  // Fixed cost, not per point: the sql.js WASM instance (its memory is an ArrayBuffer of ~20 MB).
  await loadSqlJs();
  const baseline = await settledMemory();
  const t0 = performance.now();
  const ws = await LocalWorkspace.open(args.root);
  const openMs = performance.now() - t0;
  const afterOpen = await settledMemory();

  // A local-mode run (A+C) keeps the values of one copy per key (run/servingCopy.ts), so every
  // distinct point shown counts once.
  const t1 = performance.now();
  await ws.loadAll();
  const loadAllMs = performance.now() - t1;
  let points = 0;
  for (const run of ws.runs) {
    for (const k of run.keys()) points += run.loadedSeries(k.key)?.steps.length ?? 0;
  }
  const afterSeries = await settledMemory();
  // After the memory figures: the HTTP server and client are not part of what the data costs.
  // Series built are views of the readers' storage, so the tag request is still a first one.
  const tag = args.tag ? await timeTag(ws, args.tag) : null;
  const result: WorkspaceResult = {
    openMs,
    loadAllMs,
    runs: ws.runs.length,
    points,
    baseline,
    afterOpen,
    afterSeries,
    bytesPerPointOpen: liveBytes(baseline, afterOpen) / points,
    bytesPerPoint: liveBytes(baseline, afterSeries) / points,
    rssPerPoint: (afterSeries.rss - baseline.rss) / points,
    tag,
  };
  ws.close();
  return result;
}
