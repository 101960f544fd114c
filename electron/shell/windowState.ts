import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 640, height: 420 };
/** The saved position is kept when a GRIP×GRIP/2 px piece of the window's top strip is on a screen. */
const GRIP = 64;

export async function readWindowState(file: string): Promise<WindowState | null> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeWindowState(file: string, state: WindowState): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, JSON.stringify(state), { mode: 0o600 });
}

function overlap(a: Area, b: Area): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to open the window: the saved bounds, shrunk to fit the largest screen, and without a
 * position (Electron centres it) when its title bar would be off every screen — a monitor
 * that was unplugged since.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Area[]): WindowState {
  if (!saved) return { ...DEFAULT_SIZE, maximized: false };
  const maxW = Math.max(MIN_SIZE.width, ...workAreas.map((a) => a.width));
  const maxH = Math.max(MIN_SIZE.height, ...workAreas.map((a) => a.height));
  const width = Math.min(Math.max(saved.width, MIN_SIZE.width), maxW);
  const height = Math.min(Math.max(saved.height, MIN_SIZE.height), maxH);
  const placed: WindowState = { width, height, maximized: saved.maximized };
  if (saved.x !== undefined && saved.y !== undefined) {
    const topStrip = { x: saved.x, y: saved.y, width, height: GRIP };
    if (workAreas.some((a) => overlap(topStrip, a) >= (GRIP * GRIP) / 2)) {
      placed.x = saved.x;
      placed.y = saved.y;
    }
  }
  return placed;
}
