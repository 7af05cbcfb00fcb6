/**
 * Opening a stored binder of the previous schema version at full size, as the app does
 * when it starts after an update: `upgradeMs` until the database is at today's version,
 * and `upgradeUiMaxTaskMs`, the longest task the window's thread ran meanwhile (the
 * upgrade runs in a worker; the window only shows its notice).
 *
 * The previous version (7) is built here with raw table operations, frozen: its stores as
 * version 7 declared them, holding a copy of the seeded binder without the receivables
 * index, which version 8 builds from every dossier's papers on the way up.
 *
 * (Until version 8 this case built a version 6 binder with the steps table version 7
 * drops; upgrading such a binder two versions at once still works, and costs the drop of
 * its 560,000 steps on top: about 150 s at 100,000 dossiers.)
 */
import Dexie, { type IndexableType, type Table } from 'dexie';
import { settle, type BenchCase } from '../bench-case';
import { createDb, type TicklerDb } from '../../../renderer/data/db';
import { upgradeDatabase } from '../../../renderer/workers/db-upgrade-client';

/** Version 7's stores, exactly as it declared them (with those versions 1-6 kept). */
const V7_STORES = {
  dossiers: 'id, fileKey, owner, company, updatedAt, lastContactAt',
  papers: 'dossierId, *openKeys',
  wordBuckets: '[prefix+seq]',
  folderCounts: 'key',
  calendarDays: 'date',
  kv: 'key',
  snapshots: 'id, createdAt',
};

const COPIED = ['dossiers', 'papers', 'wordBuckets', 'folderCounts', 'calendarDays', 'kv'] as const;
const BATCH = 2000;

/** Copies every value of the seeded binder that version 7 held into a version 7 database named `name`. */
async function buildV7(from: TicklerDb, name: string, log: (m: string) => void): Promise<number> {
  const v7 = new Dexie(name);
  v7.version(7).stores(V7_STORES);
  await v7.open();
  let values = 0;
  for (const store of COPIED) {
    const source = from.table(store) as Table<unknown, IndexableType>;
    const target = v7.table(store);
    let last: IndexableType | undefined;
    for (;;) {
      const range = last === undefined ? source.toCollection() : source.where(':id').above(last);
      const keys = await range.limit(BATCH).primaryKeys();
      if (keys.length === 0) break;
      const rows = await source.bulkGet(keys);
      await target.bulkPut(rows);
      values += rows.length;
      last = keys[keys.length - 1];
    }
    log(`upgrade: version 7 binder: ${store} copied (${values} values so far)`);
  }
  v7.close();
  return values;
}

const upgradeCase: BenchCase = {
  name: 'upgrade',
  goals: { upgradeMs: 30_000, upgradeUiMaxTaskMs: 100 },
  async run(ctx) {
    const name = `tickler-bench-v7-${Date.now()}`;
    try {
      const t0 = performance.now();
      const values = await buildV7(ctx.db, name, ctx.log);
      ctx.log(`upgrade: built a version 7 binder of ${values} values in ${Math.round((performance.now() - t0) / 1000)} s`);
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
