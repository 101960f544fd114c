import type { Generation, RunInfo, RunIssue } from '../../../shared/domain';
import { parseIsoMs } from '../../../shared/time';
import type { RunFiles } from '../legacy/runFiles';
import type { ExperimentRow } from '../sqlite/runsDbTypes';
import type { KeySource } from './keySource';
import type { RecordSource } from './recordSource';
import { decideStatus } from './runStatus';

/** What a run's info is made of, as a LocalRun holds it. */
export interface RunState {
  id: string;
  dir: string;
  db: ExperimentRow | null;
  files: RunFiles | null;
  record: RecordSource | null;
  /** console/error.log's lines, when the run has one. */
  errorLog: string[] | null;
  keySources: Map<string, KeySource>;
  generations: Set<Generation>;
  issues: RunIssue[];
  /** When a refresh last saw data arrive. */
  observedGrowthAt: number | null;
  now: number;
}

/** Newest data time known without reading more: loaded series, folder tails, the record file (or its tail). */
export function lastDataTime(s: RunState): number | null {
  let last = -Infinity;
  const take = (t: number | undefined) => {
    if (t !== undefined && Number.isFinite(t) && t > last) last = t;
  };
  for (const src of s.keySources.values()) {
    if (src.folder && src.loaded) {
      const series = src.folder.series();
      if (series.timestamps.length) take(series.timestamps[series.timestamps.length - 1]);
      const m = src.folder.mediaPoints();
      if (m.length) take(m[m.length - 1].timestamp);
    } else if (src.probe?.current) take(src.probe.current.lastTimeMs);
  }
  const rec = s.record?.content;
  if (rec) {
    take(rec.lastDataMs);
    if (!s.record!.scanned) take(s.record!.tail?.lastDataMs);
    if (rec.run.startedAt) take(parseIsoMs(rec.run.startedAt));
  }
  if (s.db) take(parseIsoMs(s.db.update_time));
  if (s.observedGrowthAt !== null) take(s.observedGrowthAt);
  return Number.isFinite(last) ? last : null;
}

/** The run as the UI lists it: names, colors, generations, status with its evidence, issues. */
export function runInfo(s: RunState): RunInfo {
  const rec = s.record?.content ?? null;
  const scanned = s.record?.scanned ?? false;
  const db = s.db;
  const meta = s.files?.system ?? null;
  const lastActivity = lastDataTime(s);
  const finish = rec === null ? null : scanned ? rec.finish : s.record!.tail?.finish ?? rec.finish;
  const verdict = decideStatus({
    dbStatus: db ? db.status : null,
    recordFinish: finish,
    hasRecordFile: rec !== null,
    hasErrorLog: s.errorLog !== null,
    sdkVersion: db?.version ?? meta?.sdkVersion ?? null,
    lastActivity,
    now: s.now,
  });
  const issues = [...s.issues];
  if (rec?.torn && scanned) issues.push({ path: rec.path, reason: `record file ends in a torn or bad chunk at byte ${rec.torn.offset}: ${rec.torn.reason}; everything before it is shown` });
  for (const [key, src] of s.keySources) {
    if (src.folder) for (const i of src.folder.issues) issues.push({ path: i.path, reason: `${key}: ${i.reason}` });
  }
  const sdkRunId = rec?.run.id ?? (/^run-\d{8}_\d{6}-(.+)$/.exec(s.id)?.[1] ?? null);
  const createdAt = db?.create_time ?? rec?.run.startedAt ?? null;
  const finishedAt = db?.finish_time ?? finish?.finishedAt ?? null;
  return {
    id: s.id,
    sdkRunId,
    dir: s.dir,
    project: rec?.project ?? null,
    name: db?.name ?? rec?.run.name ?? sdkRunId ?? s.id,
    description: db ? db.description : rec?.run.description ?? null,
    tags: rec?.run.tags ?? [],
    colors: {
      light: db?.light ?? rec?.run.colors?.[0] ?? null,
      dark: db?.dark ?? rec?.run.colors?.[1] ?? rec?.run.colors?.[0] ?? null,
    },
    sdkVersion: db?.version ?? meta?.sdkVersion ?? null,
    generations: (['A', 'B', 'C'] as Generation[]).filter((g) => s.generations.has(g)),
    createdAt,
    finishedAt: verdict.status === 'running' || verdict.status === 'killed' ? null : finishedAt,
    status: verdict.status,
    statusEvidence: verdict.evidence,
    lastActivity,
    issues,
  };
}
