import { describe, expect, it } from 'vitest';
import { menuLocaleOf } from '../../../electron/menu';
import { languageOf, localeTag, systemLanguage } from '../../../renderer/ui/i18n';
import { formatMoney, formatNumber } from '../../../renderer/ui/format';
import { cultureOf, localizer } from '../../../renderer/features/calendar/localizer';
import { settingsSchema } from '../../../shared/model/settings';

describe('the first run language follows the system locale', () => {
  it.each([
    [['ro-RO'], 'ro'],
    [['ro'], 'ro'],
    [['ro-MD', 'ru-RU'], 'ro'],
    [['ru-RU', 'ro-RO'], 'ru'],
    [['uk-UA'], 'ru'],
    [['en-US', 'ro-RO'], 'ro'],
    [['de-DE', 'fr-FR'], 'en'],
    [['en-GB'], 'en'],
  ])('%j -> %s', (langs, expected) => {
    expect(systemLanguage(langs)).toBe(expected);
  });

  it('the Electron menu decides the same way before a language is chosen', () => {
    expect(menuLocaleOf(null, 'ro-RO')).toBe('ro');
    expect(menuLocaleOf(null, 'ru')).toBe('ru');
    expect(menuLocaleOf(null, 'de-DE')).toBe('en');
    expect(menuLocaleOf('ro', 'ru-RU')).toBe('ro');
  });

  it('Romanian is a setting the store accepts', () => {
    expect(settingsSchema.parse({ language: 'ro' }).language).toBe('ro');
    expect(() => settingsSchema.parse({ language: 'de' })).toThrow();
  });

  it('languageOf maps what i18next reports onto our languages', () => {
    expect(languageOf('ro')).toBe('ro');
    expect(languageOf('ro-RO')).toBe('ro');
    expect(languageOf('ru')).toBe('ru');
    expect(languageOf('cimode')).toBe('en');
  });
});

describe('ro-RO formats', () => {
  it('numbers and money: 1.234,56 lei', () => {
    expect(localeTag('ro')).toBe('ro-RO');
    expect(formatNumber(1234.56, 'ro')).toBe('1.234,56');
    expect(formatMoney(1234.56, 'RON', 'ro').replace(/\s/g, ' ')).toBe('1.234,56 lei');
    expect(formatMoney(1234.56, 'EUR', 'ro').replace(/\s/g, ' ')).toBe('1.234,56 €');
  });

  it('the calendar weeks start on Monday, with Romanian names', () => {
    expect(cultureOf('ro')).toBe('ro');
    expect(localizer.startOfWeek('ro')).toBe(1);
    expect(localizer.format(new Date(2026, 0, 5), 'EEEE d MMMM', 'ro')).toBe('luni 5 ianuarie');
  });
});
