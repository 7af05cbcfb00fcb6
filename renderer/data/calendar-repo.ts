/**
 * The calendar's reads: planned open steps on dated folders inside a visible range. They
 * read only the maintained day shards of the range (db.calendarShards, see
 * calendar-days.ts), never the steps or dossiers tables: a month is one index range.
 */
import Dexie from 'dexie';
import { byTime, itemsOf } from './calendar-days';
import { getDb, type CalendarItem, type CalendarShard, type TicklerDb } from './db';

export type { CalendarItem } from './db';

/** A day of the calendar: its shards' items merged in display order, and its distinct dossiers. */
interface Day {
  date: string;
  items: CalendarItem[];
  dossiers: number;
}

/** The shards of the days `from`..`to`, in key order (date, then shard): one index range. */
function shardsIn(db: TicklerDb, from: string, to: string): Promise<CalendarShard[]> {
  return db.calendarShards.where(':id').between([from, Dexie.minKey], [to, Dexie.maxKey], true, true).toArray();
}

/** Shards in key order joined into days, each with at most `perDay` items. */
function joinDays(shards: readonly CalendarShard[], perDay = Infinity): Day[] {
  const days: Day[] = [];
  for (let i = 0; i < shards.length; ) {
    const date = shards[i]!.date;
    const own: CalendarShard[] = [];
    for (; i < shards.length && shards[i]!.date === date; i++) own.push(shards[i]!);
    days.push({ date, items: mergeShards(own, perDay), dossiers: own.reduce((n, s) => n + s.dossiers, 0) });
  }
  return days;
}

/**
 * The first `limit` items of a day's shards in display order: each shard is already in that
 * order, so only their heads are merged (a month grid's cell needs 3 of 1,000).
 */
function mergeShards(shards: readonly CalendarShard[], limit: number): CalendarItem[] {
  if (shards.length === 1) return itemsOf(shards[0]!, limit);
  const heads = shards.flatMap((s) => itemsOf(s, limit));
  heads.sort(byTime);
  return heads.length > limit ? heads.slice(0, limit) : heads;
}

/**
 * Open steps dated `from`..`to` (inclusive day keys), of active dossiers, ordered by date,
 * then untimed before timed, then hour. Month-filed steps ("sometime in July") have no
 * date and so never appear: they have no place on a day grid.
 */
export async function getStepsInRange(from: string, to: string, db: TicklerDb = getDb()): Promise<CalendarItem[]> {
  return joinDays(await shardsIn(db, from, to)).flatMap((d) => d.items);
}

export interface MonthDigest {
  /** At most `perDay` items per day (the first in order). */
  items: CalendarItem[];
  /** Every open item per day, and distinct dossiers per day (the load against capacity). */
  totals: Map<string, { items: number; dossiers: number }>;
}

/** The month grid's read: a cell shows a few items and a count, so only those few are handed on. */
export async function getMonthDigest(from: string, to: string, perDay: number, db: TicklerDb = getDb()): Promise<MonthDigest> {
  const shards = await shardsIn(db, from, to);
  const totals = new Map<string, { items: number; dossiers: number }>();
  for (const s of shards) {
    const t = totals.get(s.date);
    if (t) {
      t.items += s.count;
      t.dossiers += s.dossiers;
    } else totals.set(s.date, { items: s.count, dossiers: s.dossiers });
  }
  return { items: joinDays(shards, perDay).flatMap((d) => d.items), totals };
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
  return db.transaction('r', db.folderCounts, db.dossiers, db.calendarShards, async () => {
    const todayCount = (await db.folderCounts.get(today))?.count ?? 0;
    // Month keys ('2026-11') sort below today's day key too; a month folder is opened into
    // days rather than carried into today, so only day keys count (as in the binder).
    const overdue = await db.dossiers
      .where('fileKey')
      .below(today)
      .filter((r) => r.fileKey!.length === 10)
      .count();
    const [day] = joinDays(await shardsIn(db, today, today));
    const meetings = day?.items.filter((s) => s.kind === 'meeting').length ?? 0;
    return { today: todayCount, overdue, meetings };
  });
}
