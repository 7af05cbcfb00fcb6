import Dexie, { type EntityTable } from 'dexie';
import type { Contact, Dossier, HistoryEntry, Invoice, Step, StepKind } from '../../shared/model/records';

/**
 * A dossier as stored: the record plus fields derived from its steps, contacts and
 * history, so that the daily loop (today's folder, the binder, search) reads one table
 * through one index. The derived fields are maintained by the repositories in the same
 * transaction as the change that affects them, and never travel in a workbook.
 */
export interface DossierRow extends Dossier {
  /**
   * Where the dossier is filed: 'YYYY-MM-DD' (day folder) or 'YYYY-MM' (month folder),
   * the earliest open step. Undefined for archived dossiers, so they drop out of the index.
   */
  fileKey?: string;
  nextKind?: StepKind;
  nextTime?: string;
  nextTitle?: string;
  lastContactAt?: string;
  lastSummary?: string;
  primaryName?: string;
  primaryPhone?: string;
  /** Lower-cased search tokens: company words, contact names, tax id, phone digits. */
  words: string[];
}

/** Maintained count of active dossiers per folder key (day or month). */
export interface FolderCount {
  key: string;
  count: number;
}

/** Small keyed state: the undo stack, exchange bookkeeping, fired reminders, … */
export interface KvRow {
  key: string;
  value: unknown;
}

/** A whole-database snapshot (pre-import), for one-click undo of an import. */
export interface SnapshotRow {
  id: string;
  createdAt: string;
  label: string;
  data: Uint8Array;
}

export type TicklerDb = Dexie & {
  dossiers: EntityTable<DossierRow, 'id'>;
  contacts: EntityTable<Contact, 'id'>;
  history: EntityTable<HistoryEntry, 'id'>;
  steps: EntityTable<Step, 'id'>;
  invoices: EntityTable<Invoice, 'id'>;
  folderCounts: EntityTable<FolderCount, 'key'>;
  kv: EntityTable<KvRow, 'key'>;
  snapshots: EntityTable<SnapshotRow, 'id'>;
};

/**
 * Schema versions. Never edit a released version: add `db.version(n + 1)` with the new
 * stores and an `.upgrade()` that migrates the rows, so existing data is kept.
 */
export function createDb(name = 'tickler'): TicklerDb {
  const db = new Dexie(name) as TicklerDb;
  db.version(1).stores({
    // fileKey: the binder (today's folder is one range); *words: prefix search;
    // owner/company/updatedAt/lastContactAt/status: list filters and sorting.
    dossiers: 'id, fileKey, *words, owner, company, updatedAt, lastContactAt, status',
    contacts: 'id, dossierId',
    // No separate dossierId index: Dexie serves where('dossierId') from the compound
    // index's first part (a virtual index), and 1M history rows make every index costly.
    history: 'id, [dossierId+at], at',
    steps: 'id, dossierId, date, month',
    invoices: 'id, dossierId, dueOn',
    folderCounts: 'key',
    kv: 'key',
    snapshots: 'id, createdAt',
  });
  return db;
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
