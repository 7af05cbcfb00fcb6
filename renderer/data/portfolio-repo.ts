/**
 * The whole portfolio in and out of the database: reading a scope (for the workbook
 * export and the handover), bulk writing (import, demo, benchmark seeding), clearing, and
 * re-deriving every row and counter (repair).
 *
 * Bulk writing at 100k dossiers / 1M history entries: the portfolio is written dossier by
 * dossier in chunks; each chunk is ONE transaction holding the chunk's records, their
 * derived rows and the counter deltas, so whatever has been committed is consistent (no
 * dossier is ever stored without its row and count). Callers that need all-or-nothing
 * (an import) call writePortfolio inside their own transaction: Dexie then nests every
 * chunk in it and the whole write commits or rolls back at once.
 */
import Dexie, { type EntityTable } from 'dexie';
import { monthOf } from '../../shared/dates/calendar-day';
import { isMonthKey } from '../../shared/model/filing';
import type { Contact, Dossier, HistoryEntry, Invoice, Payment, Portfolio, Step } from '../../shared/model/records';
import { portfolioColumnsBuilder, type ColumnDossier, type PortfolioColumns } from '../../shared/portfolio/portfolio-columns';
import { calendarItemsOf } from './calendar-days';
import { getDb, type CalendarItem, type DossierPapers, type DossierRow, type TicklerDb } from './db';
import { groupByDossier } from './group-by-dossier';
import { clearUndo, deleteKv } from './kv-keys';
import { allPaperRecords, mergePapers, recordsOf } from './papers';
import { baseDossier, deriveRow } from './derive-row';
import { noProjectionChanges, noteReceivables, noteRow, rebuildProjections, writeProjections, type ProjectionChanges } from './projections';
import type { PortfolioScope } from './types';
import { allTables, assertFiled, deriveFromDb } from './write-context';
import { coveredIds, noteCovered } from './handback-repo';

/** Dossiers per transaction when bulk writing: large enough to amortize, small enough for memory. */
export const WRITE_CHUNK = 1000;

async function dossierIdsOf(db: TicklerDb, scope: PortfolioScope): Promise<string[] | 'all'> {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'owner':
      return (await db.dossiers.where('owner').equals(scope.owner).primaryKeys()) as string[];
    case 'ids':
      return scope.ids;
    case 'period': {
      // Due in the period: an open step on one of its days, or "sometime in" one of its months.
      // Month keys ('2026-12') sort before their days, so one index range holds both kinds.
      const [monthFrom, monthTo] = [monthOf(scope.from), monthOf(scope.to)];
      const due = (key: string) => (isMonthKey(key) ? key >= monthFrom && key <= monthTo : key >= scope.from && key <= scope.to);
      const found = new Set<string>();
      await db.papers
        .where('openKeys')
        .between(monthFrom, scope.to, true, true)
        .eachKey((key, cursor) => due(String(key)) && found.add(String(cursor.primaryKey)));
      const rows = await db.dossiers.bulkGet([...found]);
      return rows.filter((r) => r?.status === 'active').map((r) => r!.id);
    }
  }
}

/** A portfolio (records only, no derived fields) for a scope; the period scope carries full history. */
export async function readPortfolio(scope: PortfolioScope): Promise<Portfolio> {
  const db = getDb();
  return db.transaction('r', [db.dossiers, db.papers], async () => {
    const ids = await dossierIdsOf(db, scope);
    if (ids === 'all') {
      const [dossiers, papers] = await Promise.all([db.dossiers.toArray(), allPaperRecords(db)]);
      return { dossiers: dossiers.map(baseDossier), ...papers, holidays: [] };
    }
    const [rows, papers] = await Promise.all([db.dossiers.bulkGet(ids), db.papers.bulkGet(ids)]);
    const dossiers = rows.filter((r): r is DossierRow => r !== undefined).map(baseDossier);
    return { dossiers, ...recordsOf(papers), holidays: [] };
  });
}

/** Dossiers per read of readPortfolioColumns: a few hundred milliseconds of values each. */
export const COLUMNS_CHUNK = 2000;

export interface ColumnsReadOptions {
  /** Dossiers whose papers are read so far, of the binder's. */
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  chunk?: number;
}

/** A read of readPortfolioColumns stopped by its signal. */
export class ColumnsReadCancelled extends Error {
  override name = 'ColumnsReadCancelled';
  constructor() {
    super('the portfolio read was cancelled');
  }
}

/** The next `limit` values of a table after the key `after`, in key order, in a transaction of their own. */
function pageAfter<T, K extends keyof T>(db: TicklerDb, table: EntityTable<T, K>, after: string | undefined, limit: number): Promise<T[]> {
  return db.transaction('r', table, () => (after === undefined ? table.toCollection() : table.where(':id').above(after)).limit(limit).toArray());
}

/**
 * Visits a table's values page by page in key order, each page read in a transaction of
 * its own; the next page is asked for before `visit` handles the one at hand, so the
 * database reads while this thread works.
 */
async function eachPage<T, K extends keyof T>(db: TicklerDb, table: EntityTable<T, K>, keyOf: (value: T) => string, chunk: number, visit: (page: T[]) => void): Promise<void> {
  for (let page = await pageAfter(db, table, undefined, chunk); page.length > 0; ) {
    const next = page.length < chunk ? Promise.resolve([]) : pageAfter(db, table, keyOf(page.at(-1)!), chunk);
    visit(page);
    page = await next;
  }
}

/**
 * The whole binder as the portfolio screen's columns (shared/portfolio/portfolio-columns.ts):
 * the dossiers' fields first, then the papers page after page in key order, each page's
 * invoices and history turned into typed arrays as it arrives, so no more than a page of
 * record objects is ever held. Each page is a read transaction of its own: one read of the
 * whole binder would hold back every write to it (a refile in the window) for as long as
 * it runs. A write meanwhile wakes the screen's watch (watchPortfolio), which reads again.
 */
export async function readPortfolioColumns(opts: ColumnsReadOptions = {}, db = getDb()): Promise<PortfolioColumns> {
  const chunk = opts.chunk ?? COLUMNS_CHUNK;
  const check = () => {
    if (opts.signal?.aborted) throw new ColumnsReadCancelled();
  };
  const total = await db.papers.count();
  opts.onProgress?.(0, total);
  const dossiers: ColumnDossier[] = [];
  await eachPage(db, db.dossiers, (r) => r.id, chunk, (rows) => {
    for (const r of rows) dossiers.push({ id: r.id, company: r.company, owner: r.owner, territory: r.territory, industry: r.industry, okved: r.okved, segment: r.segment, annualRevenue: r.annualRevenue, headcount: r.headcount, createdAt: r.createdAt });
    check();
  });
  const builder = portfolioColumnsBuilder(dossiers);
  let done = 0;
  await eachPage(db, db.papers, (p) => p.dossierId, chunk, (papers) => {
    builder.addRecords(papers.flatMap((p) => p.invoices), papers.flatMap((p) => p.history));
    done += papers.length;
    opts.onProgress?.(Math.min(done, total), total);
    check();
  });
  return builder.finish();
}

/**
 * Calls `onChange` after every change to the binder's dossiers or papers, in this window
 * or another context (a worker's import, another window): Dexie reports each committed
 * write's tables. Returns the unsubscribe.
 */
export function watchPortfolio(onChange: () => void, db = getDb()): () => void {
  const prefixes = ['dossiers', 'papers'].map((t) => `idb://${db.name}/${t}/`);
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p)))) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}

interface Related {
  contacts: Map<string, Contact[]>;
  history: Map<string, HistoryEntry[]>;
  steps: Map<string, Step[]>;
  invoices: Map<string, Invoice[]>;
  payments: Map<string, Payment[]>;
}

/** What a bulk write does to each record before storing it (an import sets its sync base). */
export type PrepareRecord = <T extends { syncBase: string }>(rec: T) => T;

export interface WritePortfolioOptions {
  onProgress?(done: number, total: number): void;
  prepare?: PrepareRecord;
}

/** A chunk's share of the portfolio, each record prepared. */
function chunkOf(ids: string[], incoming: Map<string, Dossier>, rel: Related, prepare: PrepareRecord = (r) => r): { incoming: Map<string, Dossier>; rel: Related } {
  const part = <T extends { syncBase: string }>(map: Map<string, T[]>): Map<string, T[]> => {
    const out = new Map<string, T[]>();
    for (const id of ids) {
      const recs = map.get(id);
      if (recs) out.set(id, recs.map(prepare));
    }
    return out;
  };
  const dossiers = new Map<string, Dossier>();
  for (const id of ids) {
    const d = incoming.get(id);
    if (d) dossiers.set(id, prepare(d));
  }
  return { incoming: dossiers, rel: { contacts: part(rel.contacts), history: part(rel.history), steps: part(rel.steps), invoices: part(rel.invoices), payments: part(rel.payments) } };
}

/**
 * The papers of a chunk with the portfolio's contacts, invoices and history merged in.
 * Only a stored dossier can have stored papers, so new dossiers' papers are built without
 * reading anything.
 */
async function mergeChunkPapers(db: TicklerDb, ids: string[], existing: (DossierRow | undefined)[], rel: Related): Promise<Map<string, DossierPapers>> {
  const touched = ids.filter((id) => rel.contacts.has(id) || rel.invoices.has(id) || rel.payments.has(id) || rel.steps.has(id) || rel.history.has(id));
  const stored = new Set(ids.filter((_, i) => existing[i] !== undefined));
  const readIds = touched.filter((id) => stored.has(id));
  const read = new Map((await db.papers.bulkGet(readIds)).map((p, i) => [readIds[i]!, p]));
  return new Map(
    touched.map((id) => [id, mergePapers(read.get(id), id, { contacts: rel.contacts.get(id), invoices: rel.invoices.get(id), payments: rel.payments.get(id), steps: rel.steps.get(id), history: rel.history.get(id) })]),
  );
}

/**
 * One chunk: reads what it needs, derives its rows and issues their writes. Resolves once
 * the writes are issued, with their completion, so the caller can prepare the next chunk
 * while the database works. Its projection changes are added to `later` for the caller
 * to store, or stored with the chunk.
 */
async function writeChunk(db: TicklerDb, ids: string[], all: { incoming: Map<string, Dossier>; rel: Related }, stored: Set<string>, prepare: PrepareRecord | undefined, later?: ProjectionChanges): Promise<{ done: Promise<void> }> {
  const { incoming, rel } = chunkOf(ids, all.incoming, all.rel, prepare);
  // Only dossiers known to be stored are read (a lookup per id is what IndexedDB charges for).
  const known = ids.filter((id) => stored.has(id));
  const found = new Map((await db.dossiers.bulkGet(known)).filter((r) => r !== undefined).map((r) => [r.id, r]));
  const existing = ids.map((id) => found.get(id));
  const papers = await mergeChunkPapers(db, ids, existing, rel);
  const rows: DossierRow[] = [];
  const items: CalendarItem[] = [];
  const merged: Dossier[] = [];
  ids.forEach((id, i) => {
    const base = incoming.get(id) ?? existing[i];
    if (!base) return; // records of a dossier that is neither here nor stored: kept, not filed
    // A new dossier's records are all in the portfolio: derive in memory. A stored one
    // may have more (an import adds to it): derive from the database after the puts.
    if (existing[i]) merged.push(base);
    else {
      const steps = rel.steps.get(id) ?? [];
      // Its papers are sorted: a new dossier's last contact is its last entry.
      const row = deriveRow(base, steps, rel.contacts.get(id) ?? [], papers.get(id)?.history.at(-1));
      assertFiled(row);
      rows.push(row);
      items.push(...calendarItemsOf(base, steps));
    }
  });
  // Writes are issued without waiting for each other: the database works through them
  // (in order) while the rows are derived here.
  const writes: Promise<unknown>[] = [db.papers.bulkPut([...papers.values()])];
  markHandled(writes);
  if (merged.length > 0) {
    const derived = await deriveFromDb(db, merged, papers);
    derived.rows.forEach(assertFiled);
    rows.push(...derived.rows);
    items.push(...derived.items);
  }
  const before = new Map(existing.filter((r) => r !== undefined).map((r) => [r.id, r]));
  const changes = later ?? noProjectionChanges();
  const itemsOf = groupByDossier(items);
  for (const row of rows) noteRow(changes, row.id, before.get(row.id), row, itemsOf.get(row.id) ?? []);
  for (const [id, p] of papers) if (rel.invoices.has(id) || rel.payments.has(id) || rel.steps.has(id)) noteReceivables(changes, id, p);
  writes.push(db.dossiers.bulkPut(rows));
  if (!later) writes.push(...writeProjections(db, changes));
  const done = allWrites(writes);
  done.catch(() => undefined); // awaited by the caller; kept from surfacing as unhandled meanwhile
  return { done };
}

/**
 * Keeps writes in flight from surfacing as unhandled rejections if the chunk throws before
 * awaiting them (the transaction aborts and they fail with it); allWrites still sees them.
 */
function markHandled(writes: Promise<unknown>[]): void {
  for (const w of writes) w.catch(() => undefined);
}

/**
 * Writes issued together, settled: reports the failure that caused an abort, not a
 * sibling's AbortError. A Dexie promise, so that awaiting it later keeps the transaction
 * (a native one resolving in a later task would lose it, and Dexie commit early).
 */
function allWrites(writes: Promise<unknown>[]): Promise<void> {
  return Dexie.Promise.allSettled(writes).then((results) => {
    const failed = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as { name?: string });
    if (failed.length > 0) throw failed.find((e) => e?.name !== 'AbortError') ?? failed[0];
  });
}

/** Upserts a portfolio: records, every dossier's derived row and the folder counters. */
export async function writePortfolio(p: Portfolio, opts: WritePortfolioOptions = {}): Promise<void> {
  const db = getDb();
  const incoming = new Map(p.dossiers.map((d) => [d.id, baseDossier(d)]));
  const rel: Related = {
    contacts: groupByDossier(p.contacts),
    history: groupByDossier(p.history),
    steps: groupByDossier(p.steps),
    invoices: groupByDossier(p.invoices),
    payments: groupByDossier(p.payments ?? []),
  };
  // Records whose dossier is not in the portfolio belong to stored dossiers: their rows are refreshed too.
  const ids = [...new Set([...incoming.keys(), ...rel.contacts.keys(), ...rel.history.keys(), ...rel.steps.keys(), ...rel.invoices.keys(), ...rel.payments.keys()])];
  // An import is undone by its snapshot, not by the action stack: older prior records
  // would put pre-import records back over imported ones.
  await clearUndo(db);
  const covered = coveredIds(p.dossiers);
  if (covered.length > 0) await noteCovered(db, covered);
  // One key listing up front; a portfolio's ids are distinct, so no chunk adds one a later chunk reads.
  const stored = new Set((await db.dossiers.toCollection().primaryKeys()) as string[]);
  // Inside the caller's transaction (an import), chunk after chunk is prepared while the
  // database stores the one before, and their shared changes are stored once at the end.
  // Otherwise each chunk is a transaction of its own, committed with its shared changes.
  const inCallersTransaction = Boolean(Dexie.currentTransaction);
  const all = { incoming, rel };
  const shared = noProjectionChanges();
  let previous: Promise<void> = Promise.resolve();
  for (let i = 0; i < ids.length; i += WRITE_CHUNK) {
    const chunk = ids.slice(i, i + WRITE_CHUNK);
    if (inCallersTransaction) {
      // A sub-transaction returns a Dexie promise: awaiting a native one that resolves
      // after database events would lose the caller's transaction.
      const { done } = await db.transaction('rw', allTables(db), () => writeChunk(db, chunk, all, stored, opts.prepare, shared));
      await previous;
      previous = done;
    } else {
      await db.transaction('rw', allTables(db), async () => (await writeChunk(db, chunk, all, stored, opts.prepare)).done);
    }
    opts.onProgress?.(Math.min(i + WRITE_CHUNK, ids.length), ids.length);
  }
  await previous;
  if (inCallersTransaction) await allWrites(writeProjections(db, shared));
}

/** Empties the binder: every business record, the counters and the undo stack (snapshots stay). */
export async function clearAll(): Promise<void> {
  const db = getDb();
  await db.transaction('rw', allTables(db), async () => {
    await Promise.all(
      [db.dossiers, db.papers, db.folderCounts, db.calendarShards, db.wordBuckets, db.receivables, db.receivableDays].map((t) => t.clear()),
    );
    await Promise.all([clearUndo(db), deleteKv(db, 'handover.covered'), deleteKv(db, 'handover.handedBack')]);
  });
}

/** Recomputes every row from its records and rebuilds every projection (repair), in one transaction. */
export async function rebuildDerived(): Promise<void> {
  const db = getDb();
  await db.transaction('rw', allTables(db), async () => {
    const ids = (await db.dossiers.toCollection().primaryKeys()) as string[];
    for (let i = 0; i < ids.length; i += WRITE_CHUNK) {
      const rows = await db.dossiers.bulkGet(ids.slice(i, i + WRITE_CHUNK));
      await db.dossiers.bulkPut((await deriveFromDb(db, rows.filter((r) => r !== undefined).map(baseDossier))).rows);
    }
    await rebuildProjections(db);
  });
}
