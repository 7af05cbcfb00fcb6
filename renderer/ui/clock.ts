import { useEffect, useState } from 'react';
import { todayKey as dayKeyOf } from '../../shared/dates/calendar-day';

/**
 * The app's notion of "now". Everything date-dependent reads it from here, so tests can
 * drive it with Playwright's page.clock (which replaces Date) and nothing else.
 */
export function now(): Date {
  return new Date();
}

/** Today's local calendar day as 'YYYY-MM-DD' (the shared day-key rule, read from the app's clock). */
export function todayKey(d: Date = now()): string {
  return dayKeyOf(d);
}

/**
 * Today's key, kept current: a window left open overnight turns to the new day's folder
 * (checked each minute and whenever the window comes back into view).
 */
export function useToday(): string {
  const [today, setToday] = useState(() => todayKey());
  useEffect(() => {
    const check = () => setToday(todayKey());
    const timer = setInterval(check, 60_000);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, []);
  return today;
}
