import { describe, expect, it } from 'vitest';
import type { RunInfo } from '../../../shared/domain';
import { assignRunColors, colorDistance, FALLBACK_PALETTE, runColor } from './runColors';

const info = (light: string | null, dark: string | null, id = 'r') => ({ id, colors: { light, dark } }) as RunInfo;

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

  it('measures color distance', () => {
    expect(colorDistance('#fff', '#ffffff')).toBe(0);
    expect(colorDistance('#000000', '#ffffff')).toBeGreaterThan(700);
    expect(colorDistance('red', 'RED')).toBe(0);
    expect(colorDistance('red', 'blue')).toBe(Infinity);
  });
});
