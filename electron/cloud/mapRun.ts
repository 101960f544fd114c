import type { RunInfo, RunStatus, SystemInfo } from '../../shared/domain';
import { parseIsoMs } from '../../shared/time';
import { normaliseMetadata } from '../swanlog/legacy/systemInfo';
import type { WireRun } from './wire';

export interface RunPlace {
  workspace: string;
  project: string;
  webHost: string;
}

const STATES: Record<string, RunStatus> = { RUNNING: 'running', FINISHED: 'finished', CRASHED: 'crashed', ABORTED: 'aborted' };

/** The server's run state; OFFLINE (0.9: an offline run that was synced) and unknown states are judged by finishedAt. */
export function runStatus(run: Pick<WireRun, 'state' | 'finishedAt'>): { status: RunStatus; evidence: string[] } {
  const state = (run.state ?? '').toUpperCase();
  const known = STATES[state];
  if (known) return { status: known, evidence: [`server state ${state}`] };
  const status: RunStatus = run.finishedAt ? 'finished' : 'running';
  return { status, evidence: [`server state ${state || '(none)'} shown as ${status} because finishedAt is ${run.finishedAt ? 'set' : 'empty'}`] };
}

/** `{web}/@{ws}/{project}/runs/{slug or cuid}/chart`, as the 0.9 SDK builds it. */
export function runWebUrl(place: RunPlace, run: Pick<WireRun, 'cuid' | 'slug'>): string {
  const seg = (s: string) => encodeURIComponent(s);
  return `${place.webHost}/@${seg(place.workspace)}/${seg(place.project)}/runs/${seg(run.slug || run.cuid)}/chart`;
}

export function runInfoFrom(run: WireRun, place: RunPlace, system: SystemInfo | null = null): RunInfo {
  const { status, evidence } = runStatus(run);
  const colors = run.colors ?? [];
  const activity = [run.updatedAt, run.finishedAt, run.createdAt].map((t) => (t ? parseIsoMs(t) : Number.NaN)).find((t) => !Number.isNaN(t));
  return {
    id: run.cuid,
    sdkRunId: run.slug || run.cuid,
    dir: runWebUrl(place, run),
    project: place.project,
    name: run.name || run.slug || run.cuid,
    description: run.description ?? null,
    tags: (run.labels ?? []).map((l) => (typeof l === 'string' ? l : l.name)),
    colors: { light: colors[0] ?? null, dark: colors[1] ?? colors[0] ?? null },
    sdkVersion: system?.sdkVersion ?? null,
    generations: [],
    createdAt: run.createdAt ?? null,
    finishedAt: status === 'running' ? null : run.finishedAt ?? null,
    status,
    statusEvidence: evidence,
    lastActivity: activity ?? null,
    issues: [],
  };
}

export interface RunProfile {
  /** Config with every `{value, desc, sort}` wrapper unwrapped, keys in `sort` order. */
  config: Record<string, unknown> | null;
  system: SystemInfo | null;
  /** requirements.txt split on `\n`, like a local run's. */
  requirements: string[] | null;
  conda: string | null;
}

export function profileFrom(profile: WireRun['profile']): RunProfile {
  const config = profile?.config;
  const unwrapped = config && typeof config === 'object' && !Array.isArray(config) ? unwrapConfig(config) : null;
  return {
    config: unwrapped as Record<string, unknown> | null,
    system: normaliseMetadata(profile?.metadata ?? null),
    requirements: typeof profile?.requirements === 'string' ? profile.requirements.split('\n') : null,
    conda: typeof profile?.conda === 'string' ? profile.conda : null,
  };
}

function isWrapper(v: unknown): v is { value: unknown; sort?: unknown } {
  if (!v || typeof v !== 'object' || Array.isArray(v) || !('value' in v)) return false;
  return Object.keys(v).every((k) => k === 'value' || k === 'desc' || k === 'sort');
}

/** Config values come wrapped as `{value, desc, sort}`, possibly nested (doc §5.4). */
export function unwrapConfig(v: unknown): unknown {
  if (isWrapper(v)) return unwrapConfig(v.value);
  if (Array.isArray(v)) return v.map(unwrapConfig);
  if (!v || typeof v !== 'object') return v;
  const entries = Object.entries(v);
  const sortOf = (x: unknown) => (isWrapper(x) && typeof x.sort === 'number' ? x.sort : Infinity);
  const ordered = entries.map((e, i) => ({ e, i })).sort((a, b) => sortOf(a.e[1]) - sortOf(b.e[1]) || a.i - b.i);
  return Object.fromEntries(ordered.map(({ e: [k, val] }) => [k, unwrapConfig(val)]));
}
