/**
 * Every change to business data runs through `runWrite`: one Dexie transaction that
 * applies the records, re-derives the touched dossiers' rows, updates the projections
 * (projections.ts) and (for undoable actions) pushes the records as they were before onto the persisted undo stack.
 * Either all of it is stored or none of it: a dossier can never be lost between folders.
 */
import type { Dossier, HistoryEntry, Step } from '../../shared/model/records';
import { calendarItemsOf } from './calendar-days';
import { getDb, type CalendarItem, type DossierPapers, type DossierRow, type TicklerDb } from './db';
import { appendEntries, emptyPapers, isEmptyPapers, papersOf, withoutRecord, withRecords, type PaperKind, type PaperRecord } from './papers';
import { baseDossier, deriveRow, type LastContact } from './derive-row';
import { pushUndo, undoStackKeys } from './kv-keys';
import { groupByDossier } from './group-by-dossier';
import { noProjectionChanges, noteReceivables, noteRow, writeProjections } from './projections';
import { DataError, type StepRef, type UndoAction, type UndoInfo } from './types';
import type { PriorRecord } from './undo-entry';
import { nowIso } from '../../shared/model/ids';

/** The records filed in the papers, one by one (history is appended, not put). */
export type RecordTable = PaperKind;

export const UNDO_DEPTH = 20;

export interface WriteCtx {
  db: TicklerDb;
  author: string;
  now: string;
  /** What this action changed, as it was before, in order (the undo entry's `priors`). */
  priors: PriorRecord[];
  /** `kind:id` of the records already remembered: only the first state before the action counts. */
  rememberedKeys: Set<string>;
  /** Dossiers whose rows must be re-derived before the transaction ends. */
  dirty: Set<string>;
  /** New base records of dossiers (null: delete), written by `finish` with derived fields. */
  pendingBase: Map<string, Dossier | null>;
  /**
   * Rows as stored when the action read them. Rows are written only by `finish`, so until
   * then these are the stored rows, and `finish` need not read them again.
   */
  rowsRead: Map<string, DossierRow>;
  /**
   * The papers the action read, changed here in memory; `finish` writes the changed ones
   * (one put per dossier however many contacts or calls the action touched).
   */
  papers: Map<string, DossierPapers>;
  /** The papers as stored when the action first read them: the calendar's before. */
  papersBefore: Map<string, DossierPapers>;
  papersChanged: Set<string>;
  /** Dossiers whose invoices, payments or payment steps changed: their receivables index rows are re-derived. */
  receivablesChanged: Set<string>;
  /** Set by an undoable action: its entry is pushed on the undo stack at commit. */
  undo?: UndoInfo;
}

export function undoable(ctx: WriteCtx, action: UndoAction, subject: string): UndoInfo {
  ctx.undo = { label: `${action}: ${subject}`, action, subject };
  return ctx.undo;
}

export function allTables(db: TicklerDb) {
  return [db.dossiers, db.papers, db.folderCounts, db.calendarShards, db.wordBuckets, db.kv, db.receivables, db.receivableDays];
}

function remember(ctx: WriteCtx, kind: PriorRecord['kind'], id: string, dossierId: string, before: unknown): void {
  const key = `${kind}:${id}`;
  if (ctx.rememberedKeys.has(key)) return;
  ctx.rememberedKeys.add(key);
  ctx.priors.push({ kind, id, dossierId, before: before ?? null });
}

/** The dossier's papers as this action sees them (read once, then kept in memory). */
async function papersFor(ctx: WriteCtx, dossierId: string): Promise<DossierPapers> {
  if (!ctx.papers.has(dossierId)) {
    const stored = await papersOf(ctx.db, dossierId);
    // Another call of this action may have read and changed them meanwhile: keep its version.
    if (!ctx.papers.has(dossierId)) {
      ctx.papers.set(dossierId, stored);
      ctx.papersBefore.set(dossierId, stored);
    }
  }
  return ctx.papers.get(dossierId)!;
}

/** Changes a dossier's papers; the change is applied to their latest version, so concurrent calls compose. */
async function changePapers(ctx: WriteCtx, dossierId: string, change: (p: DossierPapers) => DossierPapers): Promise<void> {
  await papersFor(ctx, dossierId);
  ctx.papers.set(dossierId, change(ctx.papers.get(dossierId)!));
  ctx.papersChanged.add(dossierId);
  ctx.dirty.add(dossierId);
}

/** Whether a change to this kind of record moves the receivables (a payment step's day is the reminder day shown). */
function touchesReceivables(table: RecordTable, rec: object): boolean {
  return table === 'invoices' || table === 'payments' || (table === 'steps' && (rec as { kind?: unknown }).kind === 'payment');
}

/** Stores a contact, step or invoice; `before` is its previous state (null if new). */
export async function putRecord<T extends { id: string; dossierId: string }>(
  ctx: WriteCtx,
  table: RecordTable,
  rec: T,
  before: T | null,
): Promise<void> {
  remember(ctx, table, rec.id, rec.dossierId, before);
  if (touchesReceivables(table, rec)) ctx.receivablesChanged.add(rec.dossierId);
  await changePapers(ctx, rec.dossierId, (p) => withRecords(p, table, [rec as never]));
}

export async function deleteRecord<T extends { id: string; dossierId: string }>(
  ctx: WriteCtx,
  table: RecordTable,
  rec: T,
): Promise<void> {
  remember(ctx, table, rec.id, rec.dossierId, rec);
  if (touchesReceivables(table, rec)) ctx.receivablesChanged.add(rec.dossierId);
  await changePapers(ctx, rec.dossierId, (p) => withoutRecord(p, table, rec.id));
}

/** A contact, invoice or step of the dossier as this action sees it. */
export async function paperRecord<K extends PaperKind>(ctx: WriteCtx, kind: K, dossierId: string, id: string): Promise<PaperRecord<K> | undefined> {
  return (((await papersFor(ctx, dossierId))[kind] ?? []) as PaperRecord<K>[]).find((r) => r.id === id);
}

/** Adds an entry to its dossier's history (append-only). */
export async function appendHistory(ctx: WriteCtx, entry: HistoryEntry): Promise<void> {
  remember(ctx, 'history', entry.id, entry.dossierId, null);
  await changePapers(ctx, entry.dossierId, (p) => ({ ...p, history: appendEntries(p.history, [entry]).log }));
}

/** Sets the dossier record (the card); its row is derived and written at the end. */
export function setDossier(ctx: WriteCtx, dossier: Dossier | null, id: string = dossier!.id): void {
  ctx.pendingBase.set(id, dossier === null ? null : baseDossier(dossier));
  ctx.dirty.add(id);
}

export async function requireRow(ctx: WriteCtx | { db: TicklerDb }, id: string): Promise<DossierRow> {
  const row = await ctx.db.dossiers.get(id);
  if (!row) throw new DataError(`Dossier ${id} not found`, 'not-found');
  if ('rowsRead' in ctx) ctx.rowsRead.set(id, row);
  return row;
}

/** A step named by its dossier and id, as this action sees it. */
export async function requireStep(ctx: WriteCtx, ref: StepRef): Promise<Step> {
  const step = await paperRecord(ctx, 'steps', ref.dossierId, ref.id);
  if (!step) throw new DataError(`Step ${ref.id} not found`, 'not-found');
  return step;
}

/** The dossier's steps as this action sees them (its own changes included). */
export async function stepsIn(ctx: WriteCtx, dossierId: string): Promise<Step[]> {
  return (await papersFor(ctx, dossierId)).steps;
}

/** What a dossier's records derive into: its stored row and its calendar items. */
export interface Derived {
  rows: DossierRow[];
  items: CalendarItem[];
}

/**
 * Rows and calendar items of `bases` from the steps and papers stored now (inside the
 * caller's transaction); `papers` already in hand (changed or just read) are not read again.
 */
export async function deriveFromDb(db: TicklerDb, bases: Dossier[], papers: ReadonlyMap<string, DossierPapers> = new Map()): Promise<Derived> {
  const unread = bases.map((d) => d.id).filter((id) => !papers.has(id));
  const read = await db.papers.bulkGet(unread);
  const fetched = new Map(unread.map((id, i) => [id, read[i]]));
  const papersOfBase = (id: string): DossierPapers => papers.get(id) ?? fetched.get(id) ?? emptyPapers(id);
  return {
    rows: bases.map((d) => {
      const p = papersOfBase(d.id);
      return deriveRow(d, p.steps, p.contacts, p.history.at(-1) as LastContact);
    }),
    items: bases.flatMap((d) => calendarItemsOf(d, papersOfBase(d.id).steps)),
  };
}

/** The binder's invariant: the only way out of the folders is archiving. */
export function assertFiled(row: DossierRow): void {
  if (row.status === 'active' && row.fileKey === undefined) {
    throw new DataError(`"${row.company}" would be left without a next step: plan one or archive the dossier`, 'unfiled');
  }
}

/**
 * Re-derives the rows of the dirty dossiers from the records now in the transaction and
 * updates every projection (counters, calendar, search, receivables) from the change.
 * `alongside` runs once the prior records are complete, its writes issued with the rows'.
 */
async function finish(ctx: WriteCtx, alongside: () => PromiseLike<void> | undefined): Promise<void> {
  const ids = [...ctx.dirty];
  if (ids.length === 0) return alongside();
  const { db } = ctx;
  const unread = ids.filter((id) => !ctx.rowsRead.has(id));
  const fetched = new Map((await db.dossiers.bulkGet(unread)).map((r, i) => [unread[i]!, r]));
  const current = ids.map((id) => ctx.rowsRead.get(id) ?? fetched.get(id));
  const bases: Dossier[] = [];
  const deletes: string[] = [];
  const changes = noProjectionChanges();
  ids.forEach((id, i) => {
    const before = current[i];
    // The record alone: undo re-derives the row, and the action's persisted undo entry
    // stays half the size without the derived fields and search words.
    remember(ctx, 'dossiers', id, id, before && baseDossier(before));
    const pending = ctx.pendingBase.get(id);
    const base = pending === undefined ? before : pending;
    if (base) bases.push(base);
    else if (before) {
      deletes.push(id);
      noteRow(changes, id, before, undefined, []);
    }
  });
  const beforeById = new Map(current.filter((r) => r !== undefined).map((r) => [r.id, r]));
  const { rows, items } = await deriveFromDb(db, bases, ctx.papers);
  const itemsOf = groupByDossier(items);
  for (const row of rows) {
    assertFiled(row);
    const before = beforeById.get(row.id);
    // With the papers as they were, the calendar knows the dossier's items before the change
    // and rewrites only the days where they differ (a refile leaves the days of its open
    // payment reminders alone, each a value of a thousand items on a big binder).
    const papersBefore = ctx.papersBefore.get(row.id);
    const itemsBefore = before && papersBefore ? calendarItemsOf(before, papersBefore.steps) : undefined;
    noteRow(changes, row.id, before, row, itemsOf.get(row.id) ?? [], itemsBefore);
  }
  // A deleted dossier's papers go with it; emptied papers are not kept.
  const gone = new Set(deletes);
  for (const id of deletes) ctx.receivablesChanged.add(id);
  for (const id of ctx.receivablesChanged) noteReceivables(changes, id, gone.has(id) ? undefined : ctx.papers.get(id));
  const papers = [...ctx.papersChanged].map((id) => ctx.papers.get(id)!);
  const keptPapers = papers.filter((p) => !gone.has(p.dossierId) && !isEmptyPapers(p));
  const droppedPapers = [...deletes, ...papers.filter((p) => !gone.has(p.dossierId) && isEmptyPapers(p)).map((p) => p.dossierId)];
  // Different tables (or keys): issued together, so the transaction pays one round trip, not seven.
  // The projections first: the database runs a transaction's requests in order, so their reads
  // (counters, calendar shards) come back before the row's and papers' puts are stored, and
  // their writes follow at once.
  await Promise.all([
    ...writeProjections(db, changes),
    db.dossiers.bulkPut(rows),
    db.dossiers.bulkDelete(deletes),
    db.papers.bulkPut(keptPapers),
    db.papers.bulkDelete(droppedPapers),
    alongside(),
  ]);
}

/**
 * Runs `fn` in one read-write transaction over every business table; if `fn` marks the
 * action `undoable`, its prior records go onto the undo stack in the same transaction.
 * Throwing inside rolls everything back.
 */
export async function runWrite<T>(author: string, fn: (ctx: WriteCtx) => Promise<T>): Promise<T> {
  const db = getDb();
  return db.transaction('rw', allTables(db), async () => {
    const ctx: WriteCtx = {
      db,
      author,
      now: nowIso(),
      priors: [],
      rememberedKeys: new Set(),
      dirty: new Set(),
      pendingBase: new Map(),
      rowsRead: new Map(),
      papers: new Map(),
      papersBefore: new Map(),
      papersChanged: new Set(),
      receivablesChanged: new Set(),
    };
    const result = await fn(ctx);
    // The undo stack's keys are read while the rows are derived, and the entry is written
    // with the rows (the priors are complete by then): no round trip of its own.
    const { undo } = ctx;
    const keys = undo ? undoStackKeys(db) : undefined;
    await finish(ctx, () => (undo && keys && ctx.priors.length > 0 ? pushUndo(db, keys, { ...undo, at: ctx.now, priors: ctx.priors }, UNDO_DEPTH) : undefined));
    return result;
  });
}

/** Undoing a creation: records added to the dossier since (a contact, a step) go with it. */
function deleteRelated(ctx: WriteCtx, dossierId: string): void {
  ctx.papers.set(dossierId, emptyPapers(dossierId));
  ctx.papersChanged.add(dossierId);
  ctx.receivablesChanged.add(dossierId);
}

/** Puts every prior record back (newest first) and re-derives the affected rows. */
export async function restorePriors(ctx: WriteCtx, priors: PriorRecord[]): Promise<void> {
  for (const prior of [...priors].reverse()) {
    if (prior.kind === 'dossiers') {
      setDossier(ctx, (prior.before as DossierRow | null) ?? null, prior.id);
      if (prior.before === null) deleteRelated(ctx, prior.id);
    } else if (prior.kind === 'history') {
      await changePapers(ctx, prior.dossierId, (p) => ({ ...p, history: p.history.filter((e) => e.id !== prior.id) }));
    } else {
      const kind = prior.kind;
      if (kind === 'invoices' || kind === 'payments' || kind === 'steps') ctx.receivablesChanged.add(prior.dossierId);
      await changePapers(ctx, prior.dossierId, (p) =>
        prior.before === null ? withoutRecord(p, kind, prior.id) : withRecords(p, kind, [prior.before as never]),
      );
    }
    ctx.dirty.add(prior.dossierId);
  }
}
