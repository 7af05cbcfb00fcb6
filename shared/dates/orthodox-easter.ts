/**
 * Orthodox Easter, as a Gregorian calendar day. The Orthodox churches of Romania and Russia
 * reckon Easter in the Julian calendar (Meeus, "Astronomical Algorithms", the Julian
 * computus) and the state calendar shows that Julian day in the Gregorian calendar, so the
 * gap between the two calendars is added: 13 days in 1900-2099, 14 from 1 March 2100 on.
 */
import { addDays, makeDay } from './calendar-day';

/** Days the Julian calendar lags the Gregorian on a spring day of `year` (after 28 Feb Julian). */
export function julianGregorianGap(year: number): number {
  const century = Math.floor(year / 100);
  return century - Math.floor(century / 4) - 2;
}

/** Easter Sunday of `year` in the Julian calendar: month (3 or 4) and day. */
export function julianEaster(year: number): { month: number; day: number } {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const n = d + e + 114;
  return { month: Math.floor(n / 31), day: (n % 31) + 1 };
}

/** Orthodox Easter Sunday of `year` as a Gregorian 'YYYY-MM-DD'. */
export function orthodoxEaster(year: number): string {
  const { month, day } = julianEaster(year);
  // The Julian day is read as if Gregorian, then moved by the gap; both calendars have the
  // same month lengths in March-May, so adding days is exact.
  return addDays(makeDay(year, month, day), julianGregorianGap(year));
}
