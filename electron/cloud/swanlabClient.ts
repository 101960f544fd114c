import type { ConsoleLine, MediaPoint, MetricKeyInfo, NumericSeries } from '../../shared/domain';
import type { ClientContext, OptionalEndpoint } from './clientContext';
import type { CloudProject, CloudRun, CloudRunDetail, CloudSummary, CloudWorkspace, RunRef, ScalarStats, SelfHostedInfo } from './cloudTypes';
import { resolveHost, type SwanlabHost } from './hosts';
import { runLogs, runLogsFrom, type LogShards } from './logsApi';
import { mediaBytes, runMedia } from './mediaApi';
import { listMetricKeys } from './metricKeysApi';
import type { PageOptions } from './paging';
import { getProject, listProjects, type ProjectQuery } from './projectsApi';
import { getRun, listRuns, showRuns, type RunQuery } from './runsApi';
import { fullScalars, sampledScalars, scalarStats, summaries } from './scalarsApi';
import { createUsers, listUsers, selfHostedInfo, type SelfHostedUser } from './selfHostedApi';
import type { Session } from './session';
import { SwanlabApi, type ApiOptions } from './swanlabApi';
import { listWorkspaces } from './workspacesApi';

export interface ConnectOptions extends ApiOptions {
  /** As the user typed it; empty = the cloud (doc §1.3). Or an already resolved host. */
  host?: string | SwanlabHost | null;
  webHost?: string | null;
  apiKey: string;
}

/** One SwanLab account on one host: every call the viewer makes, mapped to the domain model. */
export class SwanlabClient {
  private readonly ctx: ClientContext;

  constructor(readonly api: SwanlabApi) {
    this.ctx = { api, missing: new Set<OptionalEndpoint>() };
  }

  get host(): SwanlabHost {
    return this.api.host;
  }

  /** Endpoints this server was found to lack (an older private deployment). */
  get missingEndpoints(): ReadonlySet<OptionalEndpoint> {
    return this.ctx.missing;
  }

  login(): Promise<Session> {
    return this.api.login();
  }

  ping(): Promise<boolean> {
    return this.api.ping();
  }

  workspaces(): Promise<CloudWorkspace[]> {
    return listWorkspaces(this.ctx);
  }

  projects(workspace: string, q?: ProjectQuery): Promise<{ projects: CloudProject[]; total: number | null }> {
    return listProjects(this.ctx, workspace, q);
  }

  project(workspace: string, name: string): Promise<CloudProject> {
    return getProject(this.ctx, workspace, name);
  }

  runs(project: CloudProject, page?: PageOptions): Promise<CloudRun[]> {
    return listRuns(this.ctx, project, page);
  }

  showRuns(project: CloudProject, q?: RunQuery): Promise<CloudRun[]> {
    return showRuns(this.ctx, project, q);
  }

  run(project: CloudProject, id: string): Promise<CloudRunDetail> {
    return getRun(this.ctx, project, id);
  }

  metricKeys(ref: RunRef): Promise<MetricKeyInfo[]> {
    return listMetricKeys(this.ctx, ref);
  }

  fullScalars(ref: RunRef, keys: readonly string[]): Promise<Map<string, NumericSeries>> {
    return fullScalars(this.ctx, ref, keys);
  }

  sampledScalars(ref: RunRef, keys: readonly string[], num?: number): Promise<Map<string, NumericSeries>> {
    return sampledScalars(this.ctx, ref, keys, num);
  }

  scalarStats(ref: RunRef, keys: readonly string[]): Promise<Map<string, ScalarStats>> {
    return scalarStats(this.ctx, ref, keys);
  }

  summaries(refs: readonly RunRef[], keys?: readonly string[]): Promise<Map<string, Map<string, CloudSummary>>> {
    return summaries(this.ctx, refs, keys);
  }

  logs(ref: RunRef): Promise<ConsoleLine[]> {
    return runLogs(this.ctx, ref);
  }

  /** Console lines from shard `fromShard` (of `LOG_SHARD` lines) on. */
  logsFrom(ref: RunRef, fromShard: number): Promise<LogShards> {
    return runLogsFrom(this.ctx, ref, fromShard);
  }

  media(ref: RunRef, key: string): Promise<MediaPoint[]> {
    return runMedia(this.ctx, ref, key);
  }

  mediaBytes(ref: RunRef, path: string): Promise<Buffer> {
    return mediaBytes(this.ctx, ref, path);
  }

  selfHostedInfo(): Promise<SelfHostedInfo | null> {
    return selfHostedInfo(this.ctx);
  }

  users(page?: PageOptions): Promise<SelfHostedUser[]> {
    return listUsers(this.ctx, page);
  }

  createUsers(users: { username: string; password: string }[]): Promise<void> {
    return createUsers(this.ctx, users);
  }
}

/** A client for `host` (nothing is sent until the first call logs in). */
export function createClient(opts: ConnectOptions): SwanlabClient {
  const { host: typed, webHost, apiKey, ...apiOptions } = opts;
  const host = typeof typed === 'object' && typed !== null ? typed : resolveHost(typed, webHost);
  return new SwanlabClient(new SwanlabApi(host, apiKey, apiOptions));
}
