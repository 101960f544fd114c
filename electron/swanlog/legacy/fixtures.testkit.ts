// Test helpers for the generation-A readers: fixture paths, manifests, temp folders, a seeded PRNG.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export { FIXTURES_DIR } from '../../testkit/fixtures';
import { FIXTURES_DIR } from '../../testkit/fixtures';
export const LOCAL_SETS = ['swanlog-0.4.12', 'swanlog-0.5.9', 'swanlog-0.7.20', 'swanlog-0.9.7'] as const;
export const ALL_SETS = [...LOCAL_SETS, 'swanlog-0.7.20-offline', 'swanlog-0.9.7-offline'] as const;

export interface ManifestLog {
  files: string[];
  points: number;
  unparsable_lines: number;
  first_step: number;
  last_step: number;
  last_value: number | string[];
  summary: Record<string, unknown> | null;
}

export interface ManifestRun {
  console_lines: number;
  console_files: string[];
  has_error_log: boolean;
  db?: { tags: { name: string; folder: string; type: string }[] };
  logs?: Record<string, ManifestLog>;
}

export function manifest(set: string): { runs: Record<string, ManifestRun> } {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'manifests', `${set}.json`), 'utf8'));
}

export function runDir(set: string, run: string): string {
  return path.join(FIXTURES_DIR, set, run);
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `swanview-legacy-${prefix}-`));
}

export { prng } from '../../testkit/prng';

/** python3 -c CODE ARGS…; null when python3 is missing or fails. */
export function python(code: string, args: string[] = []): string | null {
  const r = spawnSync('python3', ['-c', code, ...args], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
}
