import type { MediaPoint } from '../../../shared/domain';
import type { SeriesBuilderState } from '../../../shared/seriesBuilder';
import type { TailPosition } from './appendedLines';
import type { FolderGateState } from './folderGate';

/** What was read from one `<N>.log` file; its line points live in the folder's store. */
export interface LogFileState {
  name: string;
  position: TailPosition | null;
  /** Line points of this file in the store. */
  points: number;
  legacyNonFinite: boolean;
  media: MediaPoint[];
  unparsable: number;
  /** Points whose data is neither a number nor a list. */
  unusable: number;
  readError: string | null;
}

/**
 * Everything a MetricFolderReader knows after a refresh, and that refresh's result: a reader
 * that adopts it goes on exactly as the one that made it (a worker thread does a folder's first
 * read, the main thread follows it). Structured-cloneable; the store's buffers are transferred.
 */
export interface FolderSnapshot {
  files: LogFileState[];
  gate: FolderGateState;
  store: SeriesBuilderState;
  lastInStore: string | null;
  listError: string | null;
  result: { added: number; rewritten: boolean };
}

/** The buffers to transfer with a snapshot (moved, not copied: the sender loses them). */
export function snapshotTransfers(s: FolderSnapshot): ArrayBuffer[] {
  return [s.store.steps.buffer, s.store.values.buffer, s.store.times.buffer] as ArrayBuffer[];
}
