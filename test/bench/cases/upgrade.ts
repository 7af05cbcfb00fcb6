/**
 * Opening a stored binder of the previous schema version at full size, as the app does
 * when it starts after an update: `upgradeMs` until the database is at today's version,
 * and `upgradeUiMaxTaskMs`, the longest task the window's thread ran meanwhile (the
 * upgrade runs in a worker; the window only shows its notice).
 *
 * The previous version (8) is built here with raw table operations, frozen: its stores as
 * version 8 declared them, holding a copy of the seeded binder with the calendar as one
 * value per day, which versions 9 and 10 split into shards on the way up, and the undo
 * stack as one kv value, which version 12 splits into a value per action, and the
 * receivables rows without their dossier's fields, which no upgrade adds.
 *
 * (Until version 9 this case built a version 7 binder, without the receivables index
 * version 8 builds from every dossier's papers: about 43 s at 100,000 dossiers.)
 */
import Dexie, { type IndexableType, type Table } from 'dexie';
import { settle, type BenchCase } from '../bench-case';
import { createDb, type CalendarItem, type CalendarShard, type TicklerDb } from '../../../renderer/data/db';
import { storesAt } from '../../../renderer/data/migrations';
import { itemsOf } from '../../../renderer/data/calendar-days';
import { upgradeDatabase } from '../../../renderer/workers/db-upgrade-client';

/** Stores copied as they are: version 8 held them in today's shapes (kv's undo stack and the receivables' dossier fields aside). */
const COPIED = ['dossiers', 'papers', 'wordBuckets', 'folderCounts', 'kv', 'receivables', 'receivableDays'] as const;
const BATCH = 2000;

/** Version 8's calendar value of one day: every item in display order, the distinct dossiers in that order. */
function dayV8(date: string, items: CalendarItem[]): { date: string; items: CalendarItem[]; dossierIds: string[] } {
  items.sort((a, b) => (a.time !== b.time ? (a.time < b.time ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { date, items, dossierIds: [...new Set(items.map((i) => i.dossierId))] };
}

/** Copies every value of the seeded binder that version 8 held into a version 8 database named `name`. */
async function buildV8(from: TicklerDb, name: string, log: (m: string) => void): Promise<number> {
  const v8 = new Dexie(name);
  v8.version(8).stores(storesAt(8));
  await v8.open();
  let values = 0;
  for (const store of COPIED) {
    const source = from.table(store) as Table<unknown, IndexableType>;
    const target = v8.table(store);
    let last: IndexableType | undefined;
    for (;;) {
      const range = last === undefined ? source.toCollection() : source.where(':id').above(last);
      const keys = await range.limit(BATCH).primaryKeys();
      if (keys.length === 0) break;
      const rows = await source.bulkGet(keys);
      // Version 8's receivables rows carried no dossier fields (the screen reads those rows' dossiers).
      await target.bulkPut(store === 'receivables' ? rows.map((r) => Object.fromEntries(Object.entries(r as object).filter(([k]) => k !== 'dossier'))) : rows);
      values += rows.length;
      last = keys[keys.length - 1];
    }
    log(`upgrade: version 8 binder: ${store} copied (${values} values so far)`);
  }
  // Until version 12 the undo stack was one kv value, its entries oldest first.
  const undo = v8.table('kv').where('key').startsWith('undo:');
  const entries = (await undo.toArray()) as { value: unknown }[];
  await undo.delete();
  await v8.table('kv').put({ key: 'undo-stack', value: entries.map((e) => e.value) });
  // The shards joined back into one value per day. A page of shards may end inside a day:
  // that day is left for the next page, which starts with it.
  const shards = from.table('calendarShards') as Table<CalendarShard, [string, number]>;
  const PAGE = 64 * 16;
  let after: string | undefined;
  for (;;) {
    const page = await (after === undefined ? shards.toCollection() : shards.where(':id').above([after, Dexie.maxKey])).limit(PAGE).toArray();
    if (page.length === 0) break;
    const lastDate = page[page.length - 1]!.date;
    const whole = page.length < PAGE ? page : page.filter((s) => s.date !== lastDate);
    if (whole.length === 0) throw new Error(`upgrade: more than ${PAGE} shards on ${lastDate}`);
    const byDay = new Map<string, CalendarItem[]>();
    for (const sh of whole) byDay.set(sh.date, [...(byDay.get(sh.date) ?? []), ...itemsOf(sh)]);
    await v8.table('calendarDays').bulkPut([...byDay].map(([date, items]) => dayV8(date, items)));
    values += byDay.size;
    after = whole[whole.length - 1]!.date;
  }
  log(`upgrade: version 8 binder: calendarDays joined from the shards (${values} values in all)`);
  v8.close();
  return values;
}

const upgradeCase: BenchCase = {
  name: 'upgrade',
  goals: { upgradeMs: 30_000, upgradeUiMaxTaskMs: 100 },
  async run(ctx) {
    const name = `tickler-bench-v8-${Date.now()}`;
    try {
      const t0 = performance.now();
      const values = await buildV8(ctx.db, name, ctx.log);
      ctx.log(`upgrade: built a version 8 binder of ${values} values in ${Math.round((performance.now() - t0) / 1000)} s`);
      await settle();
      const watch = ctx.watchLongTasks();
      // As the app's start does (main.tsx): the upgrade in the worker, the window waiting.
      const upgradeMs = await ctx.time(() => upgradeDatabase(name));
      const upgradeUiMaxTaskMs = await watch.stop();
      const upgraded = createDb(name);
      await upgraded.open();
      const dossiers = await upgraded.dossiers.count();
      const version = upgraded.verno;
      upgraded.close();
      if (dossiers !== ctx.dossiers || version !== createDb(name).verno) throw new Error(`upgrade: ${dossiers} dossiers at version ${version}`);
      return { upgradeMs: Math.round(upgradeMs), upgradeUiMaxTaskMs: Math.round(upgradeUiMaxTaskMs), upgradeValues: values };
    } finally {
      await Dexie.delete(name);
    }
  },
};

export default upgradeCase;
