import type { RunRef } from './cloudTypes';

/** A house column ref (doc §4.6): cuid, key, createdAt (s), and the root ids of a cloned run. */
export function columnRef(ref: RunRef, key: string): Record<string, unknown> {
  return {
    experimentId: ref.cuid,
    key,
    ...(ref.createdAtSec !== null ? { createdAt: ref.createdAtSec } : {}),
    ...(ref.rootProId ? { rootProId: ref.rootProId } : {}),
    ...(ref.rootExpId ? { rootExpId: ref.rootExpId } : {}),
  };
}

/**
 * The experiment item of key listings: the SDK sends the ROOT ids as projectId/experimentId.
 * The run's own createdAt would be a wrong lower bound for a root created earlier, so a clone
 * sends none (it is optional: pre-0.9.7 clients never sent it).
 */
export function experimentRef(ref: RunRef): Record<string, unknown> {
  if (ref.rootExpId) return { projectId: ref.rootProId ?? ref.projectId, experimentId: ref.rootExpId };
  return { projectId: ref.projectId, experimentId: ref.cuid, ...(ref.createdAtSec !== null ? { createdAt: ref.createdAtSec } : {}) };
}

/** Keys in batches of at most 16 per house call, like the SDK. */
export function batches<T>(items: readonly T[], size = 16): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
