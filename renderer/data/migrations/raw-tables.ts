/**
 * Raw table walks shared by released migrations (v2, v4, v6). Frozen like them: never
 * change what a function here does; a migration that needs something else gets a new
 * function. Nothing here knows a record shape beyond a key and a dossier id.
 */
import type { Table } from 'dexie';

/** What an upgrade transaction offers: its tables by name, whatever the version. */
export interface UpgradeTx {
  table(name: string): Table;
}

/** Records grouped by their dossier, in input order within each group. */
export function groupByDossier<T extends { dossierId: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const it of items) {
    const list = map.get(it.dossierId);
    if (list) list.push(it);
    else map.set(it.dossierId, [it]);
  }
  return map;
}

/** Walks a table by primary key a slice at a time, so a million rows never sit in memory at once. */
export async function eachSlice<T>(table: Table<T, string>, key: (row: T) => string, visit: (slice: T[]) => Promise<void>): Promise<void> {
  const SLICE = 50_000;
  let after: string | undefined;
  for (;;) {
    const slice = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(SLICE).toArray();
    if (slice.length === 0) return;
    after = key(slice[slice.length - 1]!);
    await visit(slice);
  }
}

/** The part of an index between two keys: above `lo` (exclusive) up to `hi` (inclusive); open ends when undefined. */
export function keyRange<T>(table: Table<T, string>, index: string, lo: string | undefined, hi: string | undefined): Promise<T[]> {
  const where = table.where(index);
  if (lo === undefined) return (hi === undefined ? where.aboveOrEqual('') : where.belowOrEqual(hi)).toArray();
  return (hi === undefined ? where.above(lo) : where.between(lo, hi, false, true)).toArray();
}

/**
 * Visits the dossier keys in ranges of `range` (the dossiers table's primary keys), with
 * each range's bounds: `lo` exclusive (undefined: from the start), `hi` inclusive
 * (undefined: to the end). The last range is open, so records keyed past the last dossier
 * (orphans) fall in it.
 */
export async function eachDossierRange(tx: UpgradeTx, range: number, visit: (lo: string | undefined, hi: string | undefined) => Promise<void>): Promise<void> {
  const dossiers = tx.table('dossiers') as Table<unknown, string>;
  let lo: string | undefined;
  for (;;) {
    const keys = (await (lo === undefined ? dossiers.orderBy(':id') : dossiers.where(':id').above(lo)).limit(range).primaryKeys()) as string[];
    const hi = keys.length === range ? keys[range - 1] : undefined;
    await visit(lo, hi);
    if (hi === undefined) return;
    lo = hi;
  }
}
