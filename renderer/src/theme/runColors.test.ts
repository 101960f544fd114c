import { describe, expect, it } from 'vitest';
import type { RunInfo } from '../../../shared/domain';
import type { ResolvedTheme } from '../store/selectors';
import { assignRunColors, colorDistance, FALLBACK_PALETTE, runColor } from './runColors';

const info = (light: string | null, dark: string | null, id = 'r') => ({ id, colors: { light, dark } }) as RunInfo;

/** The first, quadratic assignment: every run compared with every taken color. */
function quadraticAssign(infos: RunInfo[], theme: ResolvedTheme): Map<string, string> {
  const used: string[] = [];
  const out = new Map<string, string>();
  const nearest = (c: string) => Math.min(...used.map((u) => colorDistance(u, c)));
  infos.forEach((inf, i) => {
    let color = runColor(inf, theme, i);
    if (used.length && nearest(color) < 50) color = FALLBACK_PALETTE.reduce((best, c) => (nearest(c) > nearest(best) ? c : best));
    used.push(color);
    out.set(inf.id, color);
  });
  return out;
}

/** Runs whose colors often collide: a few SDK-like colors, near copies of them, palette colors, #rgb, odd spellings, none. */
function crowdedRuns(count: number, seed: number): RunInfo[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const hex2 = (v: number) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
  const near = (c: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16) + (rnd() - 0.5) * 60);
    return `#${hex2(r)}${hex2(g)}${hex2(b)}`;
  };
  const base = ['#528d59', '#698ef8', '#f268c7', '#0b1d2e', ...FALLBACK_PALETTE.slice(0, 4)];
  const color = (): string | null => {
    const x = rnd();
    if (x < 0.1) return null;
    if (x < 0.4) return pick(base);
    if (x < 0.75) return near(pick(base));
    if (x < 0.85) return `#${[0, 0, 0].map(() => pick('0369cf')).join('')}`;
    if (x < 0.9) return pick(['red', 'RED', 'rgb(1,2,3)', ' #528D59 ']);
    return `#${hex2(rnd() * 256)}${hex2(rnd() * 256)}${hex2(rnd() * 256)}`;
  };
  return Array.from({ length: count }, (_, i) => info(color(), color(), `run${i}`));
}

describe('runColor', () => {
  it("uses the SDK's color for the theme, else the other one", () => {
    expect(runColor(info('#aaa', '#bbb'), 'light', 0)).toBe('#aaa');
    expect(runColor(info('#aaa', '#bbb'), 'dark', 0)).toBe('#bbb');
    expect(runColor(info('#aaa', null), 'dark', 0)).toBe('#aaa');
  });

  it('falls back to the palette by position', () => {
    expect(runColor(info(null, null), 'light', 1)).toBe(FALLBACK_PALETTE[1]);
    expect(runColor(info(null, null), 'light', FALLBACK_PALETTE.length)).toBe(FALLBACK_PALETTE[0]);
  });

  it('gives a run whose color is (nearly) taken a distinct palette color', () => {
    const colors = assignRunColors([info('#698ef8', null, 'a'), info('#6496e0', null, 'b'), info('#698EF8', null, 'c')], 'light');
    expect(colors.get('a')).toBe('#698ef8');
    const [a, b, c] = ['a', 'b', 'c'].map((id) => colors.get(id)!);
    expect(colorDistance(a, b)).toBeGreaterThan(50);
    expect(colorDistance(a, c)).toBeGreaterThan(50);
    expect(colorDistance(b, c)).toBeGreaterThan(50);
  });

  it('keeps colors that are far enough apart', () => {
    const colors = assignRunColors([info('#698ef8', null, 'a'), info('#f268c7', null, 'b')], 'dark');
    expect([...colors.values()]).toEqual(['#698ef8', '#f268c7']);
  });

  it('assigns exactly what comparing every pair of runs did, on 200 crowded runs', () => {
    for (const seed of [1, 42, 2026]) {
      const runs = crowdedRuns(200, seed);
      for (const theme of ['light', 'dark'] as const) {
        const expected = quadraticAssign(runs, theme);
        expect([...assignRunColors(runs, theme)]).toEqual([...expected]);
        // the case is not trivial: many runs were moved to a palette color
        const moved = runs.filter((r, i) => expected.get(r.id) !== runColor(r, theme, i)).length;
        expect(moved).toBeGreaterThan(50);
      }
    }
  });

  it('measures color distance', () => {
    expect(colorDistance('#fff', '#ffffff')).toBe(0);
    expect(colorDistance('#000000', '#ffffff')).toBeGreaterThan(700);
    expect(colorDistance('red', 'RED')).toBe(0);
    expect(colorDistance('red', 'blue')).toBe(Infinity);
  });
});
