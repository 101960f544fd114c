import type { ConsoleLevel, ConsoleLine } from '../../shared/domain';
import type { WireLog } from './wire';

const LEVELS: Record<string, ConsoleLevel> = { DEBUG: 'info', INFO: 'info', WARN: 'warn', WARNING: 'warn', ERROR: 'error' };

/** A house log entry; the server does not say which stream a line came from. */
export function consoleLineFrom(log: WireLog): ConsoleLine {
  return { text: log.message ?? '', stream: 'unknown', level: LEVELS[(log.level ?? 'INFO').toUpperCase()] ?? 'info' };
}
