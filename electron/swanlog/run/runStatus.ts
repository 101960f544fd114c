import type { RunStatus } from '../../../shared/domain';

/** A run that claims to be running but has not appended anything for this long is called killed. */
export const STALE_AFTER_MS = 30 * 60_000;

export interface StatusInputs {
  /** experiment.status of runs.swanlab: 0 running, 1 finished, -1 crashed/stopped. */
  dbStatus: number | null;
  recordFinish: { state: 'finished' | 'crashed' | 'aborted' } | null;
  hasRecordFile: boolean;
  hasErrorLog: boolean;
  sdkVersion: string | null;
  lastActivity: number | null;
  now: number;
}

export interface StatusVerdict {
  status: RunStatus;
  evidence: string[];
}

/**
 * Combines every source of truth about a run's end. The record file's footer / finish record
 * wins over the DB: SDK 0.5.0–0.6.1 store crashed runs as finished and 0.6.2–0.6.3 never
 * update the DB status; `console/error.log` reveals a crash the DB hides.
 */
export function decideStatus(i: StatusInputs): StatusVerdict {
  const evidence: string[] = [];
  if (i.recordFinish) {
    evidence.push(`record file: finish state ${i.recordFinish.state}`);
    if (i.dbStatus !== null && i.dbStatus !== toDbStatus(i.recordFinish.state)) {
      evidence.push(`runs.swanlab says status ${i.dbStatus}; the record file is more reliable`);
    }
    return { status: i.recordFinish.state, evidence };
  }
  if (i.dbStatus === 1 && i.hasErrorLog) {
    evidence.push('runs.swanlab says finished but console/error.log exists (SDK 0.5.0–0.6.1 stored crashed runs as finished)');
    return { status: 'crashed', evidence };
  }
  if (i.dbStatus === 1) return { status: 'finished', evidence: ['runs.swanlab: status 1 (finished)'] };
  if (i.dbStatus === -1) return { status: 'crashed', evidence: ['runs.swanlab: status -1 (crashed or stopped)'] };
  if (i.hasErrorLog) {
    evidence.push('console/error.log exists but nothing recorded the end of the run');
    return { status: 'crashed', evidence };
  }
  evidence.push(i.dbStatus === 0 ? 'runs.swanlab: status 0 (running)' : i.hasRecordFile ? 'record file has no finish record' : 'no end of run recorded');
  if (i.lastActivity !== null && i.now - i.lastActivity > STALE_AFTER_MS) {
    const mins = Math.round((i.now - i.lastActivity) / 60_000);
    evidence.push(`nothing appended for ${mins} min (last data ${new Date(i.lastActivity).toISOString()}): the process was probably killed`);
    return { status: 'killed', evidence };
  }
  return { status: 'running', evidence };
}

/** The swanboard integer status of a domain status (killed runs are reported as -1). */
export function toDbStatus(s: RunStatus): number {
  return s === 'finished' ? 1 : s === 'running' ? 0 : -1;
}
