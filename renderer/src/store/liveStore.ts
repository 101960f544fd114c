import { create } from 'zustand';

/**
 * Revision counters bumped by the change feed: a component that shows data of a key or a run
 * subscribes to its counter and refetches when it moves.
 */
export interface LiveState {
  /** By metric key: its series grew in some run. */
  keyRevision: Record<string, number>;
  /** By run id: console, status or any series of the run changed. */
  runRevision: Record<string, number>;
  /** Whether the change feed has delivered anything (the folder is being written). */
  active: boolean;
  bump(keys: string[], runIds: string[]): void;
}

function bumped(rev: Record<string, number>, names: string[]): Record<string, number> {
  if (!names.length) return rev;
  const out = { ...rev };
  for (const n of names) out[n] = (out[n] ?? 0) + 1;
  return out;
}

export const useLiveStore = create<LiveState>()((set) => ({
  keyRevision: {},
  runRevision: {},
  active: false,
  bump: (keys, runIds) => set((s) => ({
    keyRevision: bumped(s.keyRevision, keys),
    runRevision: bumped(s.runRevision, runIds),
    active: true,
  })),
}));
