/**
 * The binder: day folders for a month (or, working dates only, 1-3 months) from today,
 * then month folders.
 *
 * Day window of n months: from today up to, not including, the same day number n months
 * later; when that month has no such day (today is 30 or 31 January), up to the end of that
 * month. For one month (the 'all-days' variant always) each insert number 1..31 appears at
 * most once, every date of the window has exactly one insert, and inserts whose date does
 * not exist in the window (30 and 31 after a short month) are left out, as on paper where
 * they would stay empty.
 * - 'all-days': every date of a one-month window (the 31-insert cycle).
 * - 'working-days': the working dates of an n-month window (the method's variant for
 *   intense work: inserts for working dates only, with the month's name, 1-3 months ahead;
 *   the window moves with today, so next month's working dates join as time goes), plus
 *   today's, which is always shown because the morning starts there.
 *
 * Month folders: `count` months starting with the month of the first day after the window
 * (the rest of that month's days and its "sometime in" steps live there).
 *
 * Where a file key sits (folderOfKey):
 * - a day before today, or a month before the current one: 'overdue' (nobody opened it);
 * - a day in the window: its day folder; in the working-days variant a non-working day
 *   goes to the next day folder (the paper binder has no insert for it), or to the first
 *   month folder when no day folder follows it;
 * - a later day: its month's folder;
 * - a month from the current one on: its own month folder, even if the current or next
 *   month is not among the regular month folders (it stays there until the month is
 *   opened and spread over days); aggregateFolderCounts adds such folders when they hold
 *   anything, so a dossier is never lost between inserts;
 * - a malformed key: 'overdue', so that it is seen and fixed rather than hidden.
 */
import { isDayKey, isMonthKey } from '../model/filing';
import { addDays, addMonthsToMonth, dayInMonth, dayOfMonth, eachDay, lastDayOfMonth, monthOf } from './calendar-day';
import { isWorkingDay, type WorkCalendar } from './working-days';

export type BinderVariant = 'all-days' | 'working-days';

export interface DayFolder {
  key: string;
  dayNumber: number;
  isToday: boolean;
  isWorking: boolean;
}

export type FolderPlace = { kind: 'overdue' } | { kind: 'day'; key: string } | { kind: 'month'; key: string };

export interface FolderCounts {
  overdue: number;
  days: (DayFolder & { count: number })[];
  months: { key: string; count: number }[];
}

/** Months of day folders: one in the 31-insert cycle, the setting's 1-3 for working dates only. */
export function windowMonthsOf(variant: BinderVariant, monthsAhead = 1): number {
  return variant === 'all-days' ? 1 : Math.min(3, Math.max(1, Math.round(monthsAhead)));
}

/** The first day after a day window of `months` months (exclusive end). */
export function dayWindowEnd(today: string, months = 1): string {
  const last = addMonthsToMonth(monthOf(today), months);
  return dayInMonth(last, dayOfMonth(today)) ?? addDays(lastDayOfMonth(last), 1);
}

export function binderDayFolders(today: string, variant: BinderVariant, cal: WorkCalendar, monthsAhead = 1): DayFolder[] {
  return eachDay(today, addDays(dayWindowEnd(today, windowMonthsOf(variant, monthsAhead)), -1))
    .map((key) => ({ key, dayNumber: dayOfMonth(key), isToday: key === today, isWorking: isWorkingDay(key, cal) }))
    .filter((f) => variant === 'all-days' || f.isWorking || f.isToday);
}

export function binderMonthFolders(today: string, count = 12, windowMonths = 1): string[] {
  const first = monthOf(dayWindowEnd(today, windowMonths));
  return Array.from({ length: Math.max(0, count) }, (_, i) => addMonthsToMonth(first, i));
}

/**
 * The folder a file key sits in (rules at the top), given the day folders shown and the
 * window's length in months (windowMonthsOf).
 */
export function folderOfKey(fileKey: string, today: string, dayFolders: DayFolder[], windowMonths = 1): FolderPlace {
  return folderLocator(today, dayFolders, windowMonths)(fileKey);
}

/**
 * folderOfKey for many keys of one binder: the window's bounds are worked out once, not per
 * key (the binder's counters hold a key per day with anything filed, a thousand and more,
 * and the date arithmetic per key was most of the counts' time).
 */
export function folderLocator(today: string, dayFolders: DayFolder[], windowMonths = 1): (fileKey: string) => FolderPlace {
  const thisMonth = monthOf(today);
  const windowEnd = dayWindowEnd(today, windowMonths);
  const afterWindow: FolderPlace = { kind: 'month', key: monthOf(windowEnd) };
  const overdue: FolderPlace = { kind: 'overdue' };
  return (fileKey) => {
    if (isMonthKey(fileKey)) return fileKey < thisMonth ? overdue : { kind: 'month', key: fileKey };
    if (!isDayKey(fileKey) || fileKey < today) return overdue;
    if (fileKey < windowEnd) {
      const folder = dayFolders.find((f) => f.key >= fileKey);
      // A day off after the last working folder waits in the first month folder.
      return folder ? { kind: 'day', key: folder.key } : afterWindow;
    }
    return { kind: 'month', key: monthOf(fileKey) };
  };
}

/**
 * The day keys a day folder holds: its own day, and in the working-days variant also the
 * days off just before it (after the previous folder). Today's folder starts at today:
 * earlier keys are overdue.
 */
export function dayFolderRange(folderKey: string, dayFolders: DayFolder[]): { from: string; to: string } {
  const i = dayFolders.findIndex((f) => f.key === folderKey);
  return { from: i > 0 ? addDays(dayFolders[i - 1]!.key, 1) : folderKey, to: folderKey };
}

/**
 * The day keys a month folder holds besides its month key: the month's days after the day
 * window, or undefined when the window covers the whole month (or it is already past).
 * Given the day folders, the first month folder also holds the days off at the end of the
 * window that no day folder follows (working-days variant).
 */
export function monthFolderRange(month: string, today: string, dayFolders: DayFolder[] = [], windowMonths = 1): { from: string; to: string } | undefined {
  const start = `${month}-01`;
  const windowEnd = dayWindowEnd(today, windowMonths);
  let from = start > windowEnd ? start : windowEnd;
  const last = dayFolders.at(-1);
  if (month === monthOf(windowEnd) && last !== undefined && last.key < addDays(windowEnd, -1)) from = addDays(last.key, 1);
  const to = lastDayOfMonth(month);
  return from <= to ? { from, to } : undefined;
}

export function aggregateFolderCounts(
  counts: Map<string, number>,
  today: string,
  variant: BinderVariant,
  cal: WorkCalendar,
  monthCount = 12,
  monthsAhead = 1,
): FolderCounts {
  const windowMonths = windowMonthsOf(variant, monthsAhead);
  const dayFolders = binderDayFolders(today, variant, cal, monthsAhead);
  const monthFolders = binderMonthFolders(today, monthCount, windowMonths);
  const dayTotals = new Map<string, number>(dayFolders.map((f) => [f.key, 0]));
  const monthTotals = new Map<string, number>(monthFolders.map((m) => [m, 0]));
  const placeOf = folderLocator(today, dayFolders, windowMonths);
  let overdue = 0;
  for (const [key, n] of counts) {
    if (n === 0) continue;
    const place = placeOf(key);
    if (place.kind === 'overdue') overdue += n;
    else if (place.kind === 'day') dayTotals.set(place.key, (dayTotals.get(place.key) ?? 0) + n);
    else monthTotals.set(place.key, (monthTotals.get(place.key) ?? 0) + n);
  }
  return {
    overdue,
    days: dayFolders.map((f) => ({ ...f, count: dayTotals.get(f.key) ?? 0 })),
    months: [...monthTotals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, count]) => ({ key, count })),
  };
}
