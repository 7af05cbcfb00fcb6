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
 * - '+3': 3 working days ahead; '+3d' / '+3д' / '+3 дн' / '+2w' / '+1 мес': calendar periods ahead;
 * - periods ahead as written: 'через 3 дня', 'через неделю', 'через 2 недели', 'через месяц',
 *   'in 3 days', 'in a week', 'peste 3 zile', 'peste o săptămână', and working days when said
 *   so ('через 3 рабочих дня', 'in 3 working days', 'peste 3 zile lucrătoare');
 * - '8': the paper insert 8, the next 8th on or after today (near month end, next month's);
 * - a day with its month's name: '5 дек', '5 декабря', '5 July', 'July 5', '5 decembrie' (the
 *   next such day), '5 июля 2027', 'July 5, 2027' (that exact day);
 * - words: 'сегодня'/'today'/'azi' (today), 'завтра'/'tomorrow'/'mâine' (the next working
 *   day, like the 'tomorrow' pick), 'послезавтра'/'poimâine' (2 working days), and weekday
 *   names ('пятница', 'в пятницу', 'пт', 'vineri', 'friday', 'fri', 'next friday',
 *   'в следующую пятницу', 'vinerea viitoare'): the next such day after today;
 * - 'next week' / 'на следующей неделе' / 'săptămâna viitoare' and 'next month' /
 *   'в следующем месяце' / 'luna viitoare': the quick picks of the same name;
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
import {
  AHEAD_WORDS,
  COUNT_WORDS,
  monthFromName,
  NEXT_MONTH_PHRASES,
  NEXT_WEEK_PHRASES,
  periodUnit,
  RELATIVE_WORDS,
  weekdayFromName,
  WEEKDAY_PREFIXES,
  WEEKDAY_SUFFIXES,
  type PeriodUnit,
} from './date-words';
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

function relativeWord(word: string, today: string, cal: WorkCalendar): TypedDate | undefined {
  const ahead = RELATIVE_WORDS[word];
  if (ahead !== undefined) return { date: ahead === 0 ? today : addWorkingDays(today, ahead, cal) };
  const weekday = weekdayFromName(word);
  return weekday === undefined ? undefined : { date: comingWeekday(today, weekday) };
}

/** The next day after today that is the ISO weekday wd (a week ahead when today is one). */
function comingWeekday(today: string, wd: number): string {
  return addDays(today, ((wd - isoWeekday(today) + 6) % 7) + 1);
}

/** "next friday", "в следующую пятницу", "vinerea viitoare": the coming such day, as a manager means it. */
function prefixedWeekday(t: string, today: string): TypedDate | undefined {
  let rest = t;
  const prefix = [...WEEKDAY_PREFIXES].sort((a, b) => b.length - a.length).find((p) => rest.startsWith(`${p} `));
  if (prefix) rest = rest.slice(prefix.length + 1);
  const suffix = WEEKDAY_SUFFIXES.find((s) => rest.endsWith(` ${s}`));
  if (suffix) rest = rest.slice(0, -suffix.length - 1);
  if (!prefix && !suffix) return undefined;
  const wd = weekdayFromName(rest);
  return wd === undefined ? undefined : { date: comingWeekday(today, wd) };
}

/** A period ahead of today: n days, working days, weeks, months or years. */
function periodAhead(today: string, n: number, unit: PeriodUnit, cal: WorkCalendar): TypedDate {
  const days = { day: n, 'working-day': n * 1.4, week: n * 7, month: n * 31, year: n * 366 }[unit];
  if (days > MAX_OFFSET) return { error: 'invalid' };
  if (unit === 'day') return { date: addDays(today, n) };
  if (unit === 'working-day') return { date: addWorkingDays(today, n, cal) };
  if (unit === 'week') return { date: addDays(today, 7 * n) };
  return { date: addMonths(today, unit === 'month' ? n : 12 * n) };
}

const countOf = (word: string | undefined): number | undefined => (word === undefined ? 1 : /^\d+$/.test(word) ? Number(word) : COUNT_WORDS[word]);

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

/** Day d of month mo this year, or the next year that has it once it has passed (29.02). */
function nextDayOfMonth(today: string, d: number, mo: number): TypedDate {
  const year = Number(today.slice(0, 4));
  for (let y = year; y <= year + 8; y++) {
    const next = exactDay(today, y, mo, d);
    if ('date' in next) return next;
    if ('error' in next && next.error === 'invalid' && y === year && !(mo === 2 && d === 29)) return next;
  }
  return { error: 'invalid' };
}

/** Day and month by name, with or without a year: "5 дек", "5 декабря 2027", "July 5", "5 iul.". */
function namedDay(anchors: Anchors, d: number, monthWord: string, year: string | undefined): TypedDate | undefined {
  const mo = monthFromName(monthWord);
  if (mo === undefined) return undefined;
  return year ? exactDay(anchors.floor, Number(year), mo, d) : nextDayOfMonth(anchors.year, d, mo);
}

export interface ParseOptions {
  /**
   * For ranges that look back (a report's "from", a holiday): explicit dates are never
   * "past", and a day or month without a year is this year's, a bare number this month's.
   */
  allowPast?: boolean;
}

/** The days the rules count from: the earliest accepted one, and where yearless forms start. */
interface Anchors {
  floor: string;
  year: string;
  month: string;
}

function anchorsOf(today: string, allowPast: boolean): Anchors {
  if (!allowPast) return { floor: today, year: today, month: today };
  return { floor: '0001-01-01', year: `${today.slice(0, 4)}-01-01`, month: `${monthOf(today)}-01` };
}

export function parseTypedDate(text: string, today: string, cal: WorkCalendar, opts: ParseOptions = {}): TypedDate {
  const a = anchorsOf(today, opts.allowPast ?? false);
  // "July 5, 2027": a comma only separates; "5-го" is the Russian ordinal of 5.
  const t = foldText(text.trim()).replace(/,\s*/g, ' ').replace(/(\d)-?го(?=\s|$)/gu, '$1').replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;

  if ((m = /^\+ ?(\d+)(?: ?(\p{L}.*))?$/u.exec(t))) {
    const n = Number(m[1]);
    const unit = m[2] ? periodUnit(m[2]) : 'working-day';
    return unit ? periodAhead(today, n, unit, cal) : { error: 'format' };
  }
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) return exactDay(a.floor, Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(t))) {
    return exactDay(a.floor, fullYear(m[3]!), Number(m[2]), Number(m[1]));
  }
  if ((m = /^(\d{1,2})[./-](\d{1,2})$/.exec(t))) return nextDayOfMonth(a.year, Number(m[1]), Number(m[2]));
  if ((m = /^(\d{1,2})$/.exec(t))) return nextInsert(a.month, Number(m[1]));
  if ((m = /^[mм] ?: ?(\d{1,2})$/.exec(t))) return nextMonthNumbered(a.year, Number(m[1]));
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(t))) return exactMonth(a.floor, Number(m[1]), Number(m[2]));
  if ((m = /^(\d{1,2})[./](\d{4})$/.exec(t))) return exactMonth(a.floor, Number(m[2]), Number(m[1]));

  if (NEXT_WEEK_PHRASES.has(t)) return { date: nextWorkingDay(addDays(startOfIsoWeek(today), 7), cal) };
  if (NEXT_MONTH_PHRASES.has(t)) return { date: nextWorkingDay(addMonths(today, 1), cal) };
  // "через 3 дня", "через неделю", "in a week", "peste 2 săptămâni", "через 3 рабочих дня"
  if ((m = /^(\p{L}+) (?:(\d+|\p{L}+) )?(\p{L}+\.?(?: \p{L}+)?)$/u.exec(t)) && AHEAD_WORDS.includes(m[1]!)) {
    const n = countOf(m[2]);
    const unit = periodUnit(m[3]!);
    if (n !== undefined && unit) return periodAhead(today, n, unit, cal);
  }
  // "5 дек", "5 декабря 2027", "5 July", "July 5 2027", "5 decembrie"
  if ((m = /^(\d{1,2}) (\p{L}+\.?)(?: (\d{4}))?$/u.exec(t))) {
    const named = namedDay(a, Number(m[1]), m[2]!, m[3]);
    if (named) return named;
  }
  if ((m = /^(\p{L}+\.?) (\d{1,2})(?: (\d{4}))?$/u.exec(t))) {
    const named = namedDay(a, Number(m[2]), m[1]!, m[3]);
    if (named) return named;
  }
  const weekday = prefixedWeekday(t, today);
  if (weekday) return weekday;
  // 'в июле', 'in july', 'în iulie', 'в пятницу', 'on friday'
  if ((m = /^(?:(?:в|во|in|on) )?(\p{L}+)\.?(?: (\d{4}))?$/u.exec(t))) {
    const relative = m[2] ? undefined : relativeWord(m[1]!, today, cal);
    if (relative) return relative;
    const month = monthFromName(m[1]!);
    if (month === undefined) return { error: 'format' };
    return m[2] ? exactMonth(a.floor, Number(m[2]), month) : nextMonthNumbered(a.year, month);
  }
  return { error: 'format' };
}
