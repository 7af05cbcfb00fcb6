import Dexie, { type EntityTable } from 'dexie';
import type { Contact, Dossier, HistoryEntry, Invoice, Payment, Step, StepKind } from '../../shared/model/records';
import { buildCalendarDays } from './calendar-days';
import { fileIntoPapers, packHistory, PAPERS_V4, PAPERS_V6 } from './papers';
import { rebuildSearchIndex, type WordBucketTable } from './search-index';
import { rebuildReceivables } from './receivables-index';

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
  /**
   * Folded search words: company words, contact names, tax id, phone digits. Not indexed
   * here: the search index (search-index.ts) files them, and search checks its
   * candidates against these.
   */
  words: string[];
  /** The days this dossier has items on in calendarDays: where a change must take them from. */
  calendarDates?: string[];
}

/** A light, render-ready calendar item: an open dated step of an active dossier. */
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

/**
 * One day of the calendar, maintained like the folder counters: its items in display
 * order and the distinct dossiers among them. One stored value per day because IndexedDB
 * pays per record read: a month is ~40 values, not thousands of steps and dossiers.
 */
export interface CalendarDay {
  date: string;
  items: CalendarItem[];
  dossierIds: string[];
}

/**
 * A dossier's papers, stored as one value (see papers.ts): its contacts, its invoices, its
 * planned steps and its contact history, entries oldest first (by `at`, then id). They are
 * read per dossier, and IndexedDB costs per record, so one value per dossier instead of
 * one per contact, invoice, step and call makes imports and exports several times faster.
 * One index: the folders of the open steps (the month opening and the handover's period
 * find them by it). None over the history: the activity report finds it through the
 * dossiers' maintained lastContactAt, and an index entry per day would be rewritten on
 * every call.
 */
export interface DossierPapers {
  dossierId: string;
  contacts: Contact[];
  invoices: Invoice[];
  /** Payments against the invoices; absent in papers stored before version 8 (read them with paymentsOf). */
  payments?: Payment[];
  steps: Step[];
  /** The day and month keys of the open steps (maintained with them: openKeysOf). */
  openKeys: string[];
  history: HistoryEntry[];
}

/** Schema versions 2-3 only: a dossier's history before it joined the papers. */
export interface HistoryLog {
  dossierId: string;
  entries: HistoryEntry[];
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

/**
 * One open invoice, maintained from the papers (receivables-index.ts) so that the
 * receivables screen reads a page of an index instead of 300,000 invoices.
 */
export interface ReceivableRow {
  /** The invoice's id. */
  id: string;
  dossierId: string;
  number: string;
  currency: string;
  /** Open amount in cents (amount less payments). */
  openCents: number;
  dueOn: string;
  /** The day its payment step is filed under ('' when none is open: on hold). */
  reminderDay: string;
  ladderLevel: string;
  held: boolean;
}

/** Open cents per currency of the invoices due on one day: the ageing buckets add up ~1,000 of these, not every invoice. */
export interface ReceivableDay {
  dueOn: string;
  cents: Record<string, number>;
  count: number;
}

export type TicklerDb = Dexie & {
  dossiers: EntityTable<DossierRow, 'id'>;
  papers: EntityTable<DossierPapers, 'dossierId'>;
  folderCounts: EntityTable<FolderCount, 'key'>;
  calendarDays: EntityTable<CalendarDay, 'date'>;
  wordBuckets: WordBucketTable;
  kv: EntityTable<KvRow, 'key'>;
  snapshots: EntityTable<SnapshotRow, 'id'>;
  receivables: EntityTable<ReceivableRow, 'id'>;
  receivableDays: EntityTable<ReceivableDay, 'dueOn'>;
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
  // v2: the calendar's day values and the history as one log per dossier; v3 drops the
  // old per-entry history table (Dexie needs it alive during the upgrade that copies it).
  db.version(2)
    .stores({ calendarDays: 'date', historyLogs: 'dossierId' })
    .upgrade(async (tx) => {
      await packHistory(tx);
      // Version 1's steps table, kept until version 7.
      await buildCalendarDays(tx, await tx.table('steps').where('date').above('').toArray());
    });
  db.version(3).stores({ history: null });
  // v4: contacts, invoices and history logs become one value per dossier (its papers);
  // v5 drops the old tables.
  db.version(4).stores({ papers: 'dossierId' }).upgrade((tx) => fileIntoPapers(tx, PAPERS_V4));
  db.version(5).stores({ contacts: null, invoices: null, historyLogs: null });
  // v6: the search words move from a multiEntry index (an entry per word per dossier) to
  // word buckets (search-index.ts); the steps join the papers, which get an index of their
  // folders; the status index goes (an active dossier is one with a fileKey). v7 drops the
  // steps table.
  db.version(6)
    .stores({ dossiers: 'id, fileKey, owner, company, updatedAt, lastContactAt', papers: 'dossierId, *openKeys', wordBuckets: '[prefix+seq]' })
    .upgrade(async (tx) => {
      await fileIntoPapers(tx, PAPERS_V6);
      await rebuildSearchIndex(tx.table('dossiers'), tx.table('wordBuckets'));
    });
  db.version(7).stores({ steps: null });
  // v8: the receivables index (one row per open invoice, by due date and dossier) and the
  // open amounts per due day, filled from the papers.
  db.version(8)
    .stores({ receivables: 'id, dossierId, dueOn', receivableDays: 'dueOn' })
    .upgrade((tx) => rebuildReceivables(tx));
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
