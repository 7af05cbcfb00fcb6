/**
 * Reminder scheduling, pure: which reminders are due now, given the stored steps, what has
 * already fired, the wall clock and the user's time zone. The renderer's service calls it
 * on a periodic tick, so a changed clock, a sleep or a restart is handled by comparing
 * instants rather than by trusting one long timer.
 *
 * A step's reminder is identified by its id plus the instant it is scheduled for: moving
 * the meeting to another hour makes a new key (it re-arms), and a deleted or completed
 * step is simply absent from the input, so it can never fire.
 */
import type { Step } from '../model/records';
import { isWorkingDay, type WorkCalendar } from '../dates/working-days';

export type ReminderStep = Pick<Step, 'id' | 'dossierId' | 'kind' | 'title' | 'date' | 'time' | 'remindMin'> & {
  /** Absent when the caller already reads open steps only. */
  done?: boolean;
  company?: string;
};

export interface ReminderSettings {
  /** Default minutes before for steps without their own (remindMin -1); -1 for none. */
  reminderMinutes: number;
  /** 'HH:mm', or '' for no morning summary. */
  morningSummaryTime: string;
  /**
   * The working calendar: no morning summary on its days off (weekends, holidays), as the
   * binder has no folder for them. Timed steps still remind whatever the day: the manager
   * set that meeting on purpose.
   */
  calendar?: WorkCalendar;
}

export interface DueReminder<S extends ReminderStep = ReminderStep> {
  /** Persisted once fired: `<stepId>@<start instant ISO>`. */
  key: string;
  step: S;
  /** When the step starts (its date and time in the user's zone). */
  startsAt: Date;
  /** When the reminder was due. */
  remindAt: Date;
}

export interface DueResult<S extends ReminderStep = ReminderStep> {
  /** Due just now: show as notifications. */
  fire: DueReminder<S>[];
  /** Were due while the app was closed (or the machine slept): list them once. */
  missed: DueReminder<S>[];
  /** The morning summary for this local day, if due and not yet shown. */
  summary: { key: string; day: string } | null;
}

export interface DueOptions {
  /**
   * How late a reminder may still be shown as a notification. Background timers are
   * throttled to about a minute, so a few minutes' slack; later than that it is "missed".
   */
  graceMs?: number;
  /** Missed reminders older than this (by the step's start) are no longer worth showing. */
  missedWindowMs?: number;
}

const MINUTE = 60_000;
export const DEFAULT_GRACE_MS = 5 * MINUTE;
export const DEFAULT_MISSED_WINDOW_MS = 12 * 60 * MINUTE;

export function reminderKey(stepId: string, startsAt: Date): string {
  return `${stepId}@${startsAt.toISOString()}`;
}

export function summaryKey(day: string): string {
  return `summary@${day}`;
}

/** The minutes before the start to remind, or -1 for no reminder. */
export function effectiveRemindMin(step: Pick<Step, 'remindMin'>, settings: Pick<ReminderSettings, 'reminderMinutes'>): number {
  return step.remindMin >= 0 ? step.remindMin : settings.reminderMinutes;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(tz, f);
  }
  return f;
}

/** The wall clock in `tz` at an instant, as if it were UTC (milliseconds). */
function wallMs(utcMs: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const part of formatterFor(tz).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** The zone's offset from UTC at an instant, in milliseconds (whole seconds). */
function offsetMs(utcMs: number, tz: string): number {
  const floored = Math.floor(utcMs / 1000) * 1000;
  return wallMs(floored, tz) - floored;
}

/**
 * The instant of a local date and time in `tz`. Across a DST change the offset before and
 * after the day are both tried: an ambiguous hour (autumn, repeated) takes its first
 * occurrence, a skipped hour (spring, nonexistent) moves forward by the gap, as the
 * platform's own Date does for local times.
 */
export function zonedInstant(date: string, time: string, tz: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = (time || '00:00').split(':').map(Number);
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  const before = wall - offsetMs(wall - 36 * 60 * MINUTE, tz);
  const after = wall - offsetMs(wall + 36 * 60 * MINUTE, tz);
  const valid = [before, after].filter((t) => wallMs(t, tz) === wall);
  if (valid.length) return new Date(Math.min(...valid));
  return new Date(before);
}

/** The local calendar day 'YYYY-MM-DD' in `tz` at an instant. */
export function localDay(at: Date, tz: string): string {
  return new Date(wallMs(at.getTime(), tz)).toISOString().slice(0, 10);
}

/**
 * What is due at `now`. Steps not timed, done, or without a reminder are ignored; keys in
 * `fired` never come back. A reminder is fired when its instant has passed by at most the
 * grace; older ones (the app was closed) are returned as missed, to be listed once.
 * The caller records every returned key (fire, missed and summary) before showing them.
 */
export function dueReminders<S extends ReminderStep>(
  steps: readonly S[],
  fired: ReadonlySet<string>,
  now: Date,
  settings: ReminderSettings,
  tz: string,
  opts: DueOptions = {},
): DueResult<S> {
  const grace = opts.graceMs ?? DEFAULT_GRACE_MS;
  const window = opts.missedWindowMs ?? DEFAULT_MISSED_WINDOW_MS;
  const t = now.getTime();
  const fire: DueReminder<S>[] = [];
  const missed: DueReminder<S>[] = [];
  for (const step of steps) {
    if (step.done || !step.time || !step.date) continue;
    const before = effectiveRemindMin(step, settings);
    if (before < 0) continue;
    const startsAt = zonedInstant(step.date, step.time, tz);
    const key = reminderKey(step.id, startsAt);
    if (fired.has(key)) continue;
    const remindAt = new Date(startsAt.getTime() - before * MINUTE);
    if (remindAt.getTime() > t) continue;
    const due = { key, step, startsAt, remindAt };
    if (t - remindAt.getTime() <= grace) fire.push(due);
    else if (t - startsAt.getTime() <= window) missed.push(due);
  }
  const byTime = (a: DueReminder<S>, b: DueReminder<S>) => a.remindAt.getTime() - b.remindAt.getTime();
  fire.sort(byTime);
  missed.sort(byTime);

  let summary: DueResult<S>['summary'] = null;
  if (settings.morningSummaryTime) {
    const day = localDay(now, tz);
    const key = summaryKey(day);
    const working = !settings.calendar || isWorkingDay(day, settings.calendar);
    if (working && !fired.has(key) && zonedInstant(day, settings.morningSummaryTime, tz).getTime() <= t) summary = { key, day };
  }
  return { fire, missed, summary };
}
