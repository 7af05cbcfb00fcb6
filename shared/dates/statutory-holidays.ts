/**
 * Public holidays as the law has them, for any year: a generator, not a yearly list.
 *
 * Romania, Codul muncii art. 139: 1-2 January, 6-7 January (since 2024), 24 January (since
 * 2017), Orthodox Good Friday (since 2018), Easter Sunday and Monday, 1 May, 1 June (since
 * 2017), Orthodox Pentecost Sunday and Monday, 15 August, 30 November (since 2012),
 * 1 December, 25-26 December. A holiday on a weekend is not moved.
 *
 * Russia, Labour Code art. 112 (as in force since 2013): 1-6 and 8 January (New Year
 * holidays), 7 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November. When a
 * holiday falls on a weekend the day off moves to the next working day after it (part 2),
 * except for the January holidays, whose weekend days the Government's yearly decree moves
 * wherever it decides; the decree may also move these implied days and ordinary weekend
 * days (a Saturday worked in place of a bridge day). Those moves are not law that can be
 * computed: the manager enters them (see decreeMoveEffect), and they travel with the
 * workbook as days off and moved working days.
 */
import { addDays, isoWeekday, makeDay, parseDay } from './calendar-day';
import { orthodoxEaster } from './orthodox-easter';

export type HolidayCountry = 'ro' | 'ru';
export const HOLIDAY_COUNTRIES: readonly HolidayCountry[] = ['ro', 'ru'];

/** Why a day is off: a statutory holiday, or the day a weekend holiday moved to by law. */
export interface StatutoryDay {
  date: string;
  kind: 'holiday' | 'moved';
  /** For a moved day: the holiday it replaces. */
  from?: string;
}

const isWeekend = (day: string) => isoWeekday(day) >= 6;

/** [month, day, in force since year] */
const RO_FIXED: readonly [number, number, number][] = [
  [1, 1, 0], [1, 2, 0], [1, 6, 2024], [1, 7, 2024], [1, 24, 2017], [5, 1, 0], [6, 1, 2017],
  [8, 15, 0], [11, 30, 2012], [12, 1, 0], [12, 25, 0], [12, 26, 0],
];

function romania(year: number): string[] {
  const easter = orthodoxEaster(year);
  const days = RO_FIXED.filter(([, , since]) => year >= since).map(([m, d]) => makeDay(year, m, d));
  // Good Friday, Easter Sunday and Monday, Pentecost (the 50th day) Sunday and Monday.
  const moving = [...(year >= 2018 ? [-2] : []), 0, 1, 49, 50].map((n) => addDays(easter, n));
  return [...new Set([...days, ...moving])].sort();
}

const RU_JANUARY = [1, 2, 3, 4, 5, 6, 7, 8];
const RU_OTHER: readonly [number, number][] = [[2, 23], [3, 8], [5, 1], [5, 9], [6, 12], [11, 4]];

function russia(year: number): StatutoryDay[] {
  const holidays = [...RU_JANUARY.map((d) => makeDay(year, 1, d)), ...RU_OTHER.map(([m, d]) => makeDay(year, m, d))];
  const off = new Set(holidays);
  const out: StatutoryDay[] = holidays.map((date) => ({ date, kind: 'holiday' }));
  for (const [m, d] of RU_OTHER) {
    const date = makeDay(year, m, d);
    if (!isWeekend(date)) continue;
    // The next day that is neither a weekend, a holiday nor already a moved day off.
    let to = addDays(date, 1);
    while (isWeekend(to) || off.has(to)) to = addDays(to, 1);
    off.add(to);
    out.push({ date: to, kind: 'moved', from: date });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const cache = new Map<string, StatutoryDay[]>();

/** The year's statutory days off with why, sorted (Russia: with the moves the law implies). */
export function statutoryDays(country: HolidayCountry, year: number): StatutoryDay[] {
  const key = `${country}:${year}`;
  let days = cache.get(key);
  if (!days) {
    days = country === 'ro' ? romania(year).map((date) => ({ date, kind: 'holiday' as const })) : russia(year);
    cache.set(key, days);
  }
  return days;
}

/** The year's statutory days off as sorted ISO days (what `tickler holidays` prints). */
export function statutoryDaysOff(country: HolidayCountry, year: number): string[] {
  return statutoryDays(country, year).map((d) => d.date);
}

const sets = new Map<string, Set<string>>();

/** Whether the law makes `day` a day off in `country` (cached per year: read in tight loops). */
export function isStatutoryDayOff(day: string, country: HolidayCountry): boolean {
  const year = parseDay(day)?.year;
  if (year === undefined) return false;
  const key = `${country}:${year}`;
  let set = sets.get(key);
  if (!set) {
    set = new Set(statutoryDaysOff(country, year));
    sets.set(key, set);
  }
  return set.has(day);
}

/**
 * What one line of a decree ("move the day off from Saturday 4 January to Friday 2 May")
 * changes: `to` becomes a day off; `from`, when it is an ordinary weekend day, becomes a
 * working day (the Saturday worked instead); when `from` is a weekend holiday whose day
 * off the law had moved, that implied day becomes working again (the decree moved it
 * elsewhere). A January holiday on a weekend stays off: only its day off travels.
 */
export function decreeMoveEffect(from: string, to: string, country: HolidayCountry | 'none'): { daysOff: string[]; workingDays: string[] } {
  const year = parseDay(from)?.year ?? 0;
  const statutory = country === 'none' ? [] : statutoryDays(country, year);
  if (statutory.some((d) => d.date === from && d.kind === 'holiday')) {
    const implied = statutory.find((d) => d.kind === 'moved' && d.from === from);
    return { daysOff: [to], workingDays: implied && implied.date !== to ? [implied.date] : [] };
  }
  return { daysOff: [to], workingDays: isWeekend(from) ? [from] : [] };
}
