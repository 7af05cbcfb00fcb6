/**
 * react-big-calendar's date-fns localizer with the app's three locales. Russian and
 * Romanian weeks start on Monday (date-fns' ru and ro locales say so); English is en-GB,
 * also Monday-first, because the managers work in Russia and Romania, not in the US.
 */
import { format, getDay, parse, startOfWeek } from 'date-fns';
import { enGB, ro, ru } from 'date-fns/locale';
import { dateFnsLocalizer, type Formats } from 'react-big-calendar';
import { dateFormat } from '../../ui/format';

export const localizer = dateFnsLocalizer({
  format,
  parse,
  startOfWeek: (date: Date, opts?: { locale?: { options?: { weekStartsOn?: number } } }) =>
    startOfWeek(date, { weekStartsOn: (opts?.locale?.options?.weekStartsOn ?? 1) as 0 | 1 }),
  getDay,
  locales: { ru, ro, 'en-GB': enGB },
});

const MINUTE = 60_000;
const dayStart = (d: Date): number => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
// Whole-minute UTC offsets (every zone the app runs in today): flooring the epoch is the local minute.
const minuteOf = (d: Date): number => Math.floor(d.getTime() / MINUTE);

/**
 * Whether an event touches a range of days: the library's own rule (lib/localizer.js
 * inEventRange: starts on or before the range's last day; ends after its start, or at it
 * for an event of no duration) on plain numbers. The library's version builds about ten
 * Dates per call through generic unit arithmetic, and the month grid calls it for every
 * event in every week it shows.
 */
export function inEventRange({ event, range }: { event: { start: Date; end: Date }; range: { start: Date; end: Date } }): boolean {
  const startDay = dayStart(event.start);
  if (startDay > dayStart(range.end)) return false;
  const end = minuteOf(event.end);
  const from = minuteOf(range.start);
  return Math.floor(startDay / MINUTE) !== end ? end > from : end >= from;
}
/** The library's isSameDate (equal local midnights) without its generic unit arithmetic: called per day cell and per event segment. */
export function isSameDate(a: Date, b: Date): boolean {
  return a.getDate() === b.getDate() && a.getMonth() === b.getMonth() && a.getFullYear() === b.getFullYear();
}

// @types/react-big-calendar types inEventRange as (event, range); the library calls it with one { event, range } object.
Object.assign(localizer as unknown as { inEventRange: typeof inEventRange; isSameDate: typeof isSameDate }, { inEventRange, isSameDate });

export function cultureOf(language: string): 'ru' | 'ro' | 'en-GB' {
  return language === 'ru' || language === 'ro' ? language : 'en-GB';
}

/**
 * A range of days as the UI language writes it ("1–15 December 2026", «1–15 декабря 2026 г.», „1–15 decembrie 2026”),
 * not the numeric '01/12/2026 – 15/12/2026' a Russian or Romanian reader can take either way.
 */
export function dayRangeLabel(start: Date, end: Date, culture: string | undefined): string {
  return dateFormat(culture === 'ru' ? 'ru-RU' : culture === 'ro' ? 'ro-RO' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(start, end);
}

/** 24-hour times in every language: an account manager's diary is not am/pm. */
export const formats: Formats = {
  timeGutterFormat: 'HH:mm',
  eventTimeRangeFormat: ({ start, end }, culture, loc) => `${loc!.format(start, 'HH:mm', culture)}–${loc!.format(end, 'HH:mm', culture)}`,
  agendaTimeFormat: 'HH:mm',
  agendaTimeRangeFormat: ({ start, end }, culture, loc) => `${loc!.format(start, 'HH:mm', culture)}–${loc!.format(end, 'HH:mm', culture)}`,
  selectRangeFormat: ({ start, end }, culture, loc) => `${loc!.format(start, 'HH:mm', culture)}–${loc!.format(end, 'HH:mm', culture)}`,
  dateFormat: 'd',
  // Stand-alone month names: Russian «Ноябрь 2026», not the genitive «ноября».
  monthHeaderFormat: 'LLLL yyyy',
  dayFormat: 'EEEEEE d',
  weekdayFormat: 'EEEEEE',
  dayHeaderFormat: 'EEEE d MMMM',
  agendaDateFormat: 'EEEEEE d MMM',
  agendaHeaderFormat: ({ start, end }, culture) => dayRangeLabel(start, end, culture),
  dayRangeHeaderFormat: ({ start, end }, culture) => dayRangeLabel(start, end, culture),
};
