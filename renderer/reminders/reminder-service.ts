/**
 * The reminder scheduler: a periodic tick that asks the pure `dueReminders` what is due,
 * records the keys in the kv table first (so a crash, a second window or an overlapping
 * tick can never show one twice), then notifies. Comparing wall-clock instants on every
 * tick survives sleep, clock changes and restarts, which one long setTimeout would not.
 */
import { addDays } from '../../shared/dates/calendar-day';
import { dueReminders, localDay, type DueReminder, type ReminderSettings } from '../../shared/reminders/schedule';
import { getDaySummary, getTimedSteps, type CalendarItem, type DaySummary } from '../data/calendar-repo';
import { getHandBacksDue, type HandBackDue } from '../data/handback-repo';
import { claimReminders, firedReminderKeys, pruneFiredReminders } from '../data/kv-keys';

/** Fired keys older than this are dropped: a step that far back can never be due again. */
const KEEP_FIRED_DAYS = 14;
/** A step's own reminder may be up to a week ahead (the schema's maximum). */
const LOOKAHEAD_DAYS = 8;
export const TICK_MS = 30_000;

export type ReminderDue = DueReminder<CalendarItem>;

export interface ReminderServiceDeps {
  settings(): ReminderSettings;
  notify(req: { title: string; body: string; tag: string }): Promise<void>;
  /** Reminders that came due while the app was closed: shown once, as one list. */
  onMissed(missed: ReminderDue[]): void;
  text: {
    reminder(due: ReminderDue): { title: string; body: string };
    summary(s: DaySummary): { title: string; body: string };
    /** The colleague's reminder that a cover ended: once a day while a hand-back is due. */
    handBack?(due: HandBackDue[]): { title: string; body: string };
  };
  now?: () => Date;
  /** IANA zone; the system's by default. */
  timeZone?: () => string;
  tickMs?: number;
}

export interface ReminderService {
  tick(): Promise<void>;
  stop(): void;
}


export function startReminderService(deps: ReminderServiceDeps): ReminderService {
  const clock = deps.now ?? (() => new Date());
  const zone = deps.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  let running: Promise<void> | null = null;
  let prunedOn = '';
  let stopped = false;

  async function run(): Promise<void> {
    const now = clock();
    const tz = zone();
    const settings = deps.settings();
    const today = localDay(now, tz);
    const steps = await getTimedSteps(addDays(today, -1), addDays(today, LOOKAHEAD_DAYS));
    const due = dueReminders(steps, await firedReminderKeys(), now, settings, tz);
    const keys = [...due.fire, ...due.missed].map((d) => d.key);
    if (due.summary) keys.push(due.summary.key);
    const mine = await claimReminders(keys, now.toISOString());
    if (stopped) return;

    for (const d of due.fire) {
      if (!mine.has(d.key)) continue;
      const { title, body } = deps.text.reminder(d);
      await deps.notify({ title, body, tag: `dossier:${d.step.dossierId}` });
    }
    const missed = due.missed.filter((d) => mine.has(d.key));
    if (missed.length) deps.onMissed(missed);
    if (due.summary && mine.has(due.summary.key)) {
      const { title, body } = deps.text.summary(await getDaySummary(today));
      await deps.notify({ title, body, tag: 'today' });
    }
    if (deps.text.handBack) await remindHandBacks(today, now, deps.text.handBack);
    if (prunedOn !== today) {
      prunedOn = today;
      await pruneFiredReminders(new Date(now.getTime() - KEEP_FIRED_DAYS * 86_400_000).toISOString());
    }
  }

  async function remindHandBacks(today: string, now: Date, text: (due: HandBackDue[]) => { title: string; body: string }) {
    const due = await getHandBacksDue(today);
    if (due.length === 0 || stopped) return;
    // The day's key is claimed like a step's reminder: one notification a day, whatever the windows.
    if (!(await claimReminders([`handback:${today}`], now.toISOString())).size) return;
    await deps.notify({ ...text(due), tag: 'today' });
  }

  // One run at a time. A tick that arrives during a run is not lost: the run repeats once
  // with a fresh clock, so a burst of ticks (a throttled or fast-forwarded timer) ends with
  // a check at the latest time.
  let again = false;
  function tick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await run();
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => void tick().catch(() => undefined), deps.tickMs ?? TICK_MS);
  // Waking from sleep or coming back to the window: check at once rather than at the next tick.
  const wake = () => void tick().catch(() => undefined);
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', wake);
  void tick().catch(() => undefined);

  return {
    tick,
    stop() {
      stopped = true;
      clearInterval(timer);
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', wake);
    },
  };
}
