/**
 * A dossier's papers (db.papers, see DossierPapers in db.ts): its contacts, invoices,
 * planned steps and contact history as one stored value, like the papers inside a binder's
 * folder. Here: building them, putting a record in or taking it out, appending history
 * (append-only: an entry id already there is never replaced), the reads the repositories
 * need, and the migrations from the per-record tables of earlier schema versions.
 *
 * Why one value: Chromium's IndexedDB charges per record and per index entry, not per
 * byte. An import of 10,000 dossiers stored 53,525 values when contacts and invoices had
 * tables of their own, and its steps' table alone cost 2 s; a dossier is always read whole
 * (its card, its export, deriving its row).
 */
import type { Table } from 'dexie';
import type { Contact, HistoryEntry, Invoice, Payment, Step } from '../../shared/model/records';
import { stepKey } from '../../shared/model/filing';
import type { DossierPapers, HistoryLog, TicklerDb } from './db';
import { groupByDossier } from './group-by-dossier';

/** The kinds of record filed in the papers, by their field there. */
export type PaperKind = 'contacts' | 'invoices' | 'payments' | 'steps';
export type PaperRecord<K extends PaperKind> = NonNullable<DossierPapers[K]>[number];

export function emptyPapers(dossierId: string): DossierPapers {
  return { dossierId, contacts: [], invoices: [], payments: [], steps: [], openKeys: [], history: [] };
}

export function isEmptyPapers(p: DossierPapers): boolean {
  return p.contacts.length === 0 && p.invoices.length === 0 && paymentsOf(p).length === 0 && p.steps.length === 0 && p.history.length === 0;
}

/** The payments filed in the papers (papers stored before version 8 have none). */
export function paymentsOf(p: DossierPapers): Payment[] {
  return p.payments ?? [];
}

/** The folders the open steps are filed under (day and month keys): the papers' index. */
export function openKeysOf(steps: readonly Step[]): string[] {
  const keys = new Set<string>();
  for (const s of steps) {
    const key = s.done ? undefined : stepKey(s);
    if (key) keys.add(key);
  }
  return [...keys];
}

/** The papers with their steps replaced (and the index keys that follow from them). */
function withSteps(papers: DossierPapers, steps: Step[]): DossierPapers {
  return { ...papers, steps, openKeys: openKeysOf(steps) };
}

function byTime(a: HistoryEntry, b: HistoryEntry): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `log` with `entries` appended, skipping ids it already holds, oldest first; `added` are the ones taken. */
export function appendEntries(log: readonly HistoryEntry[], entries: readonly HistoryEntry[]): { log: HistoryEntry[]; added: HistoryEntry[] } {
  const known = new Set(log.map((e) => e.id));
  const added: HistoryEntry[] = [];
  for (const e of entries) {
    if (known.has(e.id)) continue;
    known.add(e.id);
    added.push(e);
  }
  return { log: added.length === 0 ? [...log] : [...log, ...added].sort(byTime), added };
}

/** The papers with `records` put in: same id replaced, new ones added. */
export function withRecords<K extends PaperKind>(papers: DossierPapers, kind: K, records: readonly PaperRecord<K>[]): DossierPapers {
  if (records.length === 0) return papers;
  const incoming = new Map(records.map((r) => [r.id, r]));
  const kept = ((papers[kind] ?? []) as PaperRecord<K>[]).filter((r) => !incoming.has(r.id));
  return withList(papers, kind, [...kept, ...incoming.values()]);
}

export function withoutRecord(papers: DossierPapers, kind: PaperKind, id: string): DossierPapers {
  return withList(papers, kind, ((papers[kind] ?? []) as PaperRecord<typeof kind>[]).filter((r) => r.id !== id));
}

function withList<K extends PaperKind>(papers: DossierPapers, kind: K, list: PaperRecord<K>[]): DossierPapers {
  return kind === 'steps' ? withSteps(papers, list as Step[]) : { ...papers, [kind]: list };
}

/** What a portfolio brings for one dossier, merged into its stored papers (or new ones). */
export function mergePapers(
  stored: DossierPapers | undefined,
  dossierId: string,
  incoming: { contacts?: readonly Contact[]; invoices?: readonly Invoice[]; payments?: readonly Payment[]; steps?: readonly Step[]; history?: readonly HistoryEntry[] },
): DossierPapers {
  let p = stored ?? emptyPapers(dossierId);
  p = withRecords(p, 'contacts', incoming.contacts ?? []);
  p = withRecords(p, 'invoices', incoming.invoices ?? []);
  p = withRecords(p, 'payments', incoming.payments ?? []);
  p = withRecords(p, 'steps', incoming.steps ?? []);
  if (incoming.history?.length) p = { ...p, history: appendEntries(p.history, incoming.history).log };
  return p;
}

/** A dossier's papers as stored (empty ones if it has none). */
export async function papersOf(db: TicklerDb, dossierId: string): Promise<DossierPapers> {
  return (await db.papers.get(dossierId)) ?? emptyPapers(dossierId);
}

export interface PaperRecords {
  contacts: Contact[];
  invoices: Invoice[];
  payments: Payment[];
  steps: Step[];
  history: HistoryEntry[];
}

/** The records filed in `papers`, by kind. */
export function recordsOf(papers: readonly (DossierPapers | undefined)[]): PaperRecords {
  const found = papers.filter((p) => p !== undefined);
  return {
    contacts: found.flatMap((p) => p.contacts),
    invoices: found.flatMap((p) => p.invoices),
    payments: found.flatMap(paymentsOf),
    steps: found.flatMap((p) => p.steps),
    history: found.flatMap((p) => p.history),
  };
}

/** Every stored record of the papers (the whole portfolio's export). */
export async function allPaperRecords(db: TicklerDb): Promise<PaperRecords> {
  return recordsOf(await db.papers.toArray());
}

/** Walks a table by primary key a slice at a time, so a million rows never sit in memory at once. */
async function eachSlice<T>(table: Table<T, string>, key: (row: T) => string, visit: (slice: T[]) => Promise<void>): Promise<void> {
  const SLICE = 50_000;
  let after: string | undefined;
  for (;;) {
    const slice = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(SLICE).toArray();
    if (slice.length === 0) return;
    after = key(slice[slice.length - 1]!);
    await visit(slice);
  }
}

/** Schema v1 -> v2: the per-entry history table copied into one log per dossier. */
export async function packHistory(tx: { table(name: string): Table }): Promise<void> {
  const logs = tx.table('historyLogs') as Table<HistoryLog, string>;
  await eachSlice(tx.table('history') as Table<HistoryEntry, string>, (e) => e.id, async (slice) => {
    // A dossier's entries may span slices, hence the read-merge-write of its log.
    const grouped = groupByDossier(slice);
    const ids = [...grouped.keys()];
    const stored = await logs.bulkGet(ids);
    await logs.bulkPut(ids.map((id, i) => ({ dossierId: id, entries: appendEntries(stored[i]?.entries ?? [], grouped.get(id)!).log })));
  });
}

/** The part of an index between two keys: above `lo` (exclusive) up to `hi` (inclusive); open ends when undefined. */
function keyRange<T>(table: Table<T, string>, index: string, lo: string | undefined, hi: string | undefined): Promise<T[]> {
  const where = table.where(index);
  if (lo === undefined) return (hi === undefined ? where.aboveOrEqual('') : where.belowOrEqual(hi)).toArray();
  return (hi === undefined ? where.above(lo) : where.between(lo, hi, false, true)).toArray();
}

/** A table of earlier schema versions whose records move into the papers. */
interface PaperSource {
  table: string;
  /** Its index by dossier id (':id' when that is its key). */
  index: string;
  file(papers: DossierPapers, records: never[]): DossierPapers;
}

const LOGS: PaperSource = { table: 'historyLogs', index: ':id', file: (p, logs: HistoryLog[]) => ({ ...p, history: logs[0]!.entries }) };
const recordsOfKind = (kind: PaperKind, table: string): PaperSource => ({ table, index: 'dossierId', file: (p, recs) => withRecords(p, kind, recs) });

/** Schema v3 -> v4: the history logs, contacts and invoices. */
export const PAPERS_V4 = [LOGS, recordsOfKind('contacts', 'contacts'), recordsOfKind('invoices', 'invoices')];
/** Schema v5 -> v6: the steps. */
export const PAPERS_V6 = [recordsOfKind('steps', 'steps')];

/**
 * Schema upgrades: the records of per-record tables filed into the papers. The dossier keys
 * are walked in ranges of 5,000, each range's records read with one range read per table,
 * so every dossier's papers are written once and memory stays bounded. The ranges cover
 * every key: records of a dossier that no longer exists are kept too. Papers stored by an
 * earlier version get the fields this one added.
 */
export async function fileIntoPapers(tx: { table(name: string): Table }, sources: PaperSource[], RANGE = 5_000): Promise<void> {
  const table = <T>(name: string) => tx.table(name) as Table<T, string>;
  const papers = table<DossierPapers>('papers');
  let lo: string | undefined;
  for (;;) {
    const keys = (await (lo === undefined ? table('dossiers').orderBy(':id') : table('dossiers').where(':id').above(lo)).limit(RANGE).primaryKeys()) as string[];
    const hi = keys.length === RANGE ? keys[RANGE - 1] : undefined;
    const [stored, ...read] = await Promise.all([keyRange(papers, ':id', lo, hi), ...sources.map((src) => keyRange(table<{ dossierId: string }>(src.table), src.index, lo, hi))]);
    const filed = new Map(stored.map((p) => [p.dossierId, { ...emptyPapers(p.dossierId), ...p }]));
    sources.forEach((src, i) => {
      for (const [id, recs] of groupByDossier(read[i]!)) filed.set(id, src.file(filed.get(id) ?? emptyPapers(id), recs as never[]));
    });
    await papers.bulkPut([...filed.values()]);
    if (hi === undefined) return;
    lo = hi;
  }
}
