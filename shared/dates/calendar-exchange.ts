/**
 * The working calendar a portfolio workbook carries (Holidays and Working days sheets), and
 * how an imported one joins the settings. A colleague's "+3 working days" must mean what it
 * means here whatever their own country setting, so the export writes the statutory days
 * off too (last year to next year) beside the manager's own; on import the days the local
 * law already gives are not copied into the manager's list, and nothing is ever removed.
 */
import type { Settings } from '../model/settings';
import { isStatutoryDayOff } from './statutory-holidays';
import { daysOffToCarry, holidayCountryOf, workCalendarFrom } from './working-days';

type CalendarSettings = Pick<Settings, 'workingWeek' | 'holidays' | 'extraWorkingDays' | 'holidayCountry' | 'language'>;

export function calendarToCarry(settings: CalendarSettings, today: string): { holidays: string[]; extraWorkingDays: string[] } {
  const year = Number(today.slice(0, 4));
  const cal = workCalendarFrom(settings);
  return {
    holidays: daysOffToCarry(cal, `${year - 1}-01-01`, `${year + 1}-12-31`),
    extraWorkingDays: [...settings.extraWorkingDays].sort(),
  };
}

/** The settings change an import brings, or undefined when it brings nothing new. */
export function calendarFromWorkbook(
  settings: CalendarSettings,
  holidaysAdded: readonly string[],
  workingDaysAdded: readonly string[] = [],
): Pick<Settings, 'holidays' | 'extraWorkingDays'> | undefined {
  const country = holidayCountryOf(settings);
  const worked = new Set(settings.extraWorkingDays);
  // A statutory day here is off anyway, unless the manager works it: then the list says so.
  const fresh = holidaysAdded.filter((d) => country === 'none' || worked.has(d) || !isStatutoryDayOff(d, country));
  const holidays = [...new Set([...settings.holidays, ...fresh])].sort();
  const extraWorkingDays = [...new Set([...settings.extraWorkingDays, ...workingDaysAdded])].sort();
  if (holidays.length === settings.holidays.length && extraWorkingDays.length === settings.extraWorkingDays.length) return undefined;
  return { holidays, extraWorkingDays };
}
