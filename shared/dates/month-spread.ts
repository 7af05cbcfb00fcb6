/**
 * Opening a month folder: its dossiers are spread over the month's working days (none
 * before today), each to the currently lightest day (existing load plus what this spread
 * already put there; ties go to the earlier day), never above capacity. Dossiers that do
 * not fit are still placed on the lightest day, so that every dossier gets a day, and are
 * reported in `overflow` for the manager to see. Items are taken in the given order (the
 * caller decides priority), so the result is deterministic.
 * When the month has no working day left (a past month, or a calendar without working
 * days), the next working day from today (or the month's start) is the only day.
 */
import { compareDays, firstDayOfMonth } from './calendar-day';
import { nextWorkingDay, workingDaysInMonth, type WorkCalendar } from './working-days';

export interface MonthSpread {
  /** dossier id -> day key */
  assignments: Map<string, string>;
  /** ids placed above capacity */
  overflow: string[];
}

function spreadDays(month: string, cal: WorkCalendar, today: string | undefined): string[] {
  const days = workingDaysInMonth(month, cal).filter((d) => today === undefined || d >= today);
  if (days.length > 0) return days;
  const start = firstDayOfMonth(month);
  return [nextWorkingDay(today !== undefined && today > start ? today : start, cal)];
}

export function spreadOverMonth(
  items: { id: string }[],
  month: string,
  cal: WorkCalendar,
  capacity: number,
  existingLoad: Map<string, number>,
  today?: string,
): MonthSpread {
  const days = spreadDays(month, cal, today);
  const load = days.map((d) => existingLoad.get(d) ?? 0);
  const assignments = new Map<string, string>();
  const overflow: string[] = [];
  for (const item of items) {
    let best = 0;
    for (let i = 1; i < days.length; i++) {
      if (load[i]! < load[best]! || (load[i] === load[best] && compareDays(days[i]!, days[best]!) < 0)) best = i;
    }
    if (load[best]! >= capacity) overflow.push(item.id);
    assignments.set(item.id, days[best]!);
    load[best]!++;
  }
  return { assignments, overflow };
}
