/**
 * Calendar-day arithmetic on keys: days 'YYYY-MM-DD', months 'YYYY-MM'. A day key is a
 * local calendar day with no time and no zone, so all math runs on UTC midnights, where
 * no daylight-saving shift can move a date. Every function takes and returns keys.
 */

const DAY_MS = 86_400_000;

export interface DayParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The parts of a day key, or undefined when it is malformed or not a real date (2026-02-30). */
export function parseDay(key: string): DayParts | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(monthKeyOf(year, month))) return undefined;
  return { year, month, day };
}

export function isValidDay(key: string): boolean {
  return parseDay(key) !== undefined;
}

export function isValidMonth(key: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function monthKeyOf(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** The day key of a year, month (1..12) and day; out-of-range parts roll over like Date.UTC. */
export function makeDay(year: number, month: number, day: number): string {
  return fromUtc(utcMs(year, month, day));
}

/** Date.UTC without its quirk of reading years 0-99 as 1900-1999. */
function utcMs(year: number, month: number, day: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return t.getTime();
}

/** The parts of a key known to be well-formed (internal: callers validated or built it). */
function partsOf(key: string): DayParts {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)), day: Number(key.slice(8, 10)) };
}

function toUtc(key: string): number {
  const p = partsOf(key);
  return utcMs(p.year, p.month, p.day);
}

function fromUtc(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Today's key in the machine's local time zone (the manager's calendar day). */
export function todayKey(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** Whole days from b to a (a - b): diffDays('2026-03-01', '2026-02-28') === 1. */
export function diffDays(a: string, b: string): number {
  return Math.round((toUtc(a) - toUtc(b)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const wd = new Date(toUtc(day)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export function compareDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function dayOfMonth(day: string): number {
  return partsOf(day).day;
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function firstDayOfMonth(month: string): string {
  return `${month}-01`;
}

export function daysInMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(utcMs(year, m + 1, 0)).getUTCDate();
}

export function lastDayOfMonth(month: string): string {
  return `${month}-${pad(daysInMonth(month))}`;
}

export function addMonthsToMonth(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return monthKeyOf(Math.floor(index / 12), (index % 12) + 1);
}

/** The same day number n months later, clamped to that month's end (31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: string, n: number): string {
  const month = addMonthsToMonth(monthOf(day), n);
  return `${month}-${pad(Math.min(dayOfMonth(day), daysInMonth(month)))}`;
}

/** The day with number `dayNumber` in `month`, or undefined when the month is too short. */
export function dayInMonth(month: string, dayNumber: number): string | undefined {
  return dayNumber >= 1 && dayNumber <= daysInMonth(month) ? `${month}-${pad(dayNumber)}` : undefined;
}

/** Every day from `from` to `to`, both included; empty when to < from or either is malformed. */
export function eachDay(from: string, to: string): string[] {
  const n = diffDays(to, from);
  if (!Number.isFinite(n) || n < 0) return [];
  return Array.from({ length: n + 1 }, (_, i) => addDays(from, i));
}

/** ISO Monday of the week containing the day. */
export function startOfIsoWeek(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}
