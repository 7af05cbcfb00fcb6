/**
 * The calendar's maintained day values (db.calendarDays), one of the projections
 * (projections.ts): derived from the records in the same transaction as every change,
 * single or bulk, so the calendar never disagrees with the binder.
 *
 * Why a value per day: Chromium's IndexedDB costs about the same per record whether it is
 * 100 bytes or 10 KB, so a month of 3,000 items read as 40 day values is ~20x faster
 * than reading 3,000 steps and joining 3,000 dossiers.
 */
import type { Table } from 'dexie';
import type { Dossier, Step } from '../../shared/model/records';
import type { CalendarDay, CalendarItem, DossierRow, TicklerDb } from './stored-rows';
import { groupBy } from './group-by-dossier';

/** What the calendar shows of a dossier: its open dated steps, if the dossier is active. */
export function calendarItemsOf(dossier: Dossier, steps: readonly Step[]): CalendarItem[] {
  if (dossier.status !== 'active') return [];
  const items: CalendarItem[] = [];
  for (const s of steps) {
    if (s.done || s.date === '') continue;
    items.push({
      id: s.id,
      dossierId: s.dossierId,
      company: dossier.company,
      kind: s.kind,
      title: s.title,
      date: s.date,
      time: s.time,
      durationMin: s.durationMin,
      remindMin: s.remindMin,
    });
  }
  return items;
}

/** The days an active dossier's open dated steps are on (what calendarItemsOf files under). */
export function calendarDatesOf(steps: readonly Step[]): string[] {
  return [...new Set(steps.filter((s) => !s.done && s.date !== '').map((s) => s.date))].sort();
}

/** A day's display order: untimed (all-day) items first, then by hour; ties by id, so stable. */
function byTime(a: CalendarItem, b: CalendarItem): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function dayOf(date: string, items: CalendarItem[]): CalendarDay {
  items.sort(byTime);
  return { date, items, dossierIds: [...new Set(items.map((i) => i.dossierId))] };
}

/**
 * Replaces everything the calendar holds for the `changed` dossiers with `items` (theirs,
 * as derived now). `before` are the rows as stored before the change: their
 * calendarDates say which days to take the dossiers' old items from. A dossier in
 * `itemsBefore` touches only the days where its items changed; its other days keep their
 * stored value, which is what a rewrite would store (a day's order is its items' own).
 */
export async function replaceCalendarItems(
  db: TicklerDb,
  changed: readonly string[],
  items: readonly CalendarItem[],
  before: readonly (DossierRow | undefined)[],
  itemsBefore: ReadonlyMap<string, readonly CalendarItem[]> = new Map(),
): Promise<void> {
  if (changed.length === 0) return;
  const gone = new Set(changed);
  const touched = new Set<string>();
  const itemsNow = groupBy(items, (i) => i.dossierId);
  const beforeRows = new Map(before.filter((r) => r !== undefined).map((r) => [r.id, r]));
  for (const id of changed) {
    const now = itemsNow.get(id) ?? [];
    const known = itemsBefore.get(id);
    if (known) for (const date of daysThatDiffer(known, now)) touched.add(date);
    else {
      for (const date of beforeRows.get(id)?.calendarDates ?? []) touched.add(date);
      for (const it of now) touched.add(it.date);
    }
  }
  const dates = [...touched];
  if (dates.length === 0) return;
  const stored = await db.calendarDays.bulkGet(dates);
  const days = new Map<string, CalendarItem[]>();
  dates.forEach((date, i) => days.set(date, stored[i]?.items.filter((it) => !gone.has(it.dossierId)) ?? []));
  for (const it of items) days.get(it.date)?.push(it);
  const puts: CalendarDay[] = [];
  const deletes: string[] = [];
  for (const [date, list] of days) {
    if (list.length > 0) puts.push(dayOf(date, list));
    else deletes.push(date);
  }
  await Promise.all([db.calendarDays.bulkPut(puts), db.calendarDays.bulkDelete(deletes)]);
}

/** The days on which one dossier's items before and now are not the same items. */
function daysThatDiffer(before: readonly CalendarItem[], now: readonly CalendarItem[]): string[] {
  const was = groupBy(before, (i) => i.date);
  const is = groupBy(now, (i) => i.date);
  const text = (list: CalendarItem[] | undefined) => JSON.stringify([...(list ?? [])].sort(byTime));
  return [...new Set([...was.keys(), ...is.keys()])].filter((date) => text(was.get(date)) !== text(is.get(date)));
}

function stepsByDossier(steps: readonly Step[]): Map<string, Step[]> {
  return groupBy(steps.filter((s) => s.date !== ''), (s) => s.dossierId);
}

function daysOfItems(items: Iterable<CalendarItem>): CalendarDay[] {
  return [...groupBy(items, (it) => it.date)].map(([date, list]) => dayOf(date, list));
}

/**
 * Every day value computed from the dossiers and their steps, without the database: what
 * the maintained values must equal (the projection's rebuild from scratch), in date order.
 */
export function calendarDaysOf(dossiers: Iterable<Dossier>, steps: readonly Step[]): CalendarDay[] {
  const by = stepsByDossier(steps);
  const items: CalendarItem[] = [];
  for (const d of dossiers) items.push(...calendarItemsOf(d, by.get(d.id) ?? []));
  return daysOfItems(items).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * Repair: every day value rebuilt from `steps` (every step, or at least the dated ones):
 * the open dated steps of active dossiers. Rows whose calendarDates differ (a version 1
 * row has none) are rewritten.
 */
export async function buildCalendarDays(tx: { table(name: string): Table }, steps: readonly Step[]): Promise<void> {
  const days = tx.table('calendarDays') as Table<CalendarDay, string>;
  // One read of the table: per-record bulkGet would cost ~100x more on a large binder.
  const all = (await tx.table('dossiers').toArray()) as DossierRow[];
  const by = stepsByDossier(steps);
  const items: CalendarItem[] = [];
  const rows: DossierRow[] = [];
  for (const dossier of all) {
    const own = calendarItemsOf(dossier, by.get(dossier.id) ?? []);
    items.push(...own);
    const dates = [...new Set(own.map((i) => i.date))].sort();
    if (dates.join() !== (dossier.calendarDates ?? []).join()) {
      const row = { ...dossier };
      if (dates.length > 0) row.calendarDates = dates;
      else delete row.calendarDates;
      rows.push(row);
    }
  }
  await days.clear();
  await Promise.all([days.bulkPut(daysOfItems(items)), tx.table('dossiers').bulkPut(rows)]);
}
