import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as common from './common';

export type Language = 'ru' | 'en' | 'ro';
export const LANGUAGES: readonly Language[] = ['en', 'ru', 'ro'];

/**
 * Each feature keeps its strings next to its code in `features/<name>/i18n.ts`, exporting
 * `en`, `ru` and `ro`; they become the i18next namespace `<name>`. Common strings are the
 * `common` namespace (the default).
 */
const featureModules = import.meta.glob<Record<Language, object>>('../../features/*/i18n.ts', { eager: true });

function buildResources() {
  const resources: Record<Language, Record<string, object>> = {
    en: { common: common.en },
    ru: { common: common.ru },
    ro: { common: common.ro },
  };
  for (const [path, mod] of Object.entries(featureModules)) {
    const ns = path.split('/').at(-2)!;
    resources.en[ns] = mod.en;
    resources.ru[ns] = mod.ru;
    resources.ro[ns] = mod.ro;
  }
  return resources;
}

/**
 * The system locale decides the first run's language: the first preferred locale that is
 * Romanian (ro, and mo for Moldova) or Russian (or a neighbour's language whose speakers
 * read Russian business software) wins; anything else is English.
 */
export function systemLanguage(langs: readonly string[] = navigator.languages?.length ? navigator.languages : [navigator.language]): Language {
  for (const l of langs) {
    if (/^(ro|mo)\b/i.test(l)) return 'ro';
    if (/^(ru|be|uk|kk)\b/i.test(l)) return 'ru';
  }
  return 'en';
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
  if (language === 'ru') return 'ru-RU';
  if (language === 'ro') return 'ro-RO';
  return 'en-GB';
}

/** i18next's current language as one of ours (it may report a region tag or a fallback). */
export function languageOf(code: string): Language {
  const base = code.toLowerCase().split('-')[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : 'en';
}
