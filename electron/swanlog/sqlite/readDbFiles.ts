// Reads runs.swanlab and its -wal with plain read-only file reads (never -shm, never a
// SQLite connection), retrying when a writer changes either file while we read.

import { promises as fs } from 'node:fs';

export interface DbFiles {
  main: Uint8Array | null;
  wal: Uint8Array | null;
  bytesRead: number;
  /** false when the files still changed during the last allowed attempt */
  stable: boolean;
}

interface FileStamp {
  size: number;
  mtimeMs: number;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

async function stampOf(file: string): Promise<FileStamp | null> {
  try {
    const stat = await fs.stat(file);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

async function readOrNull(file: string): Promise<Uint8Array | null> {
  try {
    return await fs.readFile(file, { flag: 'r' });
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a === b || (a !== null && b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function readDbFiles(mainPath: string, walPath: string, maxRetries = 3): Promise<DbFiles> {
  let bytesRead = 0;
  for (let attempt = 0; ; attempt++) {
    const walBefore = await stampOf(walPath);
    const mainBefore = await stampOf(mainPath);
    // WAL first: frames appended after this read are simply not seen; a checkpoint that
    // rewrites the main file in between shows up in the stamps below.
    const wal = await readOrNull(walPath);
    const main = await readOrNull(mainPath);
    const walAfter = await stampOf(walPath);
    const mainAfter = await stampOf(mainPath);
    bytesRead += (wal?.length ?? 0) + (main?.length ?? 0);
    const stable =
      sameStamp(walBefore, walAfter) &&
      sameStamp(mainBefore, mainAfter) &&
      (wal?.length ?? null) === (walAfter?.size ?? null) &&
      (main?.length ?? null) === (mainAfter?.size ?? null);
    if (stable || attempt >= maxRetries) return { main, wal, bytesRead, stable };
    await delay(25 * (attempt + 1));
  }
}
