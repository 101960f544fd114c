import type { Language } from '../../../shared/client';
import { readLocal as read, writeLocal as write } from './localStore';

/** Theme and language choices: app-wide, kept in the renderer's localStorage. */

export type { Language };
export type ThemeMode = 'system' | 'light' | 'dark';

const THEME_KEY = 'swanview.theme';
const LANG_KEY = 'swanview.language';

export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function loadThemeMode(): ThemeMode {
  const v = read(THEME_KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

/** The saved choice, else the OS language. */
export function loadLanguage(): Language {
  const v = read(LANG_KEY);
  return v === 'en' || v === 'zh' ? v : languageOf(navigator.language);
}

export function saveThemeMode(mode: ThemeMode): void {
  write(THEME_KEY, mode);
}

export function saveLanguage(lang: Language): void {
  write(LANG_KEY, lang);
}

/** The theme toggle: flips what is shown; landing on the OS's own theme follows the OS again. */
export function nextThemeMode(mode: ThemeMode, systemDark: boolean): ThemeMode {
  const os = systemDark ? 'dark' : 'light';
  const shown = mode === 'system' ? os : mode;
  const next = shown === 'dark' ? 'light' : 'dark';
  return next === os ? 'system' : next;
}
