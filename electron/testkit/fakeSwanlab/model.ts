/**
 * The in-memory world a fake SwanLab server serves: users with API keys, workspaces, projects,
 * runs with their profile, scalar series, media and console logs. Tests build one (see
 * sampleModel.ts) and compare what the client returns against it.
 */
export type FakeState = 'RUNNING' | 'FINISHED' | 'CRASHED' | 'ABORTED' | 'OFFLINE';
export type FakeLogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
export type FakeMediaType = 'IMAGE' | 'AUDIO' | 'TEXT' | 'VIDEO';

export interface FakeUser {
  username: string;
  name: string | null;
  apiKey: string;
  /** false: login answers 403 "You need to be verified first". */
  verified: boolean;
  /** Self-hosted root (may list and create users). */
  root: boolean;
}

export interface FakeWorkspace {
  username: string;
  name: string | null;
  type: 'PERSON' | 'TEAM';
  /** username → role; a person's workspace has its owner. */
  members: Record<string, 'VISITOR' | 'VIEWER' | 'MEMBER' | 'OWNER'>;
}

export interface FakeSeries {
  steps: number[];
  values: number[];
  /** ms since epoch. */
  timestamps: number[];
}

export interface FakeMediaStep {
  step: number;
  /** Object paths relative to `<projectCuid>/<runCuid>/`. */
  paths: string[];
  more: Record<string, unknown>[] | null;
}

export interface FakeLog {
  level: FakeLogLevel;
  message: string;
  /** ISO time. */
  timestamp: string;
}

export interface FakeRun {
  cuid: string;
  slug: string | null;
  name: string;
  description: string;
  state: FakeState;
  pin: boolean;
  labels: string[];
  colors: [string, string];
  cluster: string;
  job: string;
  user: string;
  createdAt: string;
  finishedAt: string | null;
  updatedAt: string;
  /** Config as the server stores it: `{value, desc, sort}` wrappers. */
  config: Record<string, unknown>;
  metadata: Record<string, unknown>;
  requirements: string;
  conda: string;
  scalars: Record<string, FakeSeries>;
  media: Record<string, { type: FakeMediaType; steps: FakeMediaStep[] }>;
  logs: FakeLog[];
  /** A cloned run keeps its data under the root run. */
  rootExpId: string | null;
  rootProId: string | null;
}

export interface FakeProject {
  cuid: string;
  name: string;
  workspace: string;
  description: string;
  visibility: 'PUBLIC' | 'PRIVATE';
  createdAt: string;
  updatedAt: string;
  runs: FakeRun[];
  /** The grouping saved in the web UI: applied by `runs/shows` when the body has no `groups`. */
  savedGroups: { key: string; type: 'STABLE' | 'CONFIG' }[];
}

export interface FakeModel {
  users: FakeUser[];
  workspaces: FakeWorkspace[];
  projects: FakeProject[];
  /** Stored objects (media files) by key `<projectCuid>/<runCuid>/<path>`. */
  objects: Map<string, Buffer>;
}

export function findRun(model: FakeModel, cuid: string): { project: FakeProject; run: FakeRun } | null {
  for (const project of model.projects) {
    const run = project.runs.find((r) => r.cuid === cuid);
    if (run) return { project, run };
  }
  return null;
}

/** The run whose data a (possibly cloned) run shows. */
export function dataRunOf(model: FakeModel, run: FakeRun): FakeRun {
  return run.rootExpId ? findRun(model, run.rootExpId)?.run ?? run : run;
}

export function canRead(model: FakeModel, username: string, workspace: string, project?: FakeProject): boolean {
  if (project?.visibility === 'PUBLIC') return true;
  return model.workspaces.some((w) => w.username === workspace && username in w.members);
}
