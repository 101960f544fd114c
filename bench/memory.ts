/** Process memory after a forced full GC (needs `node --expose-gc`). */

export interface MemorySample {
  rss: number;
  heapUsed: number;
  /** Off-heap memory owned by JS objects (typed-array buffers included). */
  external: number;
}

export async function settledMemory(): Promise<MemorySample> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc');
  // Typed-array buffers are released after the GC, once the event loop turns.
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

/** Bytes held by JS (heap + off-heap buffers) grown between two samples. */
export function liveBytes(before: MemorySample, after: MemorySample): number {
  return after.heapUsed + after.external - before.heapUsed - before.external;
}
