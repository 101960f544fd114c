/** Runs the Python oracle (swanlogOracle.py) on a folder and returns its findings, for tests. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The shared conformance decoder, next to the repository (../shared from its root). */
export const DUMP_RECORDS = path.resolve(__dirname, '../../../../shared/tools/conformance/dump_records.py');
export const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');

export interface OracleRecord {
  num?: number;
  timestamp?: string;
  start?: Record<string, unknown>;
  finish?: { state?: string; error?: string; finished_at?: string };
  column?: { column_key: string; column_type: string; section_name?: string; column_class: string; section_type: string };
  scalar?: { key: string; step?: number; type: string; timestamp: string; value: { number?: string } };
  media?: { key: string; step?: number; type: string; value: { items: { filename: string; sha256: string; size: number; caption?: string }[] } };
  log?: { line: string; epoch: number; timestamp: string };
  save?: { name: string; source_path: string; type: string };
  _status?: string;
}

export interface OracleLogFolder {
  files: Record<string, number>;
  /** [index, data (repr strings for floats), create_time, more] */
  points: [number, string | (string | unknown)[], string, unknown][];
  summary: Record<string, string | number> | null;
  summary_keys?: string[];
}

export interface OracleRun {
  logs: Record<string, OracleLogFolder> | null;
  console: Record<string, string>;
  media: Record<string, { name: string; link: string | null; size: number }[]>;
  files: Record<string, string>;
  metadata: Record<string, unknown> | null;
  records: { file: string; header: { version: number }; records: OracleRecord[] } | null;
}

export interface OracleResult {
  db: null | {
    header_18_19: [number, number];
    journal_mode: string;
    integrity: string;
    foreign_key_violations: number;
    schema: string[];
    [table: string]: unknown;
  };
  runs: Record<string, OracleRun>;
  reserialized_mismatches: { file: string; line: string; python: string }[];
}

export function runOracle(root: string): OracleResult {
  const out = execFileSync('python3', [path.join(__dirname, 'swanlogOracle.py'), root, DUMP_RECORDS], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  return JSON.parse(out) as OracleResult;
}

export function dbRows<T = Record<string, unknown>>(o: OracleResult, table: string): T[] {
  return (o.db?.[table] ?? []) as T[];
}

const tempDirs: string[] = [];

/** Removes every folder made by tempDir (call from afterAll). */
export function removeTempDirs(): void {
  for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** A fresh folder under the OS temp dir; see removeTempDirs. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Relative path → file bytes (symlinks as `-> target`), for comparing two writes. */
export function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      const rel = path.relative(root, p);
      if (e.isSymbolicLink()) out.set(rel, '-> ' + fs.readlinkSync(p));
      else if (e.isDirectory()) {
        out.set(rel + '/', '');
        walk(p);
      } else out.set(rel, fs.readFileSync(p).toString('base64'));
    }
  };
  walk(root);
  return out;
}
