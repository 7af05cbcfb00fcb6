/**
 * A dossier's papers (db.papers, see DossierPapers in db.ts): its contacts, invoices and
 * contact history as one stored value, like the papers inside a binder's folder. Here:
 * building them, putting a record in or taking it out, appending history (append-only:
 * an entry id already there is never replaced), the reads the repositories need, and the
 * migrations from the per-record tables of earlier schema versions.
 *
 * Why one value: Chromium's IndexedDB charges per record and per index entry, not per
 * byte. An import of 10,000 dossiers stored 53,525 values when contacts and invoices had
 * tables of their own; and a dossier is always read whole (its card, its export).
 */
import type { Table } from 'dexie';
import type { Contact, HistoryEntry, Invoice } from '../../shared/model/records';
import type { DossierPapers, HistoryLog, TicklerDb } from './db';
import { groupByDossier } from './group-by-dossier';

/** The kinds of record filed in the papers, by their field there. */
export type PaperKind = 'contacts' | 'invoices';
type PaperRecord<K extends PaperKind> = DossierPapers[K][number];

export function emptyPapers(dossierId: string): DossierPapers {
  return { dossierId, contacts: [], invoices: [], history: [] };
}

export function isEmptyPapers(p: DossierPapers): boolean {
  return p.contacts.length === 0 && p.invoices.length === 0 && p.history.length === 0;
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
  const kept = (papers[kind] as PaperRecord<K>[]).filter((r) => !incoming.has(r.id));
  return { ...papers, [kind]: [...kept, ...incoming.values()] };
}

export function withoutRecord(papers: DossierPapers, kind: PaperKind, id: string): DossierPapers {
  return { ...papers, [kind]: (papers[kind] as { id: string }[]).filter((r) => r.id !== id) };
}

/** What a portfolio brings for one dossier, merged into its stored papers (or new ones). */
export function mergePapers(
  stored: DossierPapers | undefined,
  dossierId: string,
  incoming: { contacts?: readonly Contact[]; invoices?: readonly Invoice[]; history?: readonly HistoryEntry[] },
): DossierPapers {
  let p = stored ?? emptyPapers(dossierId);
  p = withRecords(p, 'contacts', incoming.contacts ?? []);
  p = withRecords(p, 'invoices', incoming.invoices ?? []);
  if (incoming.history?.length) p = { ...p, history: appendEntries(p.history, incoming.history).log };
  return p;
}

/** A dossier's papers as stored (empty ones if it has none). */
export async function papersOf(db: TicklerDb, dossierId: string): Promise<DossierPapers> {
  return (await db.papers.get(dossierId)) ?? emptyPapers(dossierId);
}

/** Every stored record of the papers (the whole portfolio's export). */
export async function allPaperRecords(db: TicklerDb): Promise<{ contacts: Contact[]; invoices: Invoice[]; history: HistoryEntry[] }> {
  const all = await db.papers.toArray();
  return { contacts: all.flatMap((p) => p.contacts), invoices: all.flatMap((p) => p.invoices), history: all.flatMap((p) => p.history) };
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

/**
 * Schema v3 -> v4: the history logs, contacts and invoices copied into the papers. The
 * dossier keys are walked in ranges of 5,000, each range's records read with one range
 * read per table, so every dossier's papers are written once and memory stays bounded.
 * The ranges cover every key: records of a dossier that no longer exists are kept too.
 */
export async function packPapers(tx: { table(name: string): Table }, RANGE = 5_000): Promise<void> {
  const table = <T>(name: string) => tx.table(name) as Table<T, string>;
  const papers = table<DossierPapers>('papers');
  let lo: string | undefined;
  for (;;) {
    const keys = (await (lo === undefined ? table('dossiers').orderBy(':id') : table('dossiers').where(':id').above(lo)).limit(RANGE).primaryKeys()) as string[];
    const hi = keys.length === RANGE ? keys[RANGE - 1] : undefined;
    const [logs, contacts, invoices] = await Promise.all([
      keyRange(table<HistoryLog>('historyLogs'), ':id', lo, hi),
      keyRange(table<Contact>('contacts'), 'dossierId', lo, hi),
      keyRange(table<Invoice>('invoices'), 'dossierId', lo, hi),
    ]);
    const logBy = new Map(logs.map((l) => [l.dossierId, l.entries]));
    const contactsBy = groupByDossier(contacts);
    const invoicesBy = groupByDossier(invoices);
    const ids = new Set([...logBy.keys(), ...contactsBy.keys(), ...invoicesBy.keys()]);
    await papers.bulkPut(
      [...ids].map((id) => ({ dossierId: id, contacts: contactsBy.get(id) ?? [], invoices: invoicesBy.get(id) ?? [], history: logBy.get(id) ?? [] })),
    );
    if (hi === undefined) return;
    lo = hi;
  }
}
