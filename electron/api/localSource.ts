import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { ChangeEvent, ConsoleResponse, MediaResponse, RunDetails, SeriesData, SeriesResponse, WorkspaceView } from '../../shared/contract';
import { chartSeries } from '../../shared/chartSeries';
import { consoleSince } from '../../shared/consoleTail';
import { summarizeSeries } from '../../shared/summary';
import type { LocalRun } from '../swanlog/run/localRun';
import type { LocalWorkspace, WorkspaceChange } from '../swanlog/workspace';
import { NotFoundError, type RunSource } from './source';

export class LocalSource implements RunSource {
  readonly id: string;
  private readonly folderKey: string;

  constructor(readonly ws: LocalWorkspace, private readonly canOpenFolders: boolean) {
    this.folderKey = createHash('sha256').update(ws.target).digest('hex').slice(0, 16);
    this.id = `folder:${this.folderKey}`;
  }

  private run(runId: string): LocalRun {
    const r = this.ws.run(runId);
    if (!r) throw new NotFoundError(`no run ${runId} in ${this.ws.target}`);
    return r;
  }

  view(): WorkspaceView {
    return {
      sourceId: this.id,
      kind: 'folder',
      target: this.ws.target,
      folderKey: this.folderKey,
      runs: this.ws.runs.map((r) => ({ info: r.info(), keys: r.keys(), webUrl: null })),
      issues: this.ws.roots.flatMap((r) => (r.dbIssue ? [r.dbIssue] : [])),
      canOpenFolders: this.canOpenFolders,
    };
  }

  series(key: string, runIds: string[], width: number, range?: [number, number]): SeriesResponse {
    const series: SeriesData[] = [];
    for (const id of runIds) {
      const s = this.run(id).series(key);
      if (s) series.push(chartSeries(id, s, width, range));
    }
    return { key, series };
  }

  media(runId: string, key: string, urlOf: (runId: string, key: string, file: string) => string): MediaResponse {
    const points = (this.run(runId).media(key) ?? []).map((p) => ({
      ...p,
      urls: p.items.map((it) => (it.file ? urlOf(runId, key, path.basename(it.file)) : null)),
    }));
    return { key, points };
  }

  details(runId: string): RunDetails {
    const run = this.run(runId);
    const summaries = run.keys().filter((k) => k.type === 'line').map((k) => summarizeSeries(k.key, run.series(k.key)!));
    return {
      info: run.info(),
      summaries,
      config: run.files?.config ?? null,
      system: run.files?.system ?? null,
      requirements: run.files?.requirements ?? null,
      conda: run.files?.conda ?? null,
    };
  }

  async console(runId: string, since?: number, anchor?: string): Promise<ConsoleResponse> {
    const run = this.run(runId);
    return consoleSince(run.console(), run.errorLines(), since, anchor);
  }

  async mediaFile(runId: string, key: string, file: string): Promise<string | null> {
    return this.run(runId).mediaFile(key, file);
  }

  onChange(listener: (e: ChangeEvent) => void): () => void {
    const l = (c: WorkspaceChange) => listener({ source: this.id, newRuns: c.newRuns, runs: c.runs });
    this.ws.on('change', l);
    return () => this.ws.off('change', l);
  }

  close(): void {
    this.ws.close();
  }
}
