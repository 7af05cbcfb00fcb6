/**
 * react-big-calendar's date-fns localizer with the app's three locales. Russian and
 * Romanian weeks start on Monday (date-fns' ru and ro locales say so); English is en-GB,
 * also Monday-first, because the managers work in Russia and Romania, not in the US.
 */
import { format, getDay, parse, startOfWeek } from 'date-fns';
import { enGB, ro, ru } from 'date-fns/locale';
import { dateFnsLocalizer, type Formats } from 'react-big-calendar';

export const localizer = dateFnsLocalizer({
  format,
  parse,
  startOfWeek: (date: Date, opts?: { locale?: { options?: { weekStartsOn?: number } } }) =>
    startOfWeek(date, { weekStartsOn: (opts?.locale?.options?.weekStartsOn ?? 1) as 0 | 1 }),
  getDay,
  locales: { ru, ro, 'en-GB': enGB },
});

export function cultureOf(language: string): 'ru' | 'ro' | 'en-GB' {
  return language === 'ru' || language === 'ro' ? language : 'en-GB';
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
  // "30 noiembrie – 6 decembrie 2026": the day first, in the case a date takes (Russian
  // genitive «30 ноября»); react-big-calendar's default is the US "November 30 – December 06".
  dayRangeHeaderFormat: ({ start, end }, culture, loc) => `${loc!.format(start, 'd MMMM', culture)} – ${loc!.format(end, 'd MMMM yyyy', culture)}`,
  agendaHeaderFormat: ({ start, end }, culture, loc) => `${loc!.format(start, 'd MMMM', culture)} – ${loc!.format(end, 'd MMMM yyyy', culture)}`,
  agendaDateFormat: 'EEEEEE d MMM',
};
