/**
 * The app's notion of "now". Everything date-dependent reads it from here, so tests can
 * drive it with Playwright's page.clock (which replaces Date) and nothing else.
 */
export function now(): Date {
  return new Date();
}

/** Today's local calendar day as 'YYYY-MM-DD'. */
export function todayKey(d: Date = now()): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}
