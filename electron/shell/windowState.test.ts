import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, placeWindow, readWindowState, writeWindowState } from './windowState';

const screen1 = { x: 0, y: 0, width: 1920, height: 1050 };
const screen2 = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('placeWindow', () => {
  it('uses the default size without saved state', () => {
    expect(placeWindow(null, [screen1])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('keeps saved bounds that are on a screen', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: true };
    expect(placeWindow(saved, [screen1, screen2])).toEqual(saved);
  });

  it('drops the position when the window would be off every screen (monitor unplugged)', () => {
    expect(placeWindow({ x: 2000, y: 100, width: 1600, height: 1000, maximized: false }, [screen1]))
      .toEqual({ width: 1600, height: 1000, maximized: false });
    expect(placeWindow({ x: 10, y: -2000, width: 800, height: 600, maximized: false }, [screen1])).toEqual({ width: 800, height: 600, maximized: false });
  });

  it('keeps a window that hangs partly off the edge as long as a grip of its top strip shows', () => {
    expect(placeWindow({ x: 1800, y: 20, width: 800, height: 600, maximized: false }, [screen1]).x).toBe(1800);
  });

  it('clamps the size between the minimum and the largest screen', () => {
    expect(placeWindow({ width: 100, height: 100, maximized: false }, [screen1])).toEqual({ ...MIN_SIZE, maximized: false });
    expect(placeWindow({ width: 5000, height: 3000, maximized: false }, [screen1])).toEqual({ width: 1920, height: 1050, maximized: false });
  });
});

describe('window state file', () => {
  it('round-trips, and reads a missing or damaged file as no state', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'swanview-winstate-'));
    const file = path.join(dir, 'sub', 'window-state.json');
    expect(await readWindowState(file)).toBeNull();
    const state = { x: -5, y: 40, width: 900, height: 700, maximized: false };
    await writeWindowState(file, state);
    expect(await readWindowState(file)).toEqual(state);
    await fs.writeFile(file, '{"width": "wide"');
    expect(await readWindowState(file)).toBeNull();
    await fs.writeFile(file, '{"width": -1, "height": 2, "maximized": false}');
    expect(await readWindowState(file)).toBeNull();
    await fs.rm(dir, { recursive: true, force: true });
  });
});
