/**
 * The calendar's reads: planned open steps on dated folders inside a visible range. They
 * read only the maintained day values of the range (db.calendarDays, one value per day,
 * see calendar-days.ts), never the steps or dossiers tables: a month is about 40 values.
 */
import { getDb, type CalendarDay, type CalendarItem, type TicklerDb } from './db';

export type { CalendarItem } from './db';

function daysIn(db: TicklerDb, from: string, to: string): Promise<CalendarDay[]> {
  return db.calendarDays.where('date').between(from, to, true, true).toArray();
}

/**
 * Open steps dated `from`..`to` (inclusive day keys), of active dossiers, ordered by date,
 * then untimed before timed, then hour. Month-filed steps ("sometime in July") have no
 * date and so never appear: they have no place on a day grid.
 */
export async function getStepsInRange(from: string, to: string, db: TicklerDb = getDb()): Promise<CalendarItem[]> {
  return (await daysIn(db, from, to)).flatMap((d) => d.items);
}

export interface MonthDigest {
  /** At most `perDay` items per day (the first in order). */
  items: CalendarItem[];
  /** Every open item per day, and distinct dossiers per day (the load against capacity). */
  totals: Map<string, { items: number; dossiers: number }>;
}

/** The month grid's read: a cell shows a few items and a count, so only those few are handed on. */
export async function getMonthDigest(from: string, to: string, perDay: number, db: TicklerDb = getDb()): Promise<MonthDigest> {
  const days = await daysIn(db, from, to);
  return {
    items: days.flatMap((d) => d.items.slice(0, perDay)),
    totals: new Map(days.map((d) => [d.date, { items: d.items.length, dossiers: d.dossierIds.length }])),
  };
}

/** Distinct dossiers planned per day: the day's load against capacity. */
export function loadByDay(items: CalendarItem[]): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  for (const it of items) {
    let set = seen.get(it.date);
    if (!set) seen.set(it.date, (set = new Set()));
    set.add(it.dossierId);
  }
  return new Map([...seen].map(([day, set]) => [day, set.size]));
}

/** Open timed steps dated `from`..`to` with their company: what the reminder service checks. */
export async function getTimedSteps(from: string, to: string, db: TicklerDb = getDb()): Promise<CalendarItem[]> {
  return (await getStepsInRange(from, to, db)).filter((s) => s.time !== '');
}

export interface DaySummary {
  /** Dossiers filed under today's folder. */
  today: number;
  /** Dossiers filed under an earlier day: carried into today (as the binder counts them). */
  overdue: number;
  meetings: number;
}

/** The morning summary's counts: from the maintained folder counters and two index ranges. */
export async function getDaySummary(today: string, db: TicklerDb = getDb()): Promise<DaySummary> {
  return db.transaction('r', db.folderCounts, db.dossiers, db.calendarDays, async () => {
    const todayCount = (await db.folderCounts.get(today))?.count ?? 0;
    // Month keys ('2026-11') sort below today's day key too; a month folder is opened into
    // days rather than carried into today, so only day keys count (as in the binder).
    const overdue = await db.dossiers
      .where('fileKey')
      .below(today)
      .filter((r) => r.fileKey!.length === 10)
      .count();
    const day = await db.calendarDays.get(today);
    const meetings = day?.items.filter((s) => s.kind === 'meeting').length ?? 0;
    return { today: todayCount, overdue, meetings };
  });
}
