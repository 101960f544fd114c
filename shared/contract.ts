/**
 * The one contract between the renderer and the main side. Every channel has a name, a
 * request schema (validated at runtime on the main side, whatever the transport) and a
 * response type. Electron IPC and the HTTP transport of `swanview serve` are both generated
 * from this table; the renderer only ever calls `ApiClient` (shared/client.ts).
 */
import { z } from 'zod';
import type {
  ConsoleLine, MediaPoint, MetricKeyInfo, MetricSummary, RunInfo, RunIssue, SystemInfo,
} from './domain';

const runId = z.string().min(1).max(300);
const metricKey = z.string().min(1).max(1000);

/** A run as the UI lists it: identity, status, and which keys it has. */
export interface RunView {
  info: RunInfo;
  keys: MetricKeyInfo[];
}

export interface WorkspaceView {
  /** Absolute path the user opened; null when nothing is open. */
  target: string | null;
  /** Stable key for per-folder UI state (pins, hidden charts, folded sections). */
  folderKey: string | null;
  runs: RunView[];
  /** Problems not tied to one run (an unreadable runs.swanlab, ...). */
  issues: RunIssue[];
  /** Whether this side can show a native folder picker (Electron) or only serve one folder. */
  canOpenFolders: boolean;
}

/** Columnar points of one run for one key, downsampled for a chart `width` pixels wide. */
export interface SeriesData {
  runId: string;
  steps: Float64Array;
  values: Float64Array;
  /** ms since epoch per point; left out when the chart does not use them (a third of the bytes). */
  timestamps?: Float64Array;
  /** Points in the full series (before downsampling); an estimate when `preview`. */
  total: number;
  /** A coarse picture from strided reads while the series is read; a `grownKeys` change follows when the exact one is ready. */
  preview?: boolean;
}

export interface SeriesResponse {
  key: string;
  series: SeriesData[];
}

export interface RunDetails {
  info: RunInfo;
  summaries: MetricSummary[];
  config: Record<string, unknown> | null;
  system: SystemInfo | null;
  requirements: string[] | null;
  conda: string | null;
}

export interface ConsoleResponse {
  lines: ConsoleLine[];
  /** console/error.log or the record file's traceback; null when the run did not fail. */
  error: string[] | null;
  total: number;
}

/** A media step with a URL per item that the transport knows how to load. */
export interface MediaResponse {
  key: string;
  points: (MediaPoint & { urls: (string | null)[] })[];
}

/** Per-folder UI state, remembered across restarts. */
export const uiStateSchema = z.object({
  pinned: z.array(metricKey).max(10_000),
  hidden: z.array(metricKey).max(10_000),
  folded: z.array(z.string().max(1000)).max(10_000),
  hiddenRuns: z.array(runId).max(10_000),
});
export type UiState = z.infer<typeof uiStateSchema>;

export interface Channel<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom: the response type travels in the TS type only. */
  response?: Res;
}

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): Channel<Req, Res> => ({ request });
}

export const contract = {
  'workspace.get': channel<WorkspaceView>()(z.object({})),
  /** Electron only: open a folder (path from the picker, drag and drop or the recent list). */
  'workspace.open': channel<WorkspaceView>()(z.object({ path: z.string().min(1).max(4096) })),
  'workspace.recent': channel<string[]>()(z.object({})),
  'series.get': channel<SeriesResponse>()(z.object({
    key: metricKey,
    runIds: z.array(runId).min(1).max(500),
    /** Chart width in CSS pixels: the answer has at most a few points per pixel. */
    width: z.number().int().min(10).max(10_000),
    /** Optional zoom window [minStep, maxStep]: downsampling applies to the visible part. */
    range: z.tuple([z.number(), z.number()]).optional(),
  })),
  'media.get': channel<MediaResponse>()(z.object({ runId, key: metricKey })),
  'run.details': channel<RunDetails>()(z.object({ runId })),
  'run.console': channel<ConsoleResponse>()(z.object({ runId })),
  'state.get': channel<UiState>()(z.object({ folderKey: z.string().min(1).max(5000) })),
  'state.set': channel<UiState>()(z.object({ folderKey: z.string().min(1).max(5000), state: uiStateSchema })),
} as const;

export type ChannelName = keyof typeof contract;
export type RequestOf<C extends ChannelName> = z.infer<(typeof contract)[C]['request']>;
export type ResponseOf<C extends ChannelName> = NonNullable<(typeof contract)[C]['response']>;

/** Pushed from main to renderer: what grew (IPC `event`, HTTP server-sent events at /rpc/events). */
export interface ChangeEvent {
  newRuns: string[];
  runs: { runId: string; newKeys: string[]; grownKeys: string[]; consoleLines: number; statusChanged: boolean }[];
}

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export class ContractError extends Error {
  constructor(readonly channel: string, message: string, readonly status = 400) {
    super(message);
    this.name = 'ContractError';
  }
}

/** Validates an untrusted request for `name`; throws ContractError naming the bad field. */
export function parseRequest<C extends ChannelName>(name: string, raw: unknown): { name: C; request: RequestOf<C> } {
  if (!Object.prototype.hasOwnProperty.call(contract, name)) throw new ContractError(name, `unknown channel ${JSON.stringify(name)}`, 404);
  const res = contract[name as C].request.safeParse(raw);
  if (!res.success) {
    const first = res.error.issues[0];
    throw new ContractError(name, `${name}: invalid request at ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  return { name: name as C, request: res.data as RequestOf<C> };
}
