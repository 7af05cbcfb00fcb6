import { localeTag } from './i18n';

/** Locale-aware formatting for dates, numbers and money: always through Intl. */

/**
 * Intl formatters are costly to build (the first for a locale loads its data: tens of
 * milliseconds) and cheap to reuse, and a list formats the same few patterns hundreds of
 * times: each (locale, options) pair is built once.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function dateFormat(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}

export function numberFormat(locale: string, opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f;
}

function dayToDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, (m ?? 1) - 1, d ?? 1);
}

export function formatDay(day: string, lang: string, opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }): string {
  if (!day) return '';
  return dateFormat(localeTag(lang), opts).format(dayToDate(day));
}

export function formatWeekday(day: string, lang: string, style: 'short' | 'long' = 'short'): string {
  return dateFormat(localeTag(lang), { weekday: style }).format(dayToDate(day));
}

export function formatMonth(month: string, lang: string, opts: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' }): string {
  return dateFormat(localeTag(lang), opts).format(dayToDate(`${month}-01`));
}

export function formatInstant(iso: string, lang: string, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  if (!iso) return '';
  return dateFormat(localeTag(lang), opts).format(new Date(iso));
}

export function formatNumber(n: number, lang: string): string {
  return numberFormat(localeTag(lang)).format(n);
}

/**
 * Money as the locale writes it. Romanian invoices say "1.234,56 lei", not "RON" (Intl's
 * default symbol for ro-RO); the narrow symbol gives lei for RON and € for EUR there.
 */
export function formatMoney(amount: number, currency: string, lang: string, notation: 'standard' | 'compact' = 'standard'): string {
  const currencyDisplay = lang === 'ro' ? 'narrowSymbol' : 'symbol';
  return numberFormat(localeTag(lang), { style: 'currency', currency, currencyDisplay, notation }).format(amount);
}

/**
 * A day read back in words, "пятница, 4 декабря 2026" / "Friday, 4 December 2026": what a
 * typed date resolved to. Intl's Russian year suffix ("2026 г.") is dropped: the weekday
 * in front already says it is a date.
 */
export function formatDayInWords(day: string, lang: string): string {
  const words = `${formatWeekday(day, lang, 'long')}, ${formatDay(day, lang, { day: 'numeric', month: 'long', year: 'numeric' })}`;
  return words.replace(/\s*г\.$/, '');
}

/** The day in the locale's numeric form, as the date field shows it: 05.12.2026, 05/12/2026. */
export function formatDayNumeric(day: string, lang: string): string {
  return formatDay(day, lang, { day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** 'HH:MM' in the locale's clock: 24-hour in ru and en-GB, '9:30 am' where a locale uses 12. */
export function formatTime(time: string, lang: string): string {
  const [h, m] = time.split(':').map(Number);
  return dateFormat(localeTag(lang), { hour: '2-digit', minute: '2-digit' }).format(new Date(2000, 0, 1, h ?? 0, m ?? 0));
}
