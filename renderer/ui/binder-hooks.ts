import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays } from '../../shared/dates/calendar-day';
import { lightestWorkingDays } from '../../shared/dates/lightest-days';
import { workCalendarFrom } from '../../shared/dates/working-days';
import { getFolderCounts } from '../data/binder-repo';
import { todayKey } from './clock';
import { useSettings } from './settings-context';

/** The manager's working-day calendar (working week, statutory holidays, days off, moved days) from settings. */
export function useWorkCalendar() {
  const { settings } = useSettings();
  const { workingWeek, holidays, extraWorkingDays, holidayCountry, language } = settings;
  return useMemo(
    () => workCalendarFrom({ workingWeek, holidays, extraWorkingDays, holidayCountry, language }),
    [workingWeek, holidays, extraWorkingDays, holidayCountry, language],
  );
}

/**
 * Active dossiers per folder key, live: every write (refile, move, import) updates the
 * maintained counters and this re-renders. `undefined` while the first read is pending.
 */
export function useFolderCounts(): Map<string, number> | undefined {
  return useLiveQuery(() => getFolderCounts(), []);
}

/**
 * The n lightest working days from tomorrow on (where overflow can go), in date order so
 * the chips read like a calendar; their loads are shown on them.
 */
export function useLightDays(n: number): { date: string; count: number }[] {
  const cal = useWorkCalendar();
  const counts = useFolderCounts();
  const { settings } = useSettings();
  const today = todayKey();
  return useMemo(() => {
    if (!counts) return [];
    // Two weeks ahead: a call moved a month away is a call lost; nearer light days first.
    return lightestWorkingDays(addDays(today, 1), counts, cal, settings.capacity, n, 14)
      .map((d) => ({ date: d.day, count: d.count }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
  }, [counts, cal, settings.capacity, n, today]);
}
