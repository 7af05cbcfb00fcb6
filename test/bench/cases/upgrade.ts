/**
 * Opening a stored binder of the previous schema version at full size, as the app does
 * when it starts after an update: `upgradeMs` until the database is at today's version,
 * and `upgradeUiMaxTaskMs`, the longest task the window's thread ran meanwhile (the
 * upgrade runs in a worker; the window only shows its notice).
 *
 * The previous version (6) is built here with raw table operations, frozen: its stores as
 * version 6 declared them, holding a copy of the seeded binder, and the steps table that
 * version 6 still kept beside the papers (a binder upgraded through it holds every step there).
 */
import Dexie, { type IndexableType, type Table } from 'dexie';
import { settle, type BenchCase } from '../bench-case';
import { createDb, type TicklerDb } from '../../../renderer/data/db';
import { upgradeDatabase } from '../../../renderer/workers/db-upgrade-client';

/** Version 6's stores, exactly as it declared them (with those versions 1-5 kept). */
const V6_STORES = {
  dossiers: 'id, fileKey, owner, company, updatedAt, lastContactAt',
  papers: 'dossierId, *openKeys',
  wordBuckets: '[prefix+seq]',
  steps: 'id, dossierId, date, month',
  folderCounts: 'key',
  calendarDays: 'date',
  kv: 'key',
  snapshots: 'id, createdAt',
};

const COPIED = ['dossiers', 'papers', 'wordBuckets', 'folderCounts', 'calendarDays', 'kv'] as const;
const BATCH = 2000;

/** Copies every value of the seeded binder into a version 6 database named `name`. */
async function buildV6(from: TicklerDb, name: string, log: (m: string) => void): Promise<number> {
  const v6 = new Dexie(name);
  v6.version(6).stores(V6_STORES);
  await v6.open();
  let values = 0;
  for (const store of COPIED) {
    const source = from.table(store) as Table<unknown, IndexableType>;
    const target = v6.table(store);
    let last: IndexableType | undefined;
    for (;;) {
      const range = last === undefined ? source.toCollection() : source.where(':id').above(last);
      const keys = await range.limit(BATCH).primaryKeys();
      if (keys.length === 0) break;
      const rows = await source.bulkGet(keys);
      const steps = store === 'papers' ? rows.flatMap((p) => (p as { steps: unknown[] }).steps) : [];
      await v6.transaction('rw', [target, v6.table('steps')], () => Promise.all([target.bulkPut(rows), v6.table('steps').bulkPut(steps)]));
      values += rows.length + steps.length;
      last = keys[keys.length - 1];
    }
    log(`upgrade: version 6 binder: ${store} copied (${values} values so far)`);
  }
  v6.close();
  return values;
}

const upgradeCase: BenchCase = {
  name: 'upgrade',
  goals: { upgradeMs: 30_000, upgradeUiMaxTaskMs: 100 },
  async run(ctx) {
    const name = `tickler-bench-v6-${Date.now()}`;
    try {
      const t0 = performance.now();
      const values = await buildV6(ctx.db, name, ctx.log);
      ctx.log(`upgrade: built a version 6 binder of ${values} values in ${Math.round((performance.now() - t0) / 1000)} s`);
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
