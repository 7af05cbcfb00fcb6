/**
 * The folder counters (db.folderCounts): active dossiers per file key, what the binder's
 * day and month folders show. Kept as deltas by every write (projections.ts) and
 * rebuilt from the rows' fileKey index for repair and checks.
 */
import type { DossierRow, FolderCount, TicklerDb } from './stored-rows';

/** Adds +1/-1 to per-folder deltas for a row moving from one key to another. */
export function addCountDelta(deltas: Map<string, number>, from: string | undefined, to: string | undefined): void {
  if (from === to) return;
  if (from !== undefined) deltas.set(from, (deltas.get(from) ?? 0) - 1);
  if (to !== undefined) deltas.set(to, (deltas.get(to) ?? 0) + 1);
}

/** Adds the deltas to the stored counters; a folder whose count reaches 0 is deleted. */
export async function applyCountDeltas(db: Pick<TicklerDb, 'folderCounts'>, deltas: Map<string, number>): Promise<void> {
  const keys = [...deltas].filter(([, d]) => d !== 0).map(([k]) => k);
  if (keys.length === 0) return;
  const current = await db.folderCounts.bulkGet(keys);
  const puts: FolderCount[] = [];
  const deletes: string[] = [];
  keys.forEach((key, i) => {
    const count = (current[i]?.count ?? 0) + deltas.get(key)!;
    if (count > 0) puts.push({ key, count });
    else deletes.push(key);
  });
  await Promise.all([db.folderCounts.bulkPut(puts), db.folderCounts.bulkDelete(deletes)]);
}

/** The counters computed from rows (no database): what the maintained ones must equal. */
export function folderCountsOf(rows: Iterable<Pick<DossierRow, 'fileKey'>>): FolderCount[] {
  const counts = new Map<string, number>();
  for (const { fileKey } of rows) if (fileKey !== undefined) counts.set(fileKey, (counts.get(fileKey) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The counters recounted from the fileKey index (reads keys only, not rows). */
export async function recountFolders(db: Pick<TicklerDb, 'dossiers'>): Promise<FolderCount[]> {
  const counts = new Map<string, number>();
  await db.dossiers.orderBy('fileKey').eachKey((k) => {
    const key = String(k);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return [...counts].map(([key, count]) => ({ key, count }));
}

/** Repair: the counters replaced by a recount. */
export async function rebuildFolderCounts(db: Pick<TicklerDb, 'dossiers' | 'folderCounts'>): Promise<void> {
  const counts = await recountFolders(db);
  await db.folderCounts.clear();
  await db.folderCounts.bulkPut(counts);
}
