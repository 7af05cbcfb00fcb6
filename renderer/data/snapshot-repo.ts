/**
 * Pre-import snapshots: whole-binder copies kept for one-click undo of an import or a
 * restore. A copy is a Blob (Chromium keeps a large one on disk, not in the page's
 * memory); its listing is a separate row (db.ts, SnapshotListing), so the Excel screen's
 * live list reads a few small rows however large the copies are.
 */
import { newId, nowIso } from '../../shared/model/ids';
import type { BinderCopy } from './backup-stream';
import { getDb, type SnapshotBytes, type SnapshotListing } from './db';

/** How many snapshots are kept (each is a whole-binder copy). */
export const SNAPSHOTS_KEPT = 5;

const BYTES_SUFFIX = ':copy';
const bytesId = (id: string) => id + BYTES_SUFFIX;

/** What a snapshot holds: a stream copy, or (written before them) a workbook. */
export type SnapshotContent = { kind: 'copy'; blob: Blob } | { kind: 'workbook'; data: Uint8Array };

/** Keeps a copy for undo; the oldest beyond SNAPSHOTS_KEPT go, bytes and listing together. */
export async function saveSnapshot(label: string, copy: BinderCopy): Promise<SnapshotListing> {
  const db = getDb();
  const listing: SnapshotListing = { id: newId(), createdAt: nowIso(), label, dossiers: copy.dossiers, size: copy.blob.size };
  await db.transaction('rw', db.snapshots, async () => {
    await db.snapshots.bulkAdd([listing, { id: bytesId(listing.id), blob: copy.blob } satisfies SnapshotBytes]);
    const old = (await db.snapshots.orderBy('createdAt').reverse().offset(SNAPSHOTS_KEPT).primaryKeys()) as string[];
    await db.snapshots.bulkDelete([...old, ...old.map(bytesId)]);
  });
  return listing;
}

export async function getSnapshot(id: string): Promise<SnapshotContent | undefined> {
  const db = getDb();
  const [listing, bytes] = (await db.snapshots.bulkGet([id, bytesId(id)])) as [SnapshotListing | undefined, SnapshotBytes | undefined];
  if (bytes) return { kind: 'copy', blob: bytes.blob };
  if (listing?.data) return { kind: 'workbook', data: listing.data };
  return undefined;
}

/** Snapshots newest first, without their bytes. */
export async function listSnapshots(): Promise<Omit<SnapshotListing, 'data'>[]> {
  const rows = (await getDb().snapshots.orderBy('createdAt').reverse().toArray()) as SnapshotListing[];
  return rows.map(({ id, createdAt, label, dossiers, size, data }) => ({ id, createdAt, label, dossiers, size: size ?? data?.byteLength }));
}
