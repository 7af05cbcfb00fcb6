import Dexie from 'dexie';
import { MIGRATIONS } from './migrations';
import type { TicklerDb } from './stored-rows';

export type { CalendarItem, CalendarShard, DossierPapers, DossierRow, FolderCount, KvRow, ReceivableDay, ReceivableRow, SnapshotBytes, SnapshotListing, SnapshotRow, TicklerDb } from './stored-rows';

/**
 * The database with every schema version declared (migrations/, one file per version).
 * Never edit a released version: add a migration file with the new stores and an upgrade
 * that moves the rows, so existing data is kept.
 */
export function createDb(name = 'tickler'): TicklerDb {
  const db = new Dexie(name) as TicklerDb;
  for (const m of MIGRATIONS) {
    const version = db.version(m.version).stores(m.stores);
    if (m.upgrade) version.upgrade(m.upgrade);
  }
  return db;
}

/**
 * Whether the stored database is at an older schema version, so that opening it runs an
 * upgrade (tens of seconds for a binder of 100,000 dossiers): the app says so meanwhile.
 */
export async function needsUpgrade(name = 'tickler'): Promise<boolean> {
  // Opened without a schema, Dexie opens the database at the version it is stored at (and
  // fails, creating nothing, when there is none: a first start). Any failure here is left
  // for the app's own open to report: this check only chooses the message shown meanwhile.
  const stored = new Dexie(name);
  try {
    await stored.open();
    return stored.verno < createDb(name).verno;
  } catch {
    return false;
  } finally {
    stored.close();
  }
}

let current: TicklerDb | undefined;

/** The app's database (opened lazily). Tests and the benchmark use createDb with their own name. */
export function getDb(): TicklerDb {
  current ??= createDb();
  return current;
}

/** Points the app's repositories at another database (tests). */
export function setDb(db: TicklerDb): void {
  current = db;
}
