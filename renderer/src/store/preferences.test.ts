import { describe, expect, it } from 'vitest';
import { languageOf, nextThemeMode } from './preferences';

describe('preferences', () => {
  it('toggles the theme, following the OS again when back on its theme', () => {
    expect(nextThemeMode('system', false)).toBe('dark');
    expect(nextThemeMode('dark', false)).toBe('system');
    expect(nextThemeMode('system', true)).toBe('light');
    expect(nextThemeMode('light', true)).toBe('system');
    expect(nextThemeMode('light', false)).toBe('dark');
  });

  it('takes Chinese for any zh locale, English otherwise', () => {
    expect(languageOf('zh-CN')).toBe('zh');
    expect(languageOf('zh-TW')).toBe('zh');
    expect(languageOf('en-US')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});
