/**
 * The calendar's reads: planned open steps on dated folders inside a visible range.
 * Reads go through the steps `date` index only for the range asked (never the whole
 * table), and dossiers are joined with one bulkGet, so a month of a 10,000-step
 * portfolio costs one index range plus one batched lookup.
 */
import type { Step, StepKind } from '../../shared/model/records';
import { getDb, type TicklerDb } from './db';

/** A light, render-ready item: what a calendar cell needs and nothing more. */
export interface CalendarItem {
  id: string;
  dossierId: string;
  company: string;
  kind: StepKind;
  title: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:mm', or '' for an untimed (all-day) step. */
  time: string;
  durationMin: number;
  remindMin: number;
}

/** Open dated steps in the range, straight from the date index (getAll, not a cursor). */
async function openStepsIn(db: TicklerDb, from: string, to: string): Promise<Step[]> {
  const steps = await db.steps.where('date').between(from, to, true, true).toArray();
  // Filtering here rather than with Collection.filter keeps Dexie on IndexedDB's getAll,
  // which is several times faster than walking a cursor.
  return steps.filter((s) => !s.done).sort((a, b) => (a.date + a.time < b.date + b.time ? -1 : a.date + a.time > b.date + b.time ? 1 : 0));
}

/** Companies of the given dossiers (one batched read); archived dossiers are left out. */
async function companiesOf(db: TicklerDb, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.dossiers.bulkGet(ids);
  const company = new Map<string, string>();
  for (const r of rows) if (r && r.status !== 'archived') company.set(r.id, r.company);
  return company;
}

function toItem(s: Step, company: string): CalendarItem {
  return {
    id: s.id,
    dossierId: s.dossierId,
    company,
    kind: s.kind,
    title: s.title,
    date: s.date,
    time: s.time,
    durationMin: s.durationMin,
    remindMin: s.remindMin,
  };
}

/**
 * Open steps dated `from`..`to` (inclusive day keys), of active dossiers, ordered by date,
 * then untimed before timed, then hour. Month-filed steps ("sometime in July") have no
 * date and so never appear: they have no place on a day grid.
 */
export async function getStepsInRange(from: string, to: string, db: TicklerDb = getDb()): Promise<CalendarItem[]> {
  return db.transaction('r', db.steps, db.dossiers, async () => {
    const steps = await openStepsIn(db, from, to);
    const company = await companiesOf(db, [...new Set(steps.map((s) => s.dossierId))]);
    const items: CalendarItem[] = [];
    for (const s of steps) {
      const name = company.get(s.dossierId);
      if (name !== undefined) items.push(toItem(s, name));
    }
    return items;
  });
}

export interface MonthDigest {
  /** At most `perDay` items per day (the first in order), joined with their company. */
  items: CalendarItem[];
  /** Every open item per day, and distinct dossiers per day (the load against capacity). */
  totals: Map<string, { items: number; dossiers: number }>;
}

/**
 * The month grid's read: a cell shows a few items and a count, so only those few are
 * joined with their dossier; the rest are counted. Archived dossiers are excluded through
 * the status index's keys (few, and no rows read), not by reading every dossier.
 */
export async function getMonthDigest(from: string, to: string, perDay: number, db: TicklerDb = getDb()): Promise<MonthDigest> {
  return db.transaction('r', db.steps, db.dossiers, async () => {
    const [steps, archivedKeys] = await Promise.all([openStepsIn(db, from, to), db.dossiers.where('status').equals('archived').primaryKeys()]);
    const archived = new Set(archivedKeys.map(String));
    const shown: Step[] = [];
    const totals = new Map<string, { items: number; dossiers: number }>();
    const seen = new Map<string, Set<string>>();
    for (const s of steps) {
      if (archived.has(s.dossierId)) continue;
      let day = totals.get(s.date);
      if (!day) {
        totals.set(s.date, (day = { items: 0, dossiers: 0 }));
        seen.set(s.date, new Set());
      }
      if (day.items < perDay) shown.push(s);
      day.items++;
      const ids = seen.get(s.date)!;
      if (!ids.has(s.dossierId)) {
        ids.add(s.dossierId);
        day.dossiers++;
      }
    }
    const company = await companiesOf(db, [...new Set(shown.map((s) => s.dossierId))]);
    return { items: shown.map((s) => toItem(s, company.get(s.dossierId) ?? '')), totals };
  });
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
  return db.transaction('r', db.steps, db.dossiers, async () => {
    const steps = (await openStepsIn(db, from, to)).filter((s) => s.time !== '');
    const company = await companiesOf(db, [...new Set(steps.map((s) => s.dossierId))]);
    return steps.filter((s) => company.has(s.dossierId)).map((s) => toItem(s, company.get(s.dossierId)!));
  });
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
  return db.transaction('r', db.folderCounts, db.dossiers, db.steps, async () => {
    const todayCount = (await db.folderCounts.get(today))?.count ?? 0;
    // Month keys ('2026-11') sort below today's day key too; a month folder is opened into
    // days rather than carried into today, so only day keys count (as in the binder).
    const overdue = await db.dossiers
      .where('fileKey')
      .below(today)
      .filter((r) => r.fileKey!.length === 10)
      .count();
    const meetings = await db.steps
      .where('date')
      .equals(today)
      .filter((s) => !s.done && s.kind === 'meeting')
      .count();
    return { today: todayCount, overdue, meetings };
  });
}
