/**
 * A dossier's papers (db.papers, see DossierPapers in db.ts): its contacts, invoices,
 * planned steps and contact history as one stored value, like the papers inside a binder's
 * folder. Here: building them, putting a record in or taking it out, appending history
 * (append-only: an entry id already there is never replaced), the reads the repositories
 * need. (The schema upgrades that filed earlier versions' tables into the papers are in
 * migrations/v4-papers.ts and v6-steps-and-word-buckets.ts, frozen.)
 *
 * Why one value: Chromium's IndexedDB charges per record and per index entry, not per
 * byte. An import of 10,000 dossiers stored 53,525 values when contacts and invoices had
 * tables of their own, and its steps' table alone cost 2 s; a dossier is always read whole
 * (its card, its export, deriving its row).
 */
import type { Contact, HistoryEntry, Invoice, Payment, Step } from '../../shared/model/records';
import { stepKey } from '../../shared/model/filing';
import type { DossierPapers, TicklerDb } from './stored-rows';

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
