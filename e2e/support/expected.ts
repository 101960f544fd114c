import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './serve';

/** What a fixture set must show, derived from its manifest (../shared/fixtures/manifests). */
export interface Expected {
  runs: string[];
  /** Line key → number of runs that have it. */
  lineKeys: Map<string, number>;
  mediaKeys: Set<string>;
  /** Every section the chart area shows (namespaces, `system`, media namespaces). */
  sections: Set<string>;
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
  return { runs, lineKeys, mediaKeys, sections };
}
