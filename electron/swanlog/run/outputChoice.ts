/**
 * Which copy of a run's outputs is shown when two places hold them: logs/ (or console/) and the
 * record file. The fuller one wins; a killed run's record file can be ahead of its logs/ folder.
 */
import type { ConsoleLine, MediaPoint } from '../../../shared/domain';
import type { RecordFileContent } from '../records/recordFile';

/** A media key's points: logs/ unless the record file has more. */
export function fullerMedia(fromLogs: MediaPoint[] | null, fromRecord: MediaPoint[] | null): MediaPoint[] {
  if (fromLogs && (!fromRecord || fromLogs.length >= fromRecord.length)) return fromLogs;
  return fromRecord ?? [];
}

/** Console lines: console/*.log unless the record file's log records (its error lines aside) are more. */
export function fullerConsole(fromFiles: ConsoleLine[], fromRecord: ConsoleLine[]): ConsoleLine[] {
  return fromFiles.length >= fromRecord.filter((l) => l.level !== 'error').length ? fromFiles : fromRecord;
}

/** The traceback the record file kept: its finish record's error, else its error-level log lines. */
export function recordErrorLines(rec: RecordFileContent): string[] | null {
  if (rec.finish?.error) return rec.finish.error.split('\n');
  const errs = rec.logs.filter((l) => l.level === 'error').map((l) => l.text);
  return errs.length ? errs : null;
}
