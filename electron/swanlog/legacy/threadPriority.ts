import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import * as path from 'node:path';

/** Nice value of reader threads: the UI (and the thread answering it) goes first on a busy CPU. */
export const READER_NICE = 10;

/**
 * This thread's kernel id on Linux (/proc/thread-self names the calling thread), else null.
 * Linux sets priorities per thread: niced by id, only this thread is, not the process.
 */
export function ownThreadId(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const tid = Number(path.basename(readlinkSync('/proc/thread-self')));
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/**
 * Lowers the calling thread's priority to READER_NICE (Linux; elsewhere a thread cannot be told
 * apart from its process here, and nothing changes). Reading a cold folder of many long runs
 * keeps every core busy for seconds: at the default priority it slowed the page's first charts
 * on a 2-core machine. Returns the nice value now in effect, or null when unchanged.
 */
export function lowerOwnPriority(nice = READER_NICE): number | null {
  const tid = ownThreadId();
  if (tid === null) return null;
  try {
    setPriority(tid, Math.max(getPriority(tid), nice));
    return getPriority(tid);
  } catch {
    return null; // not permitted: the thread keeps its priority
  }
}
