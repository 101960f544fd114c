import type { ConsoleResponse, MediaResponse, RunDetails, SeriesResponse, UiState, WorkspaceView } from '../../shared/contract';

/**
 * What the UI can ask of any source of runs: a local swanlog folder today, a SwanLab account
 * (and W&B) later. The renderer never knows which kind it talks to. Answers that may have to
 * read data first can be promises (dispatch awaits them).
 */
export interface RunSource {
  /** `WorkspaceView.sourceId`: what requests and change events name this source by. */
  readonly id: string;
  view(): WorkspaceView;
  series(key: string, runIds: string[], width: number, range?: [number, number]): SeriesResponse | Promise<SeriesResponse>;
  /** `urlOf` already names this source: the transport routes the file request back here. */
  media(runId: string, key: string, urlOf: (runId: string, key: string, file: string) => string): MediaResponse | Promise<MediaResponse>;
  details(runId: string): RunDetails | Promise<RunDetails>;
  /** The console from line `since` (shared/consoleTail.ts: from 0 when `anchor` no longer matches). */
  console(runId: string, since?: number, anchor?: string): Promise<ConsoleResponse>;
  /** Absolute path of a media file the run recorded, for the transport to stream. */
  mediaFile(runId: string, key: string, file: string): Promise<string | null>;
  /** Starts reading what a window opening on this source with UI state `ui` shows first (sources that read lazily). */
  prefetch?(ui: UiState): Promise<void>;
  onChange(listener: (e: import('../../shared/contract').ChangeEvent) => void): () => void;
  close(): void;
}

export class NotFoundError extends Error {
  readonly status = 404;
}
