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
/** Which open source a request is for (`WorkspaceView.sourceId`): a local folder or a cloud project. */
const sourceId = z.string().min(1).max(600);
const accountId = z.string().min(1).max(2200);
/** A SwanLab workspace (user or team name) or project name, as the server spells it. */
const cloudName = z.string().min(1).max(300);

/** A run as the UI lists it: identity, status, and which keys it has. */
export interface RunView {
  info: RunInfo;
  keys: MetricKeyInfo[];
  /** The run's page on its SwanLab host (cloud sources); null for local runs. */
  webUrl: string | null;
}

export interface WorkspaceView {
  /** Id every data request names (`source`); null when nothing is open. */
  sourceId: string | null;
  kind: 'folder' | 'cloud' | null;
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

/** The console from line `from` on (see shared/consoleTail.ts). */
export interface ConsoleResponse {
  /** Lines `from` … `total - 1`. */
  lines: ConsoleLine[];
  /** The request's `since`, or 0 when the console no longer continues what the asker holds. */
  from: number;
  /** console/error.log or the record file's traceback; null when the run did not fail. */
  error: string[] | null;
  /** Lines in the whole console. */
  total: number;
}

/** A media step with a URL per item that the transport knows how to load. */
export interface MediaResponse {
  key: string;
  points: (MediaPoint & { urls: (string | null)[] })[];
}

/** A SwanLab account as the UI sees it. The API key never leaves the main side. */
export interface AccountView {
  /** `<apiHost>#<username>`. */
  id: string;
  /** swanlab.cn or a private deployment (detected with `/self_hosted/info`). */
  kind: 'cloud' | 'private';
  /** Where the account's web pages live (e.g. https://swanlab.cn or http://10.0.0.5:8000). */
  webHost: string;
  apiHost: string;
  username: string;
  name: string | null;
  /** online: the last call worked; offline: the host did not answer; signed-out: the key was refused. */
  status: 'online' | 'offline' | 'signed-out' | 'unknown';
  /** Why the last call failed (host, status and trace id; never the key). */
  lastError: string | null;
  /** Private deployments: whether the user is root and whether the licence expired. */
  selfHosted: { root: boolean; expired: boolean; plan: string | null } | null;
}

export interface AccountsView {
  accounts: AccountView[];
  /** How keys are kept: Electron safeStorage, or a 0600 file (serve mode) at `location`. */
  keyStorage: { kind: 'safeStorage' | 'file'; location: string | null };
}

/** What `accounts.import` found in ~/.swanlab/.netrc, ./.swanlab/.netrc and SWANLAB_API_KEY/HOST. */
export interface AccountImport {
  accounts: AccountsView;
  found: { origin: string; host: string; added: AccountView | null; error: string | null }[];
}

export interface CloudWorkspaceView {
  /** The workspace's user or team name (what URLs and API paths use). */
  name: string;
  displayName: string | null;
  kind: 'personal' | 'team';
  role: string | null;
}

export interface CloudProjectView {
  workspace: string;
  name: string;
  description: string | null;
  runCount: number | null;
  createdAt: string | null;
  updatedAt: string | null;
  webUrl: string;
}

export interface CloudProjectPage {
  projects: CloudProjectView[];
  total: number;
  page: number;
  pageSize: number;
}

/** A row of the runs table: state, name, created time and the run's flattened scalar config. */
export interface CloudRunRow {
  id: string;
  name: string;
  status: RunInfo['status'];
  createdAt: string | null;
  finishedAt: string | null;
  /** Dotted config paths to scalar values (`optimizer.lr` → 0.001), for columns and filters. */
  config: Record<string, string | number | boolean | null>;
  webUrl: string | null;
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
  /** The source `source` names; without it, the open local folder (or the empty view). */
  'workspace.get': channel<WorkspaceView>()(z.object({ source: sourceId.optional() })),
  /** Electron only: open a folder (path from the picker, drag and drop or the recent list). */
  'workspace.open': channel<WorkspaceView>()(z.object({ path: z.string().min(1).max(4096) })),
  'workspace.recent': channel<string[]>()(z.object({})),
  'series.get': channel<SeriesResponse>()(z.object({
    source: sourceId,
    key: metricKey,
    runIds: z.array(runId).min(1).max(500),
    /** Chart width in CSS pixels: the answer has at most a few points per pixel. */
    width: z.number().int().min(10).max(10_000),
    /** Optional zoom window [minStep, maxStep]: downsampling applies to the visible part. */
    range: z.tuple([z.number(), z.number()]).optional(),
  })),
  'media.get': channel<MediaResponse>()(z.object({ source: sourceId, runId, key: metricKey })),
  'run.details': channel<RunDetails>()(z.object({ source: sourceId, runId })),
  'run.console': channel<ConsoleResponse>()(z.object({
    source: sourceId,
    runId,
    /** Lines the asker already holds: the answer starts there (or at 0, see ConsoleResponse.from). */
    since: z.number().int().min(0).max(1e9).optional(),
    /** Start of the asker's line `since - 1`; another line there means the console was rewritten. */
    anchor: z.string().max(1000).optional(),
  })),
  'accounts.list': channel<AccountsView>()(z.object({})),
  /** Logs in with the key (checking it), stores it on the main side and answers the account. */
  'accounts.add': channel<AccountView>()(z.object({
    /** Empty: swanlab.cn. Anything else is normalised (scheme default, path stripped). */
    host: z.string().max(2048),
    apiKey: z.string().trim().min(1).max(1024),
  })),
  'accounts.import': channel<AccountImport>()(z.object({})),
  'accounts.remove': channel<AccountsView>()(z.object({ accountId })),
  'cloud.workspaces': channel<CloudWorkspaceView[]>()(z.object({ accountId })),
  'cloud.projects': channel<CloudProjectPage>()(z.object({
    accountId,
    workspace: cloudName,
    search: z.string().max(200).optional(),
    sort: z.enum(['updated', 'created', 'name']).optional(),
    page: z.number().int().min(1).max(100_000).optional(),
  })),
  'cloud.runs': channel<CloudRunRow[]>()(z.object({ accountId, workspace: cloudName, project: cloudName })),
  /** Opens the chosen runs of a project as a source (charts, details, logs like a local folder). */
  'cloud.open': channel<WorkspaceView>()(z.object({
    accountId,
    workspace: cloudName,
    project: cloudName,
    runIds: z.array(runId).min(1).max(500),
  })),
  'state.get': channel<UiState>()(z.object({ folderKey: z.string().min(1).max(5000) })),
  'state.set': channel<UiState>()(z.object({ folderKey: z.string().min(1).max(5000), state: uiStateSchema })),
} as const;

export type ChannelName = keyof typeof contract;
export type RequestOf<C extends ChannelName> = z.infer<(typeof contract)[C]['request']>;
export type ResponseOf<C extends ChannelName> = NonNullable<(typeof contract)[C]['response']>;

/** Pushed from main to renderer: what grew (IPC `event`, HTTP server-sent events at /rpc/events). */
export interface ChangeEvent {
  /** The source that changed (`WorkspaceView.sourceId`); the UI ignores sources it is not showing. */
  source: string;
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
