/**
 * The calendar's maintained day shards (db.calendarShards), one of the projections
 * (projections.ts): derived from the records in the same transaction as every change,
 * single or bulk, so the calendar never disagrees with the binder.
 *
 * Why a few values per day: Chromium's IndexedDB costs about the same per record whether
 * it is 100 bytes or 10 KB, so a month of 10,000 items read as ~40 x 16 values is far
 * faster than reading 10,000 steps and joining their dossiers. Why not one value per day
 * (schema 2 to 8): a busy binder's day holds 1,000 items and more (the calls plus the
 * payment reminders), and a refile rewrote two such values, most of its time. A dossier's
 * items all live in one shard of each day (shardOf its id), so a change rewrites only
 * that shard, and a day's distinct dossiers are the sum over its shards.
 */
import type { Table } from 'dexie';
import type { Dossier, Step, StepKind } from '../../shared/model/records';
import type { CalendarItem, CalendarShard, DossierRow, TextColumn, TicklerDb } from './stored-rows';
import { groupBy } from './group-by-dossier';

/** Shards per calendar day: frozen with schema 9, which files the items by it. */
export const CALENDAR_SHARDS = 16;

/**
 * The shard of a dossier's items (FNV-1a of its id): ids need not be UUIDs (a workbook
 * may bring its own). Frozen with schema 9, whose upgrade files the items by this same
 * function: changing it means a schema version that refiles them.
 */
export function shardOf(dossierId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < dossierId.length; i++) h = Math.imul(h ^ dossierId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % CALENDAR_SHARDS;
}

/** A shard's key as text, for sets and maps ([date, shard] is the stored key). */
const keyText = (date: string, shard: number) => `${date}|${shard}`;

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
export function byTime(a: CalendarItem, b: CalendarItem): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const COLUMN_SEP = '\u001f';

/** Text values as one stored column (see TextColumn): joined, unless a value holds the separator. */
function packColumn(values: readonly string[]): TextColumn {
  for (const v of values) if (v.includes(COLUMN_SEP)) return [...values];
  return values.join(COLUMN_SEP);
}

/** A stored text column's values. */
function unpackColumn(column: TextColumn): string[] {
  return typeof column === 'string' ? column.split(COLUMN_SEP) : column;
}

/** A shard's stored value: its items sorted into display order, as columns. */
function shardValue(date: string, shard: number, items: CalendarItem[]): CalendarShard {
  items.sort(byTime);
  return {
    date,
    shard,
    count: items.length,
    ids: packColumn(items.map((i) => i.id)),
    dossierIds: packColumn(items.map((i) => i.dossierId)),
    companies: packColumn(items.map((i) => i.company)),
    kinds: packColumn(items.map((i) => i.kind)),
    titles: packColumn(items.map((i) => i.title)),
    times: packColumn(items.map((i) => i.time)),
    durations: items.map((i) => i.durationMin),
    reminds: items.map((i) => i.remindMin),
    dossiers: new Set(items.map((i) => i.dossierId)).size,
  };
}

/** The first `limit` items of a stored shard (all by default), in display order. */
export function itemsOf(s: CalendarShard, limit = Infinity): CalendarItem[] {
  const n = Math.min(limit, s.count);
  const [ids, dossierIds, companies, kinds, titles, times] = [s.ids, s.dossierIds, s.companies, s.kinds, s.titles, s.times].map(unpackColumn) as [string[], string[], string[], StepKind[], string[], string[]];
  const out = new Array<CalendarItem>(n);
  for (let i = 0; i < n; i++) {
    out[i] = { id: ids[i]!, dossierId: dossierIds[i]!, company: companies[i]!, kind: kinds[i]!, title: titles[i]!, date: s.date, time: times[i]!, durationMin: s.durations[i]!, remindMin: s.reminds[i]! };
  }
  return out;
}

/**
 * Replaces everything the calendar holds for the `changed` dossiers with `items` (theirs,
 * as derived now). `before` are the rows as stored before the change: their
 * calendarDates say which days to take the dossiers' old items from. A dossier in
 * `itemsBefore` touches only the days where its items changed; its other days keep their
 * stored value, which is what a rewrite would store (a shard's order is its items' own).
 * Only the changed dossiers' own shards of those days are read and written.
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
  const touched = new Map<string, [string, number]>();
  const touch = (date: string, shard: number) => touched.set(keyText(date, shard), [date, shard]);
  const itemsNow = groupBy(items, (i) => i.dossierId);
  const beforeRows = new Map(before.filter((r) => r !== undefined).map((r) => [r.id, r]));
  for (const id of changed) {
    const shard = shardOf(id);
    const now = itemsNow.get(id) ?? [];
    const known = itemsBefore.get(id);
    if (known) for (const date of daysThatDiffer(known, now)) touch(date, shard);
    else {
      for (const date of beforeRows.get(id)?.calendarDates ?? []) touch(date, shard);
      for (const it of now) touch(it.date, shard);
    }
  }
  if (touched.size === 0) return;
  const keys = [...touched.values()];
  const stored = await db.calendarShards.bulkGet(keys);
  const shards = new Map<string, CalendarItem[]>();
  keys.forEach(([date, shard], i) => shards.set(keyText(date, shard), stored[i] ? itemsOf(stored[i]).filter((it) => !gone.has(it.dossierId)) : []));
  for (const it of items) shards.get(keyText(it.date, shardOf(it.dossierId)))?.push(it);
  const puts: CalendarShard[] = [];
  const deletes: [string, number][] = [];
  for (const [date, shard] of keys) {
    const list = shards.get(keyText(date, shard))!;
    if (list.length > 0) puts.push(shardValue(date, shard, list));
    else deletes.push([date, shard]);
  }
  await Promise.all([db.calendarShards.bulkPut(puts), db.calendarShards.bulkDelete(deletes)]);
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

function shardsOfItems(items: Iterable<CalendarItem>): CalendarShard[] {
  return [...groupBy(items, (it) => keyText(it.date, shardOf(it.dossierId)))].map(([, list]) => shardValue(list[0]!.date, shardOf(list[0]!.dossierId), list));
}

/** Key order of the stored shards: by date, then shard. */
export function byShardKey(a: CalendarShard, b: CalendarShard): number {
  return a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.shard - b.shard;
}

/**
 * Every shard computed from the dossiers and their steps, without the database: what the
 * maintained values must equal (the projection's rebuild from scratch), in key order.
 */
export function calendarShardsOf(dossiers: Iterable<Dossier>, steps: readonly Step[]): CalendarShard[] {
  const by = stepsByDossier(steps);
  const items: CalendarItem[] = [];
  for (const d of dossiers) items.push(...calendarItemsOf(d, by.get(d.id) ?? []));
  return shardsOfItems(items).sort(byShardKey);
}

/**
 * Repair: every shard rebuilt from `steps` (every step, or at least the dated ones): the
 * open dated steps of active dossiers. Rows whose calendarDates differ are rewritten.
 */
export async function rebuildCalendarShards(tx: { table(name: string): Table }, steps: readonly Step[]): Promise<void> {
  const days = tx.table('calendarShards') as Table<CalendarShard, [string, number]>;
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
  await Promise.all([days.bulkPut(shardsOfItems(items)), tx.table('dossiers').bulkPut(rows)]);
}
