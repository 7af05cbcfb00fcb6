/**
 * Schema version 9: each calendar day's value is split into 16 shards by dossier, keyed
 * [date, shard], so a change rewrites the sixteenth of a day that holds its dossier's
 * items instead of the whole day (1,000 items and more on a busy binder). A shard stores
 * its items as columns (the n-th item is the n-th of each column), which the structured
 * clone reads several times faster than an object per item; a text column is its values
 * joined by U+001F into one string (a list only when a value holds that character). The items are moved from the
 * day values as they are, in their order: nothing is derived again. Version 10 drops the
 * day values.
 */
import type { Table } from 'dexie';
import type { Migration } from './migration';
import type { UpgradeTx } from './raw-tables';

interface CalendarItemV8 {
  id: string;
  dossierId: string;
  company: string;
  kind: string;
  title: string;
  date: string;
  time: string;
  durationMin: number;
  remindMin: number;
}
interface CalendarDayV8 {
  date: string;
  items: CalendarItemV8[];
  dossierIds: string[];
}
type TextColumnV9 = string | string[];
interface CalendarShardV9 {
  date: string;
  shard: number;
  count: number;
  ids: TextColumnV9;
  dossierIds: TextColumnV9;
  companies: TextColumnV9;
  kinds: TextColumnV9;
  titles: TextColumnV9;
  times: TextColumnV9;
  durations: number[];
  reminds: number[];
  dossiers: number;
}

const SHARDS = 16;

/** FNV-1a of the dossier id, modulo the shards (the product's shardOf, as version 9 defines it). */
function shardOf(dossierId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < dossierId.length; i++) h = Math.imul(h ^ dossierId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

const COLUMN_SEP = '\u001f';

function packColumn(values: string[]): TextColumnV9 {
  return values.some((v) => v.includes(COLUMN_SEP)) ? values : values.join(COLUMN_SEP);
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
      const byShard = new Map<number, CalendarItemV8[]>();
      for (const it of day.items) {
        const s = shardOf(it.dossierId);
        const list = byShard.get(s);
        if (list) list.push(it);
        else byShard.set(s, [it]);
      }
      for (const [shard, items] of byShard) {
        const text = (field: 'id' | 'dossierId' | 'company' | 'kind' | 'title' | 'time') => packColumn(items.map((i) => i[field]));
        const numbers = (field: 'durationMin' | 'remindMin') => items.map((i) => i[field]);
        out.push({
          date: day.date, shard, count: items.length,
          ids: text('id'), dossierIds: text('dossierId'), companies: text('company'), kinds: text('kind'), titles: text('title'), times: text('time'),
          durations: numbers('durationMin'), reminds: numbers('remindMin'),
          dossiers: new Set(items.map((i) => i.dossierId)).size,
        });
      }
    }
    await shards.bulkPut(out);
  }
}

export const v9: Migration = {
  version: 9,
  stores: { calendarShards: '[date+shard]' },
  upgrade: (tx) => shardCalendarDays(tx),
};
