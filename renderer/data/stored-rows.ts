/**
 * The shapes of what the database stores today (schema version 12), and the database's
 * type. Type-only and imports nothing of the data layer, so the schema (db.ts), the
 * repositories and the stores' helpers (papers.ts, calendar-days.ts, search-index.ts) all
 * depend on it and never on each other for a type. Earlier versions' shapes are frozen in
 * their migrations (migrations/), never here.
 */
import type { Dexie, EntityTable, Table } from 'dexie';
import type { Contact, Dossier, HistoryEntry, Invoice, Payment, Step, StepKind } from '../../shared/model/records';

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
  /** The days this dossier has items on in calendarShards: where a change must take them from. */
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
 * One shard of one day of the calendar, maintained like the folder counters: the items of
 * the dossiers that hash to it (calendar-days.ts, shardOf), in display order, and how many
 * distinct dossiers they belong to. A day is its shards together: a month is ~40 x 16
 * values, not thousands of steps and dossiers, and a change rewrites a sixteenth of a day.
 *
 * The items are stored as columns (the n-th item is the n-th of each column; every item's
 * date is the shard's): an object per item costs the structured clone its field names
 * and a shape each time, and a month of 10,000 items read two to four times slower so.
 * A text column is one string, its values joined by U+001F (a `TextColumn`): the clone
 * pays per string, and a month's read took about a third less time than with a string
 * per value. calendar-days.ts (itemsOf, shardValue) turns them into CalendarItems and back.
 */
export interface CalendarShard {
  date: string;
  shard: number;
  /** Items in the shard (at least one: an empty shard is deleted). */
  count: number;
  ids: TextColumn;
  dossierIds: TextColumn;
  companies: TextColumn;
  kinds: TextColumn;
  titles: TextColumn;
  times: TextColumn;
  durations: number[];
  reminds: number[];
  dossiers: number;
}

/**
 * A column of text values: joined by U+001F into one string, or, when a value itself
 * holds that character (a workbook may bring anything), the values as a list.
 */
export type TextColumn = string | string[];

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

/** Maintained count of active dossiers per folder key (day or month). */
export interface FolderCount {
  key: string;
  count: number;
}

/**
 * Small keyed state: the undo stack, exchange bookkeeping, fired reminders, … Read and
 * written only through kv-keys.ts, which names every key with its value's type.
 */
export interface KvRow {
  key: string;
  value: unknown;
}

/**
 * The snapshots table (pre-import copies, for one-click undo) holds two kinds of rows, so
 * the list never reads a copy's bytes: a listing, indexed by createdAt, and the copy itself
 * under the listing's id plus ':copy', with no createdAt, so outside the index the list
 * reads (snapshot-repo.ts). A listing from before stream copies holds its workbook in
 * `data` instead.
 */
export interface SnapshotListing {
  id: string;
  createdAt: string;
  label: string;
  /** Dossiers and bytes in the copy (absent on listings from before stream copies). */
  dossiers?: number;
  size?: number;
  data?: Uint8Array;
  /**
   * The settings' working calendar when the snapshot was taken (import-service.ts): an
   * import may add days off, and its undo puts these back. Not indexed: no schema change.
   */
  calendar?: SnapshotCalendar;
}

/** Days off and moved working days, as the settings hold them. */
export interface SnapshotCalendar {
  holidays: string[];
  extraWorkingDays: string[];
}
export interface SnapshotBytes {
  id: string;
  blob: Blob;
}
export type SnapshotRow = SnapshotListing | SnapshotBytes;

/** A fragment of the search index: see search-index.ts. */
export interface WordBucket {
  /** The first two characters of the words in it (or the whole word, if shorter). */
  prefix: string;
  /** The group (the words' third character) and whether it is the open head or a sealed fragment; '' and plain ids in binders filed before groups. See search-index.ts. */
  seq: string;
  entries: string[];
  /**
   * On a group's head only: the group's smallest entries in order, up to the one that
   * completes FIRST_IDS distinct dossiers (all of them in a smaller group). A three-letter
   * query reads this instead of the whole group. Missing on heads written before it was kept.
   */
  first?: string[];
}

export type WordBucketTable = Table<WordBucket, [string, string]>;

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
  /**
   * The dossier's fields the receivables screen shows and filters on, kept with the row so
   * that a page of the index needs no read of the dossiers (a third of the screen's time).
   * Maintained by receivables-index.ts when the dossier's row changes them. Missing on rows
   * indexed before it was kept: readers join those with the dossiers (receivables-index.ts,
   * dossiersOfRows), and they gain it when next re-indexed. No schema version fills it in:
   * rewriting 84,000 rows took 14 s of a 100,000-dossier upgrade (8 s without), for a
   * screen that reads those rows' dossiers as fast as it did before.
   */
  dossier?: ReceivableDossier;
}

/** What a receivables row carries of its dossier. */
export type ReceivableDossier = Pick<Dossier, 'company' | 'taxId' | 'owner' | 'segment' | 'vip'>;

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
  calendarShards: Table<CalendarShard, [string, number]>;
  wordBuckets: WordBucketTable;
  kv: EntityTable<KvRow, 'key'>;
  snapshots: Table<SnapshotRow, string>;
  receivables: EntityTable<ReceivableRow, 'id'>;
  receivableDays: EntityTable<ReceivableDay, 'dueOn'>;
};

