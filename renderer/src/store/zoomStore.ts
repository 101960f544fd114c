import { create } from 'zustand';

/** Zoom window per chart (steps), for the session: survives a chart scrolling out of view. */
export interface ZoomState {
  windows: Record<string, [number, number]>;
  setZoom(key: string, window: [number, number] | null): void;
}

export const useZoomStore = create<ZoomState>()((set) => ({
  windows: {},
  setZoom: (key, window) => set((s) => {
    const windows = { ...s.windows };
    if (window) windows[key] = window;
    else delete windows[key];
    return { windows };
  }),
}));
