import { localeTag } from './i18n';

/** Locale-aware formatting for dates, numbers and money: always through Intl. */

function dayToDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, (m ?? 1) - 1, d ?? 1);
}

export function formatDay(day: string, lang: string, opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }): string {
  if (!day) return '';
  return new Intl.DateTimeFormat(localeTag(lang), opts).format(dayToDate(day));
}

export function formatWeekday(day: string, lang: string, style: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(localeTag(lang), { weekday: style }).format(dayToDate(day));
}

export function formatMonth(month: string, lang: string, opts: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' }): string {
  return new Intl.DateTimeFormat(localeTag(lang), opts).format(dayToDate(`${month}-01`));
}

export function formatInstant(iso: string, lang: string, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(localeTag(lang), opts).format(new Date(iso));
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(localeTag(lang)).format(n);
}

/**
 * Money as the locale writes it. Romanian invoices say "1.234,56 lei", not "RON" (Intl's
 * default symbol for ro-RO); the narrow symbol gives lei for RON and € for EUR there.
 */
export function formatMoney(amount: number, currency: string, lang: string): string {
  const currencyDisplay = lang === 'ro' ? 'narrowSymbol' : 'symbol';
  return new Intl.NumberFormat(localeTag(lang), { style: 'currency', currency, currencyDisplay }).format(amount);
}
