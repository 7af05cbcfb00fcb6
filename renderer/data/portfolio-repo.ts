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
import Dexie from 'dexie';
import { monthOf } from '../../shared/dates/calendar-day';
import type { Contact, Dossier, HistoryEntry, Invoice, Portfolio, Step } from '../../shared/model/records';
import { buildCalendarDays, calendarItemsOf, replaceCalendarItems } from './calendar-days';
import { getDb, type CalendarItem, type DossierPapers, type DossierRow, type TicklerDb } from './db';
import { groupByDossier } from './group-by-dossier';
import { allPaperRecords, mergePapers } from './papers';
import { addCountDelta, baseDossier, deriveRow } from './derive-row';
import { collectWords, fileWords, rebuildSearchIndex, type WordEntries } from './search-index';
import type { PortfolioScope } from './types';
import {
  allTables,
  applyCountDeltas,
  assertFiled,
  deriveFromDb,
  UNDO_KEY,
} from './write-context';

/** Dossiers per transaction when bulk writing: large enough to amortize, small enough for memory. */
export const WRITE_CHUNK = 1000;

export interface WritePortfolioOptions {
  onProgress?(done: number, total: number): void;
}

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
      const dated = await db.steps.where('date').between(scope.from, scope.to, true, true).filter((s) => !s.done).toArray();
      const monthly = await db.steps.where('month').between(monthOf(scope.from), monthOf(scope.to), true, true).filter((s) => !s.done).toArray();
      const ids = [...new Set([...dated, ...monthly].map((s) => s.dossierId))];
      const rows = await db.dossiers.bulkGet(ids);
      return rows.filter((r) => r?.status === 'active').map((r) => r!.id);
    }
  }
}

/** A portfolio (records only, no derived fields) for a scope; the period scope carries full history. */
export async function readPortfolio(scope: PortfolioScope): Promise<Portfolio> {
  const db = getDb();
  return db.transaction('r', [db.dossiers, db.papers, db.steps], async () => {
    const ids = await dossierIdsOf(db, scope);
    if (ids === 'all') {
      const [dossiers, papers, steps] = await Promise.all([db.dossiers.toArray(), allPaperRecords(db), db.steps.toArray()]);
      return { dossiers: dossiers.map(baseDossier), ...papers, steps, holidays: [] };
    }
    const [rows, papers, steps] = await Promise.all([
      db.dossiers.bulkGet(ids),
      db.papers.bulkGet(ids),
      db.steps.where('dossierId').anyOf(ids).toArray(),
    ]);
    const dossiers = rows.filter((r): r is DossierRow => r !== undefined).map(baseDossier);
    const found = papers.filter((p) => p !== undefined);
    return {
      dossiers,
      contacts: found.flatMap((p) => p.contacts),
      history: found.flatMap((p) => p.history),
      steps,
      invoices: found.flatMap((p) => p.invoices),
      holidays: [],
    };
  });
}

interface Related {
  contacts: Map<string, Contact[]>;
  history: Map<string, HistoryEntry[]>;
  steps: Map<string, Step[]>;
  invoices: Map<string, Invoice[]>;
}


function pick<T>(map: Map<string, T[]>, ids: string[]): T[] {
  return ids.flatMap((id) => map.get(id) ?? []);
}

/**
 * The papers of a chunk with the portfolio's contacts, invoices and history merged in.
 * Only a stored dossier can have stored papers, so new dossiers' papers are built without
 * reading anything.
 */
async function mergeChunkPapers(db: TicklerDb, ids: string[], existing: (DossierRow | undefined)[], rel: Related): Promise<Map<string, DossierPapers>> {
  const touched = ids.filter((id) => rel.contacts.has(id) || rel.invoices.has(id) || rel.history.has(id));
  const stored = new Set(ids.filter((_, i) => existing[i] !== undefined));
  const readIds = touched.filter((id) => stored.has(id));
  const read = new Map((await db.papers.bulkGet(readIds)).map((p, i) => [readIds[i]!, p]));
  return new Map(
    touched.map((id) => [id, mergePapers(read.get(id), id, { contacts: rel.contacts.get(id), invoices: rel.invoices.get(id), history: rel.history.get(id) })]),
  );
}

/**
 * One chunk: its records, derived rows, counter deltas and search words in one
 * transaction; or, given `laterWords`, its search words are added there for the caller to file.
 */
async function writeChunk(db: TicklerDb, ids: string[], incoming: Map<string, Dossier>, rel: Related, stored: Set<string>, laterWords?: WordEntries): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    // Only dossiers known to be stored are read (a lookup per id is what IndexedDB charges for).
    const known = ids.filter((id) => stored.has(id));
    const found = new Map((await db.dossiers.bulkGet(known)).filter((r) => r !== undefined).map((r) => [r.id, r]));
    const existing = ids.map((id) => found.get(id));
    const papers = await mergeChunkPapers(db, ids, existing, rel);
    const rows: DossierRow[] = [];
    const items: CalendarItem[] = [];
    const merged: Dossier[] = [];
    const changed: string[] = [];
    ids.forEach((id, i) => {
      const base = incoming.get(id) ?? existing[i];
      if (!base) return; // records of a dossier that is neither here nor stored: kept, not filed
      changed.push(id);
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
    const writes: Promise<unknown>[] = [db.papers.bulkPut([...papers.values()]), db.steps.bulkPut(pick(rel.steps, ids))];
    markHandled(writes);
    if (merged.length > 0) {
      const derived = await deriveFromDb(db, merged, papers);
      derived.rows.forEach(assertFiled);
      rows.push(...derived.rows);
      items.push(...derived.items);
    }
    const before = new Map(existing.filter((r) => r !== undefined).map((r) => [r.id, r]));
    const deltas = new Map<string, number>();
    const words = laterWords ?? new Map();
    for (const row of rows) {
      addCountDelta(deltas, before.get(row.id)?.fileKey, row.fileKey);
      collectWords(words, row, before.get(row.id));
    }
    writes.push(db.dossiers.bulkPut(rows), applyCountDeltas(db, deltas), replaceCalendarItems(db, changed, items, existing));
    if (!laterWords) writes.push(fileWords(db.wordBuckets, words));
  
    await allWrites(writes);
  });
}

/**
 * Keeps writes in flight from surfacing as unhandled rejections if the chunk throws before
 * awaiting them (the transaction aborts and they fail with it); allWrites still sees them.
 */
function markHandled(writes: Promise<unknown>[]): void {
  for (const w of writes) w.catch(() => undefined);
}

/** Awaits writes issued together; reports the failure that caused an abort, not a sibling's AbortError. */
async function allWrites(writes: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(writes)).filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as { name?: string });
  if (failed.length > 0) throw failed.find((e) => e?.name !== 'AbortError') ?? failed[0];
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
  };
  // Records whose dossier is not in the portfolio belong to stored dossiers: their rows are refreshed too.
  const ids = [...new Set([...incoming.keys(), ...rel.contacts.keys(), ...rel.history.keys(), ...rel.steps.keys(), ...rel.invoices.keys()])];
  // An import is undone by its snapshot, not by the action stack: older before-images
  // would put pre-import records back over imported ones.
  await db.kv.delete(UNDO_KEY);
  // One key listing up front; a portfolio's ids are distinct, so no chunk adds one a later chunk reads.
  const stored = new Set((await db.dossiers.toCollection().primaryKeys()) as string[]);
  // Inside the caller's transaction (an import) the words of every chunk are filed once at
  // the end, so each search bucket is written once, not once per chunk. Chunks committing
  // on their own file their words with them.
  const inCallersTransaction = Dexie.currentTransaction !== null;
  const words: WordEntries = new Map();
  for (let i = 0; i < ids.length; i += WRITE_CHUNK) {
    await writeChunk(db, ids.slice(i, i + WRITE_CHUNK), incoming, rel, stored, inCallersTransaction ? words : undefined);
    opts.onProgress?.(Math.min(i + WRITE_CHUNK, ids.length), ids.length);
  }
  await fileWords(db.wordBuckets, words);
}

/** Empties the binder: every business record, the counters and the undo stack (snapshots stay). */
export async function clearAll(): Promise<void> {
  const db = getDb();
  await db.transaction('rw', allTables(db), async () => {
    await Promise.all(
      [db.dossiers, db.papers, db.steps, db.folderCounts, db.calendarDays, db.wordBuckets].map((t) => t.clear()),
    );
    await db.kv.delete(UNDO_KEY);
  });
}

/** Recomputes every row from its records, recounts every folder and rebuilds the calendar (repair), in one transaction. */
export async function rebuildDerived(): Promise<void> {
  const db = getDb();
  await db.transaction('rw', allTables(db), async () => {
    const ids = (await db.dossiers.toCollection().primaryKeys()) as string[];
    for (let i = 0; i < ids.length; i += WRITE_CHUNK) {
      const rows = await db.dossiers.bulkGet(ids.slice(i, i + WRITE_CHUNK));
      await db.dossiers.bulkPut((await deriveFromDb(db, rows.filter((r) => r !== undefined).map(baseDossier))).rows);
    }
    await db.folderCounts.clear();
    await db.folderCounts.bulkPut(await recountFolders(db));
    await buildCalendarDays(db);
    await rebuildSearchIndex(db.dossiers, db.wordBuckets);
  });
}

/** Active dossiers per folder counted from the rows (what the maintained counters must equal). */
export async function recountFolders(db: TicklerDb = getDb()): Promise<{ key: string; count: number }[]> {
  const counts = new Map<string, number>();
  await db.dossiers.orderBy('fileKey').eachKey((k) => {
    const key = String(k);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return [...counts].map(([key, count]) => ({ key, count }));
}
