import { create } from 'zustand';

/** Requests in flight, for the progress bar under the toolbar. */
export interface ActivityState {
  pending: number;
  track<T>(p: Promise<T>): Promise<T>;
}

export const useActivityStore = create<ActivityState>()((set) => ({
  pending: 0,
  track: (p) => {
    set((s) => ({ pending: s.pending + 1 }));
    const done = () => set((s) => ({ pending: s.pending - 1 }));
    p.then(done, done);
    return p;
  },
}));
