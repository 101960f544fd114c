import type { RunInfo } from '../../shared/domain';
import type { RunProfile } from './mapRun';

export interface CloudWorkspace {
  username: string;
  name: string | null;
  type: 'PERSON' | 'TEAM';
  /** The caller's role in it (VISITOR, VIEWER, MEMBER, OWNER), when the server says. */
  role: string | null;
}

export interface CloudProject {
  /** Needed as `projectId` by the house endpoints. */
  cuid: string;
  name: string;
  workspace: string;
  description: string | null;
  visibility: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  runCount: number | null;
  webUrl: string;
}

/** What every per-run data call needs (house calls want the cuid, never the slug). */
export interface RunRef {
  workspace: string;
  project: string;
  projectId: string;
  cuid: string;
  slug: string | null;
  name: string;
  /** Unix seconds: the house's lower bound for scans (sent as `createdAt` since SDK 0.9.7). */
  createdAtSec: number | null;
  /** Set for cloned runs: their data lives under the root run. */
  rootProId: string | null;
  rootExpId: string | null;
}

export interface CloudRun {
  ref: RunRef;
  info: RunInfo;
  /** Unwrapped config (list items carry only the config of the profile). */
  config: Record<string, unknown> | null;
}

export interface CloudRunDetail extends CloudRun {
  profile: RunProfile;
}

/** A point of a statistic: the step, the value and (when known) its time in ms. */
export interface StatPoint {
  step: number;
  value: number;
  timestamp: number;
}

export interface ScalarStats {
  min: StatPoint | null;
  max: StatPoint | null;
  avg: StatPoint | null;
  median: StatPoint | null;
  latest: StatPoint | null;
}

export interface CloudSummary {
  step: number;
  value: number;
  min: number;
  max: number;
}

export interface SelfHostedInfo {
  enabled: boolean;
  expired: boolean;
  root: boolean;
  plan: string | null;
  seats: number | null;
}
