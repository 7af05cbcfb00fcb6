/**
 * A dossier's contact history as one stored value (db.historyLogs, see HistoryLog in
 * db.ts): building and appending (append-only: an entry id already logged is never
 * replaced), the reads the repositories need, and the one-time migration from the
 * per-entry table of schema version 1.
 */
import type { Table } from 'dexie';
import type { HistoryEntry } from '../../shared/model/records';
import type { HistoryLog, TicklerDb } from './db';
import { groupByDossier } from './group-by-dossier';

function byTime(a: HistoryEntry, b: HistoryEntry): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The log of `entries` (all of one dossier), sorted. */
export function logOf(dossierId: string, entries: HistoryEntry[]): HistoryLog {
  entries.sort(byTime);
  return { dossierId, entries };
}

/** `log` with `entries` appended, skipping ids it already holds; `added` are the ones taken. */
export function appendToLog(log: HistoryLog | undefined, dossierId: string, entries: readonly HistoryEntry[]): { log: HistoryLog; added: HistoryEntry[] } {
  const known = new Set(log?.entries.map((e) => e.id));
  const added: HistoryEntry[] = [];
  for (const e of entries) {
    if (known.has(e.id)) continue;
    known.add(e.id);
    added.push(e);
  }
  return { log: logOf(dossierId, [...(log?.entries ?? []), ...added]), added };
}

/** Takes one entry out of a dossier's log (undo of logging it); an emptied log is deleted. */
export async function removeFromLog(db: TicklerDb, dossierId: string, entryId: string): Promise<void> {
  const log = await db.historyLogs.get(dossierId);
  if (!log) return;
  const entries = log.entries.filter((e) => e.id !== entryId);
  if (entries.length === 0) await db.historyLogs.delete(dossierId);
  else await db.historyLogs.put(logOf(dossierId, entries));
}

/** A dossier's history, oldest first. */
export async function historyOf(db: TicklerDb, dossierId: string): Promise<HistoryEntry[]> {
  return (await db.historyLogs.get(dossierId))?.entries ?? [];
}

/** Every stored history entry (the whole portfolio's export). */
export async function allHistory(db: TicklerDb): Promise<HistoryEntry[]> {
  return (await db.historyLogs.toArray()).flatMap((l) => l.entries);
}

/** Schema v1 -> v2: the per-entry history table copied into one log per dossier, in slices. */
export async function packHistory(tx: { table(name: string): Table }): Promise<void> {
  const source = tx.table('history') as Table<HistoryEntry, string>;
  const logs = tx.table('historyLogs') as Table<HistoryLog, string>;
  const SLICE = 50_000;
  let after: string | undefined;
  for (;;) {
    // By primary key, a slice at a time, so a million entries never sit in memory at once;
    // a dossier's entries may span slices, hence the read-merge-write of its log.
    const slice = await (after === undefined ? source.orderBy(':id') : source.where(':id').above(after)).limit(SLICE).toArray();
    if (slice.length === 0) return;
    after = slice[slice.length - 1]!.id;
    const grouped = groupByDossier(slice);
    const ids = [...grouped.keys()];
    const stored = await logs.bulkGet(ids);
    await logs.bulkPut(ids.map((id, i) => appendToLog(stored[i], id, grouped.get(id)!).log));
  }
}
