/**
 * Where to refile a dossier in one click, and the dates a manager types.
 *
 * Quick picks: 'tomorrow' (the next working day), 'plus2'/'plus3' (working days),
 * 'next-week' (the first working day from next Monday), 'next-month' (the same day next
 * month, clamped to its end, moved to the next working day) and 'month:YYYY-MM' for
 * "sometime in" each of the next 6 months.
 *
 * Typed dates (parseTypedDate), all relative to today:
 * - '25.12', '25/12', '25-12': that day this year, or next year once it has passed;
 * - '25.12.2026', '25.12.26', '2026-12-25': that exact day (an error if it has passed);
 * - '+3': 3 working days ahead; '+3d' / '+3д' / '+3 дн': 3 calendar days ahead;
 * - '8': the paper insert 8, the next 8th on or after today (near month end, next month's);
 * - words: 'сегодня'/'today'/'azi' (today), 'завтра'/'tomorrow'/'mâine' (the next working
 *   day, like the 'tomorrow' pick), 'послезавтра'/'poimâine' (2 working days), and weekday
 *   names ('пятница', 'в пятницу', 'пт', 'vineri', 'friday', 'fri'): the next such day after today;
 * - months: 'm:7', 'м:7' (the next July, this one if it is July now), '07.2027', '7/2027',
 *   '2027-07', and month names in Russian, Romanian or English ('июль', 'iulie', 'jul'),
 *   optionally followed by a year ('июль 2027').
 * Errors: 'format' (not one of these), 'invalid' (no such day or month: 31.02, 13.2027),
 * 'past' (an explicit date or month before today).
 */
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  dayInMonth,
  isoWeekday,
  isValidDay,
  monthKeyOf,
  monthOf,
  startOfIsoWeek,
} from './calendar-day';
import { foldText } from '../model/search-words';
import { addWorkingDays, nextWorkingDay, nextWorkingDayAfter, type WorkCalendar } from './working-days';

export interface QuickPick {
  id: string;
  date?: string;
  month?: string;
}

export type TypedDate = { date: string } | { month: string } | { error: 'format' | 'invalid' | 'past' };

export const MONTH_PICKS = 6;
/** Typed offsets beyond this are typos, not plans. */
const MAX_OFFSET = 3660;

export function quickPicks(today: string, cal: WorkCalendar): QuickPick[] {
  const picks: QuickPick[] = [
    { id: 'tomorrow', date: nextWorkingDayAfter(today, cal) },
    { id: 'plus2', date: addWorkingDays(today, 2, cal) },
    { id: 'plus3', date: addWorkingDays(today, 3, cal) },
    { id: 'next-week', date: nextWorkingDay(addDays(startOfIsoWeek(today), 7), cal) },
    { id: 'next-month', date: nextWorkingDay(addMonths(today, 1), cal) },
  ];
  for (let i = 1; i <= MONTH_PICKS; i++) {
    const month = addMonthsToMonth(monthOf(today), i);
    picks.push({ id: `month:${month}`, month });
  }
  return picks;
}

// Month names a manager may type: Russian (nominative, genitive, prepositional), Romanian, English.
const MONTH_NAMES: string[][] = [
  ['январь', 'января', 'январе', 'ianuarie', 'january'],
  ['февраль', 'февраля', 'феврале', 'februarie', 'february'],
  ['март', 'марта', 'марте', 'martie', 'march'],
  ['апрель', 'апреля', 'апреле', 'aprilie', 'april'],
  ['май', 'мая', 'мае', 'mai', 'may'],
  ['июнь', 'июня', 'июне', 'iunie', 'june'],
  ['июль', 'июля', 'июле', 'iulie', 'july'],
  ['август', 'августа', 'августе', 'august'],
  ['сентябрь', 'сентября', 'сентябре', 'septembrie', 'september'],
  ['октябрь', 'октября', 'октябре', 'octombrie', 'october'],
  ['ноябрь', 'ноября', 'ноябре', 'noiembrie', 'november'],
  ['декабрь', 'декабря', 'декабре', 'decembrie', 'december'],
];

/** A month typed by name or by an abbreviation of at least 3 letters ('сен', 'iul', 'dec'). */
function monthFromName(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((names) => names.some((n) => n.startsWith(word)));
  return index < 0 ? undefined : index + 1;
}

// Weekday names (folded: no diacritics), ISO numbering, Russian with the accusative of "в пятницу".
const WEEKDAY_NAMES: string[][] = [
  ['понедельник', 'пн', 'luni', 'monday', 'mon'],
  ['вторник', 'вт', 'marti', 'tuesday', 'tue'],
  ['среда', 'среду', 'ср', 'miercuri', 'wednesday', 'wed'],
  ['четверг', 'чт', 'joi', 'thursday', 'thu'],
  ['пятница', 'пятницу', 'пт', 'vineri', 'friday', 'fri'],
  ['суббота', 'субботу', 'сб', 'sambata', 'saturday', 'sat'],
  ['воскресенье', 'вс', 'duminica', 'sunday', 'sun'],
];

/** Relative words: how many working days ahead (0 = today itself). */
const RELATIVE_WORDS: Record<string, number> = {
  сегодня: 0, today: 0, azi: 0, astazi: 0,
  завтра: 1, tomorrow: 1, maine: 1,
  послезавтра: 2, poimaine: 2,
};

function relativeWord(word: string, today: string, cal: WorkCalendar): TypedDate | undefined {
  const ahead = RELATIVE_WORDS[word];
  if (ahead !== undefined) return { date: ahead === 0 ? today : addWorkingDays(today, ahead, cal) };
  const weekday = WEEKDAY_NAMES.findIndex((names) => names.includes(word)) + 1;
  if (weekday === 0) return undefined;
  return { date: addDays(today, ((weekday - isoWeekday(today) + 6) % 7) + 1) };
}

const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

function exactDay(today: string, y: number, m: number, d: number): TypedDate {
  const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!isValidDay(key)) return { error: 'invalid' };
  return key < today ? { error: 'past' } : { date: key };
}

function exactMonth(today: string, y: number, m: number): TypedDate {
  if (m < 1 || m > 12) return { error: 'invalid' };
  const key = monthKeyOf(y, m);
  return key < monthOf(today) ? { error: 'past' } : { month: key };
}

/** The month numbered m on or after the current month. */
function nextMonthNumbered(today: string, m: number): TypedDate {
  if (m < 1 || m > 12) return { error: 'invalid' };
  const year = Number(today.slice(0, 4));
  const key = monthKeyOf(year, m);
  return { month: key < monthOf(today) ? monthKeyOf(year + 1, m) : key };
}

/** The next date with day number d on or after today: the paper insert d. */
function nextInsert(today: string, d: number): TypedDate {
  if (d < 1 || d > 31) return { error: 'invalid' };
  for (let i = 0; i <= 12; i++) {
    const key = dayInMonth(addMonthsToMonth(monthOf(today), i), d);
    if (key !== undefined && key >= today) return { date: key };
  }
  return { error: 'invalid' };
}

export function parseTypedDate(text: string, today: string, cal: WorkCalendar): TypedDate {
  const t = foldText(text.trim()).replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;

  if ((m = /^\+ ?(\d+)( ?(d|д|дн|дн\.|z|zile|days?))?$/.exec(t))) {
    const n = Number(m[1]);
    if (n > MAX_OFFSET) return { error: 'invalid' };
    return { date: m[2] ? addDays(today, n) : addWorkingDays(today, n, cal) };
  }
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) return exactDay(today, Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(t))) {
    return exactDay(today, fullYear(m[3]!), Number(m[2]), Number(m[1]));
  }
  if ((m = /^(\d{1,2})[./-](\d{1,2})$/.exec(t))) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    const year = Number(today.slice(0, 4));
    const thisYear = exactDay(today, year, mo, d);
    if ('date' in thisYear) return thisYear;
    // Passed this year (or 29.02 in a common year): the next year that has the day.
    for (let y = year + 1; y <= year + 8; y++) {
      const next = exactDay(today, y, mo, d);
      if ('date' in next) return next;
    }
    return { error: 'invalid' };
  }
  if ((m = /^(\d{1,2})$/.exec(t))) return nextInsert(today, Number(m[1]));
  if ((m = /^[mм] ?: ?(\d{1,2})$/.exec(t))) return nextMonthNumbered(today, Number(m[1]));
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(t))) return exactMonth(today, Number(m[1]), Number(m[2]));
  if ((m = /^(\d{1,2})[./](\d{4})$/.exec(t))) return exactMonth(today, Number(m[2]), Number(m[1]));
  // 'в июле', 'in july', 'în iulie', 'в пятницу', 'on friday'
  if ((m = /^(?:(?:в|во|in|on) )?(\p{L}+)\.?(?: (\d{4}))?$/u.exec(t))) {
    const relative = m[2] ? undefined : relativeWord(m[1]!, today, cal);
    if (relative) return relative;
    const month = monthFromName(m[1]!);
    if (month === undefined) return { error: 'format' };
    return m[2] ? exactMonth(today, Number(m[2]), month) : nextMonthNumbered(today, month);
  }
  return { error: 'format' };
}
