/**
 * The Excel sync's writes: applying an import plan, restoring a workbook backup, bulk
 * reassignment of owners (pre-import snapshots: snapshot-repo.ts). Each is one Dexie transaction: either
 * the whole import is stored or nothing is (a failure half-way leaves the DB as it was).
 */
import { withSyncBase } from '../../shared/merge/content-hash';
import { reassign, type CoverFields } from '../../shared/portfolio/handover';
import { recentRotationOf } from '../../shared/portfolio/team-prepare';
import type { HistoryEntry, Portfolio } from '../../shared/model/records';
import { getDb } from './db';
import { getKv, putKv } from './kv-keys';
import { clearAll, writePortfolio } from './portfolio-repo';
import { allTables, runWrite, setDossier, undoable } from './write-context';
import { baseDossier } from './derive-row';

export interface ApplyImportOptions {
  onProgress?: (done: number, total: number) => void;
}

export interface ApplyImportResult {
  dossiers: number;
  contacts: number;
  history: number;
  steps: number;
  invoices: number;
}

function tablesWithSnapshots() {
  const db = getDb();
  return [...allTables(db), db.snapshots];
}

/** Ids of the entries already logged for the dossiers of `entries` (only dossiers with papers are read). */
async function loggedEntryIds(entries: HistoryEntry[]): Promise<Set<string>> {
  const db = getDb();
  // One key listing instead of a lookup per dossier: most imported dossiers are new here.
  const filed = new Set(await db.papers.toCollection().primaryKeys());
  const ids = [...new Set(entries.map((h) => h.dossierId))].filter((id) => filed.has(id));
  const papers = await db.papers.bulkGet(ids);
  return new Set(papers.flatMap((p) => p?.history.map((e) => e.id) ?? []));
}

/**
 * Stores an import's changes (new and updated records) in one transaction. History is
 * append-only: an entry whose id already exists is never overwritten by an import.
 */
export async function applyImport(changes: Portfolio, opts: ApplyImportOptions = {}): Promise<ApplyImportResult> {
  const db = getDb();
  return db.transaction('rw', tablesWithSnapshots(), async () => {
    const known = await loggedEntryIds(changes.history);
    const p: Portfolio = { ...changes, history: changes.history.filter((h) => !known.has(h.id)) };
    // Stamped chunk by chunk as they are written, so hashing overlaps the database's work.
    await writePortfolio(p, { onProgress: opts.onProgress, prepare: withSyncBase });
    return {
      dossiers: p.dossiers.length,
      contacts: p.contacts.length,
      history: p.history.length,
      steps: p.steps.length,
      invoices: p.invoices.length,
    };
  });
}

/** Replaces the whole portfolio (undo of an import, restore of a backup) in one transaction. */
export async function replacePortfolio(p: Portfolio, opts: ApplyImportOptions = {}): Promise<void> {
  const db = getDb();
  await db.transaction('rw', tablesWithSnapshots(), async () => {
    await clearAll();
    await writePortfolio(p, { onProgress: opts.onProgress });
  });
}

export function getLastBackupAt(): Promise<string | undefined> {
  return getKv(getDb(), 'sync.lastBackupAt');
}

export function setLastBackupAt(at: string): Promise<void> {
  return putKv(getDb(), 'sync.lastBackupAt', at);
}

/** Whether the browser already reminded to back up on `day` (once a day is enough). */
export async function backupRemindedOn(day: string): Promise<boolean> {
  return (await getKv(getDb(), 'sync.backupRemindedOn')) === day;
}

export function rememberBackupReminder(day: string): Promise<void> {
  return putKv(getDb(), 'sync.backupRemindedOn', day);
}

/** The selection another screen hands to export (ids), kept in kv so a route can name it. */
export async function getExportSelection(): Promise<string[]> {
  return (await getKv(getDb(), 'sync.selection')) ?? [];
}

export function setExportSelection(ids: string[]): Promise<void> {
  return putKv(getDb(), 'sync.selection', ids);
}

/** Owners with their dossier counts (all statuses), for the reassignment and export pickers. */
export async function ownerCounts(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await getDb()
    .dossiers.orderBy('owner')
    .eachKey((k) => {
      const owner = String(k);
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
    });
  return counts;
}

/**
 * Moves every dossier of `from` to `to` (a rotation) as one undoable action: Ctrl+Z and the
 * toast's Undo both take it back through the undo stack, like any other change. Each dossier
 * keeps the owner it left in its owner history (`today` is the day written there) and any
 * cover ends. Returns the ids moved.
 */
export async function reassignOwner(from: string, to: string, author: string, today: string): Promise<string[]> {
  return reassignDossiers(await getDb().dossiers.where('owner').equals(from).primaryKeys(), to, author, today);
}

/** Permanently reassigns the given dossiers to `to` (one undoable action); those already `to`'s are left alone. */
export async function reassignDossiers(ids: string[], to: string, author: string, today: string): Promise<string[]> {
  return runWrite(author, async (ctx) => {
    const rows = await ctx.db.dossiers.bulkGet(ids);
    const moved: string[] = [];
    for (const row of rows) {
      if (!row || row.owner === to) continue;
      setDossier(ctx, { ...baseDossier(row), ...reassign(row, to, today), updatedAt: ctx.now, author });
      moved.push(row.id);
    }
    if (moved.length) undoable(ctx, 'reassign', String(moved.length));
    return moved;
  });
}

/**
 * The owner's side of a handover: the dossiers given to a colleague are marked with who holds
 * them and the leave (`handoverCover`'s home fields), so the binder shows "with Boris until
 * 12 Dec" until the return is imported. One undoable action.
 */
export async function markHandedOver(ids: string[], cover: CoverFields, author: string): Promise<number> {
  return runWrite(author, async (ctx) => {
    const rows = await ctx.db.dossiers.bulkGet(ids);
    let marked = 0;
    for (const row of rows) {
      if (!row) continue;
      setDossier(ctx, { ...baseDossier(row), ...cover, updatedAt: ctx.now, author });
      marked++;
    }
    if (marked) undoable(ctx, 'handover', String(marked));
    return marked;
  });
}

/**
 * The last rotation among dossiers about to be reassigned on `today` that were rotated less
 * than 12 months before (rotation at most once a year), with how many such dossiers there are.
 */
export async function recentRotation(ids: string[], today: string): Promise<{ lastRotation: string; count: number } | undefined> {
  return recentRotationOf(await getDb().dossiers.bulkGet(ids), today);
}

/** Ids of an owner's dossiers (all statuses), for the reassignment's warning. */
export function dossierIdsOf(owner: string): Promise<string[]> {
  return getDb().dossiers.where('owner').equals(owner).primaryKeys();
}

/** History entries logged between two days (inclusive, by the stored UTC instant), with companies. */
export async function activityBetween(from: string, to: string): Promise<{ entry: HistoryEntry; company: string }[]> {
  const db = getDb();
  // Instants are ISO strings: the day bounds widen by a day each side to cover any time zone;
  // the caller filters by the local day.
  const lo = shiftDay(from, -1);
  const hi = shiftDay(to, 2);
  // A dossier with an entry in the period was last contacted at or after its start, so the
  // maintained lastContactAt index names every dossier to read (no index over the papers).
  const rows = await db.dossiers.where('lastContactAt').aboveOrEqual(lo).toArray();
  const papers = await db.papers.bulkGet(rows.map((r) => r.id));
  return papers.flatMap((p, i) =>
    (p?.history ?? []).filter((e) => e.at >= lo && e.at < hi).map((entry) => ({ entry, company: rows[i]!.company })),
  );
}

function shiftDay(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const dt = new Date(Date.UTC(y!, m! - 1, d! + n));
  return dt.toISOString().slice(0, 10);
}
