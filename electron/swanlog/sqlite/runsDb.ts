// Reads every row of a swanlog folder's runs.swanlab (SQLite, WAL mode) without writing
// anything: the main file and its WAL are read as bytes, the WAL is replayed in memory
// and the image is queried with sql.js.

import path from 'node:path';
import { readDbFiles } from './readDbFiles';
import { readTables } from './readTables';
import type { RunsDb, RunsDbResult } from './runsDbTypes';
import { loadSqlJs } from './sqlJs';
import { applyWal } from './walReplay';

export type {
  ChartRow,
  DisplayRow,
  ExperimentRow,
  NamespaceRow,
  ProjectRow,
  RunsDb,
  RunsDbResult,
  SourceRow,
  TagRow,
} from './runsDbTypes';

export const RUNS_DB_FILE = 'runs.swanlab';

function emptyRunsDb(): RunsDb {
  return { project: null, experiments: [], tags: [], charts: [], namespaces: [], displays: [], sources: [] };
}

/** Reads the tables of a database image (already WAL-replayed). Throws, naming `label`, if it is corrupt. */
export async function readRunsDbImage(image: Uint8Array, label: string): Promise<{ db: RunsDb; notes: string[] }> {
  if (image.length === 0) return { db: emptyRunsDb(), notes: [`${label} is empty`] };
  const SQL = await loadSqlJs();
  let database: InstanceType<typeof SQL.Database> | null = null;
  try {
    database = new SQL.Database(image);
    return readTables(database);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${label}: cannot read the SQLite database (${reason})`);
  } finally {
    database?.close();
  }
}

export async function readRunsDb(swanlogRoot: string): Promise<RunsDbResult | null> {
  const mainPath = path.join(swanlogRoot, RUNS_DB_FILE);
  const files = await readDbFiles(mainPath, `${mainPath}-wal`);
  if (files.main === null && files.wal === null) return null;

  const notes: string[] = [];
  if (!files.stable) notes.push(`${RUNS_DB_FILE} kept changing while it was read; rows may be incomplete`);
  const replay = applyWal(files.main ?? new Uint8Array(0), files.wal);
  if (replay.note !== null) notes.push(replay.note);
  if (files.main === null) {
    if (replay.framesApplied === 0) return null;
    notes.push(`${RUNS_DB_FILE} is missing; rows come from ${RUNS_DB_FILE}-wal alone`);
  }

  const { db, notes: tableNotes } = await readRunsDbImage(replay.image, mainPath);
  return { db, walFramesApplied: replay.framesApplied, notes: [...notes, ...tableNotes], bytesRead: files.bytesRead };
}
