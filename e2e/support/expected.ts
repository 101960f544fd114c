import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './serve';

/** The conformance decoder of record files (stdlib Python, no swanview code). */
const DUMP_RECORDS = path.resolve(FIXTURES, '..', 'tools', 'conformance', 'dump_records.py');

/** What a fixture set must show, derived from its manifest (../shared/fixtures/manifests). */
export interface Expected {
  runs: string[];
  /** Line key → number of runs that have it. */
  lineKeys: Map<string, number>;
  mediaKeys: Set<string>;
  /** Every section the chart area shows (namespaces, `system`, media namespaces). */
  sections: Set<string>;
  /**
   * Chart panel id (`data-metric-key`) → the line keys it draws and its line count (one per
   * key per run). System keys whose record-file columns share a `chart_name` are one panel,
   * named by it; every other line key is a panel of its own.
   */
  charts: Map<string, { keys: string[]; lines: number }>;
}

interface ManifestRun {
  db?: { name: string; tags: { name: string; type: string }[] };
  record_file?: { experiment: string; keys: Record<string, { last_value: unknown }> };
}

export const FIXTURE_SETS = [
  'swanlog-0.4.12', 'swanlog-0.5.9', 'swanlog-0.7.20', 'swanlog-0.7.20-offline', 'swanlog-0.9.7', 'swanlog-0.9.7-offline',
];

export function sectionOfKey(key: string): string {
  if (key.startsWith('__swanlab__')) return 'system';
  const i = key.indexOf('/');
  return i > 0 ? key.slice(0, i) : 'default';
}

export function expected(set: string): Expected {
  const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'manifests', `${set}.json`), 'utf8')) as { runs: Record<string, ManifestRun> };
  const runs: string[] = [];
  const lineKeys = new Map<string, number>();
  const mediaKeys = new Set<string>();
  for (const run of Object.values(manifest.runs)) {
    runs.push(run.db?.name ?? run.record_file!.experiment);
    const lines = new Set<string>();
    for (const t of run.db?.tags ?? []) (t.type === 'line' ? lines : mediaKeys).add(t.name);
    // record files: scalars have a number as last value, media a list of files or texts
    for (const [key, k] of Object.entries(run.record_file?.keys ?? {})) (Array.isArray(k.last_value) ? mediaKeys : lines).add(key);
    for (const key of lines) lineKeys.set(key, (lineKeys.get(key) ?? 0) + 1);
  }
  const sections = new Set([...lineKeys.keys(), ...mediaKeys].map(sectionOfKey));
  return { runs, lineKeys, mediaKeys, sections, charts: chartsOf(lineKeys, systemChartNames(set)) };
}

/**
 * `chart_name` of every system line column in the set's record files (backup.swanlab,
 * run-<id>.swanlab), as the conformance decoder reads them; null when the column has none.
 * Throws when two runs name a key's chart differently (the rule would be ambiguous).
 */
export function systemChartNames(set: string): Map<string, string | null> {
  const root = path.join(FIXTURES, set);
  const files = fs.readdirSync(root).filter((d) => d.startsWith('run-')).flatMap((run) =>
    fs.readdirSync(path.join(root, run)).filter((f) => f.endsWith('.swanlab')).map((f) => path.join(root, run, f)));
  const names = new Map<string, string | null>();
  for (const file of files) {
    const out = execFileSync('python3', [DUMP_RECORDS, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    for (const line of out.split('\n')) {
      if (!line.includes('SYSTEM')) continue;
      const r = JSON.parse(line) as {
        model_type?: string; data?: { key: string; cls: string; column_type: string; chart_name: string | null };
        column?: { column_key: string; column_class: string; column_type: string; chart_name?: string };
      };
      // v1 (0.6-0.7, JSON) and v2 (0.8-0.9, protobuf) column records
      const col = r.model_type === 'Column' && r.data?.cls === 'SYSTEM' && r.data.column_type === 'FLOAT'
        ? { key: r.data.key, chart: r.data.chart_name || null }
        : r.column?.column_class === 'SYSTEM' && r.column.column_type === 'SCALAR'
          ? { key: r.column.column_key, chart: r.column.chart_name || null }
          : null;
      if (!col) continue;
      if (names.has(col.key) && names.get(col.key) !== col.chart) throw new Error(`${set}: ${col.key} is in charts ${names.get(col.key)} and ${col.chart}`);
      names.set(col.key, col.chart);
    }
  }
  return names;
}

function chartsOf(lineKeys: Map<string, number>, chartNames: Map<string, string | null>): Expected['charts'] {
  const members = new Map<string, string[]>();
  for (const key of lineKeys.keys()) {
    const name = chartNames.get(key);
    if (name) members.set(name, [...(members.get(name) ?? []), key]);
  }
  const charts: Expected['charts'] = new Map();
  for (const key of lineKeys.keys()) {
    const name = chartNames.get(key);
    const group = name ? members.get(name)! : [];
    const [id, keys] = group.length > 1 ? [name!, group] : [key, [key]];
    charts.set(id, { keys, lines: keys.reduce((n, k) => n + lineKeys.get(k)!, 0) });
  }
  return charts;
}
