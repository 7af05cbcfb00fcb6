/**
 * Working days. In order: a day listed in holidays is off (the manager's days off and the
 * decree's); else a day listed in extraWorkingDays is working (a Saturday worked in place
 * of a bridge day, or a statutory day the manager works); else a statutory day off of the
 * calendar's country is off (statutory-holidays.ts, any year); else the working week
 * decides. A day listed both as a holiday and as an extra working day is a holiday:
 * planning a call on a day off is the worse mistake.
 * A calendar may have no working days at all (an empty working week): searches stop after
 * SEARCH_LIMIT_DAYS and then fall back to plain calendar days instead of looping forever.
 */
import type { Settings } from '../model/settings';
import { addDays, eachDay, firstDayOfMonth, isoWeekday, lastDayOfMonth } from './calendar-day';
import { isStatutoryDayOff, type HolidayCountry } from './statutory-holidays';

export interface WorkCalendar {
  workingWeek: number[];
  holidays: string[];
  extraWorkingDays: string[];
  /** Whose law's holidays apply; absent or 'none' for the lists alone. */
  country?: HolidayCountry | 'none';
}

/** Long enough to cross any run of holidays and weekends a real calendar has. */
export const SEARCH_LIMIT_DAYS = 800;

export const DEFAULT_WORK_CALENDAR: WorkCalendar = Object.freeze({
  workingWeek: [1, 2, 3, 4, 5],
  holidays: [],
  extraWorkingDays: [],
}) as WorkCalendar;

type CalendarSettings = Pick<Settings, 'workingWeek' | 'holidays' | 'extraWorkingDays'> & Partial<Pick<Settings, 'holidayCountry' | 'language'>>;

const COUNTRY_OF_LANGUAGE: Record<string, HolidayCountry> = { ru: 'ru', ro: 'ro' };

/** The country whose holidays apply: the one chosen, else the language's (until chosen). */
export function holidayCountryOf(settings: Partial<Pick<Settings, 'holidayCountry' | 'language'>>): HolidayCountry | 'none' {
  return settings.holidayCountry ?? COUNTRY_OF_LANGUAGE[settings.language ?? ''] ?? 'none';
}

export function workCalendarFrom(settings: CalendarSettings): WorkCalendar {
  return {
    workingWeek: [...settings.workingWeek],
    holidays: [...settings.holidays],
    extraWorkingDays: [...settings.extraWorkingDays],
    country: holidayCountryOf(settings),
  };
}

interface Compiled {
  week: Set<number>;
  holidays: Set<string>;
  extra: Set<string>;
  country: HolidayCountry | undefined;
}

// Calendars are read in tight loops (a month of folders, a year of spreading): compile the
// arrays to sets once per calendar object. A calendar is therefore treated as immutable:
// change settings by building a new one (workCalendarFrom), never by pushing into its arrays.
const compiled = new WeakMap<WorkCalendar, Compiled>();

function compile(cal: WorkCalendar): Compiled {
  let c = compiled.get(cal);
  if (!c) {
    const country = cal.country === 'ro' || cal.country === 'ru' ? cal.country : undefined;
    c = { week: new Set(cal.workingWeek), holidays: new Set(cal.holidays), extra: new Set(cal.extraWorkingDays), country };
    compiled.set(cal, c);
  }
  return c;
}

export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  const c = compile(cal);
  if (c.holidays.has(day)) return false;
  if (c.extra.has(day)) return true;
  if (c.country && isStatutoryDayOff(day, c.country)) return false;
  return c.week.has(isoWeekday(day));
}

/** Why a day is what it is, for a calendar drawn on screen. */
export type DayStatus = 'working' | 'weekend' | 'statutory' | 'day-off' | 'moved-working';

export function dayStatus(day: string, cal: WorkCalendar): DayStatus {
  const c = compile(cal);
  if (c.holidays.has(day)) return 'day-off';
  const statutory = c.country !== undefined && isStatutoryDayOff(day, c.country);
  const inWeek = c.week.has(isoWeekday(day));
  if (c.extra.has(day)) return statutory || !inWeek ? 'moved-working' : 'working';
  if (statutory) return 'statutory';
  return inWeek ? 'working' : 'weekend';
}

/**
 * The days off a workbook carries so that a colleague's "+3 working days" means what it
 * means here whatever their own settings: the listed ones and, in [from, to], the
 * statutory ones not worked.
 */
export function daysOffToCarry(cal: WorkCalendar, from: string, to: string): string[] {
  const c = compile(cal);
  const out = new Set(cal.holidays);
  if (c.country) for (const d of eachDay(from, to)) if (!c.extra.has(d) && isStatutoryDayOff(d, c.country)) out.add(d);
  return [...out].sort();
}

/** The first working day found stepping by `step` (+1/-1) from `start` (included), if any. */
function scan(start: string, step: 1 | -1, cal: WorkCalendar): string | undefined {
  let d = start;
  for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, d = addDays(d, step)) {
    if (isWorkingDay(d, cal)) return d;
  }
  return undefined;
}

/** The day itself when working, else the next working day (the day itself if there is none). */
export function nextWorkingDay(day: string, cal: WorkCalendar): string {
  return scan(day, 1, cal) ?? day;
}

/** The first working day strictly after the day (the next calendar day if there is none). */
export function nextWorkingDayAfter(day: string, cal: WorkCalendar): string {
  const after = addDays(day, 1);
  return scan(after, 1, cal) ?? after;
}

/** The day itself when working, else the previous working day (the day itself if there is none). */
export function previousWorkingDay(day: string, cal: WorkCalendar): string {
  return scan(day, -1, cal) ?? day;
}

/**
 * n working days after the day (n > 0), or before it (n < 0), not counting the day itself:
 * addWorkingDays(Friday, 1) is Monday; addWorkingDays(Monday, -3) is the previous Wednesday.
 * n = 0 gives the day itself when working, else the next working day.
 * Without any working day in reach, counts calendar days.
 */
export function addWorkingDays(day: string, n: number, cal: WorkCalendar): string {
  if (n === 0) return nextWorkingDay(day, cal);
  const step = n > 0 ? 1 : -1;
  let d = day;
  for (let left = Math.abs(n); left > 0; left--) {
    const found = scan(addDays(d, step), step, cal);
    if (found === undefined) return addDays(day, n);
    d = found;
  }
  return d;
}

/** Working days in [from, to], both included. */
export function workingDaysInRange(from: string, to: string, cal: WorkCalendar): string[] {
  return eachDay(from, to).filter((d) => isWorkingDay(d, cal));
}

export function workingDaysInMonth(month: string, cal: WorkCalendar): string[] {
  return workingDaysInRange(firstDayOfMonth(month), lastDayOfMonth(month), cal);
}

/**
 * Working days from `from` to `to`: those in (from, to] when to >= from, and minus those in
 * [to, from) otherwise, so that workingDaysBetween(d, addWorkingDays(d, n)) === n for any
 * day d and n != 0.
 */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  if (to >= from) return workingDaysInRange(addDays(from, 1), to, cal).length;
  return -workingDaysInRange(to, addDays(from, -1), cal).length;
}

/** False for a calendar with no working day within SEARCH_LIMIT_DAYS from `from` (empty working week). */
export function hasWorkingDayFrom(from: string, cal: WorkCalendar): boolean {
  return scan(from, 1, cal) !== undefined;
}

/**
 * The lists after the manager clicks a day in the year's calendar: a day off becomes
 * working (dropped from the days off; listed as worked when it is still off, a weekend or
 * a statutory day), a working day becomes a day off (dropped from the worked days; listed
 * as a day off when it is still working).
 */
export function toggleDay(cal: WorkCalendar, day: string): { holidays: string[]; extraWorkingDays: string[] } {
  const without = (xs: readonly string[]) => xs.filter((d) => d !== day);
  if (!isWorkingDay(day, cal)) {
    const holidays = without(cal.holidays);
    const rest = { ...cal, holidays };
    return { holidays, extraWorkingDays: isWorkingDay(day, rest) ? [...cal.extraWorkingDays] : [...cal.extraWorkingDays, day].sort() };
  }
  const extraWorkingDays = without(cal.extraWorkingDays);
  const rest = { ...cal, extraWorkingDays };
  return { holidays: isWorkingDay(day, rest) ? [...cal.holidays, day].sort() : [...cal.holidays], extraWorkingDays };
}

/**
 * The year whose calendar the manager should check now: in December, next year's, when
 * holidays follow a country and that year is not confirmed yet (Russia's decree comes out
 * in the autumn; its moves must be entered before January's folders are used).
 */
export function yearToConfirm(today: string, country: HolidayCountry | 'none', confirmed: readonly number[]): number | undefined {
  const year = Number(today.slice(0, 4));
  if (country === 'none' || today.slice(5, 7) !== '12' || confirmed.includes(year + 1)) return undefined;
  return year + 1;
}
