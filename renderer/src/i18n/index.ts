import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../store/preferences';
import en from './en.json';
import zh from './zh.json';

/** One i18next instance for the whole renderer; `useTranslation()` reads it. */
export const i18n = i18next.createInstance();

export function initI18n(lng: Language): void {
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
}
