import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './serve';

/** Expected last value and point count of one numeric key, from the fixture manifest. */
export interface KeyFact {
  key: string;
  last: number;
  points: number;
}

export interface RunFact {
  /** Run folder name (the app's run id). */
  id: string;
  name: string;
  consoleLines: number;
  hasErrorLog: boolean;
  keys: KeyFact[];
}

interface ManifestLog {
  points: number;
  last_value: unknown;
}

interface ManifestRun {
  console_lines: number;
  has_error_log: boolean;
  db?: { name: string; tags: { name: string; folder: string; type: string }[] };
  logs?: Record<string, ManifestLog>;
  record_file?: { experiment: string; keys: Record<string, { points: number; last_value: unknown }> };
}

/** Per-run facts of `manifests/<set>.json` (user keys only: system metrics are not listed). */
export function runFacts(set: string): RunFact[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'manifests', `${set}.json`), 'utf8')) as { runs: Record<string, ManifestRun> };
  return Object.entries(manifest.runs).map(([id, r]) => {
    const fromLogs = r.db && r.logs ? r.db.tags.filter((t) => t.type === 'line').map((t) => ({ key: t.name, ...r.logs![t.folder] })) : [];
    const fromRecords = Object.entries(r.record_file?.keys ?? {}).map(([key, k]) => ({ key, ...k }));
    // a run written in both layouts shows whichever holds more points (a killed run's record file is fuller)
    const best = new Map<string, { key: string; points: number; last_value: unknown }>();
    for (const k of [...fromLogs, ...fromRecords]) if ((best.get(k.key)?.points ?? -1) < k.points) best.set(k.key, k);
    const keys = [...best.values()]
      .filter((k): k is typeof k & { last_value: number } => typeof k.last_value === 'number' && !k.key.startsWith('__swanlab__'))
      .map((k) => ({ key: k.key, last: k.last_value, points: k.points }));
    return { id, name: r.db?.name ?? r.record_file!.experiment, consoleLines: r.console_lines, hasErrorLog: r.has_error_log, keys };
  });
}

export function runFact(set: string, name: string): RunFact {
  const run = runFacts(set).find((r) => r.name === name);
  if (!run) throw new Error(`no run ${name} in ${set}`);
  return run;
}

/** Lines of a run's console/*.log files as the SDK wrote them (date order), error.log excluded. */
export function consoleFileLines(runDir: string): string[] {
  const dir = path.join(runDir, 'console');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.log') && f !== 'error.log')
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/\n$/, '').split('\n'));
}
