import { describe, expect, it } from 'vitest';
import type { RunInfo } from '../../../shared/domain';
import { FALLBACK_PALETTE, runColor } from './runColors';

const info = (light: string | null, dark: string | null) => ({ colors: { light, dark } }) as RunInfo;

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
});
