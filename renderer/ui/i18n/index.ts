import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as common from './common';

export type Language = 'ru' | 'en';

/**
 * Each feature keeps its strings next to its code in `features/<name>/i18n.ts`, exporting
 * `en` and `ru`; they become the i18next namespace `<name>`. Common strings are the
 * `common` namespace (the default).
 */
const featureModules = import.meta.glob<{ en: object; ru: object }>('../../features/*/i18n.ts', { eager: true });

function buildResources() {
  const resources: Record<Language, Record<string, object>> = {
    en: { common: common.en },
    ru: { common: common.ru },
  };
  for (const [path, mod] of Object.entries(featureModules)) {
    const ns = path.split('/').at(-2)!;
    resources.en[ns] = mod.en;
    resources.ru[ns] = mod.ru;
  }
  return resources;
}

/** The system locale decides the first run's language. */
export function systemLanguage(): Language {
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
  return langs.some((l) => /^(ru|be|uk|kk)\b/i.test(l)) ? 'ru' : 'en';
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: buildResources(),
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Locale tag for Intl formatting: dates, numbers, currency. */
export function localeTag(language: string): string {
  return language === 'ru' ? 'ru-RU' : 'en-GB';
}
