/**
 * Where overflow can go: the working days from `from` (included) over the next
 * `horizonDays` calendar days that still have room under capacity, lightest first (ties:
 * earlier first), at most n of them.
 */
import { addDays } from './calendar-day';
import { workingDaysInRange, type WorkCalendar } from './working-days';

export interface DayLoad {
  day: string;
  count: number;
  free: number;
}

export function lightestWorkingDays(
  from: string,
  counts: Map<string, number>,
  cal: WorkCalendar,
  capacity: number,
  n: number,
  horizonDays = 30,
): DayLoad[] {
  if (n <= 0 || horizonDays <= 0) return [];
  return workingDaysInRange(from, addDays(from, horizonDays - 1), cal)
    .map((day) => {
      const count = counts.get(day) ?? 0;
      return { day, count, free: Math.max(0, capacity - count) };
    })
    .filter((d) => d.free > 0)
    .sort((a, b) => a.count - b.count || (a.day < b.day ? -1 : 1))
    .slice(0, n);
}
