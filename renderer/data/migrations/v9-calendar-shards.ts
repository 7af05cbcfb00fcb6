/**
 * Schema version 9: each calendar day's value is split into 16 shards by dossier, keyed
 * [date, shard], so a change rewrites the sixteenth of a day that holds its dossier's
 * items instead of the whole day (1,000 items and more on a busy binder). The items are
 * moved from the day values as they are: nothing is derived again. Version 10 drops the
 * day values.
 */
import type { Table } from 'dexie';
import type { Migration } from './migration';
import type { UpgradeTx } from './raw-tables';

interface CalendarItemV9 {
  id: string;
  dossierId: string;
  time: string;
}
interface CalendarDayV8 {
  date: string;
  items: CalendarItemV9[];
  dossierIds: string[];
}
interface CalendarShardV9 {
  date: string;
  shard: number;
  items: CalendarItemV9[];
  dossiers: number;
}

const SHARDS = 16;

/** FNV-1a of the dossier id, modulo the shards (the product's shardOf, as version 9 defines it). */
function shardOf(dossierId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < dossierId.length; i++) h = Math.imul(h ^ dossierId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

/** Days per read: a day value holds up to a few thousand items. */
const DAYS_PER_READ = 50;

async function shardCalendarDays(tx: UpgradeTx): Promise<void> {
  const days = tx.table('calendarDays') as Table<CalendarDayV8, string>;
  const shards = tx.table('calendarShards') as Table<CalendarShardV9, [string, number]>;
  let after: string | undefined;
  for (;;) {
    const slice = await (after === undefined ? days.orderBy(':id') : days.where(':id').above(after)).limit(DAYS_PER_READ).toArray();
    if (slice.length === 0) return;
    after = slice[slice.length - 1]!.date;
    const out: CalendarShardV9[] = [];
    for (const day of slice) {
      // A day's items are in display order; each shard keeps that order by filtering it.
      const byShard = new Map<number, CalendarItemV9[]>();
      for (const it of day.items) {
        const s = shardOf(it.dossierId);
        const list = byShard.get(s);
        if (list) list.push(it);
        else byShard.set(s, [it]);
      }
      for (const [shard, items] of byShard) out.push({ date: day.date, shard, items, dossiers: new Set(items.map((i) => i.dossierId)).size });
    }
    await shards.bulkPut(out);
  }
}

export const v9: Migration = {
  version: 9,
  stores: { calendarShards: '[date+shard]' },
  upgrade: (tx) => shardCalendarDays(tx),
};
