/**
 * The database's identity: a random id in its kv, matched against the marker kept outside
 * IndexedDB (shared/model/binder-marker.ts), and the dossier count the marker remembers.
 */
import { newId, nowIso } from '../../shared/model/ids';
import type { BinderMarker, BinderState } from '../../shared/model/binder-marker';
import { getDb, type TicklerDb } from './db';
import { getKv, putKv } from './kv-keys';

/** Dossiers stored, archived ones included: what the marker and the first-run guard compare. */
export function storedDossierCount(db: TicklerDb = getDb()): Promise<number> {
  return db.dossiers.count();
}

export async function readBinderState(db: TicklerDb): Promise<BinderState> {
  const [id, dossiers] = await Promise.all([getKv(db, 'binder.id'), db.dossiers.count()]);
  return { binderId: typeof id === 'string' ? id : undefined, dossiers };
}

/** The id, created on the first start with this feature (or of a new database). */
export async function ensureBinderId(db: TicklerDb): Promise<string> {
  return db.transaction('rw', db.kv, async () => {
    const id = await getKv(db, 'binder.id');
    if (typeof id === 'string' && id) return id;
    const fresh = newId();
    await putKv(db, 'binder.id', fresh);
    return fresh;
  });
}

export function markerOf(binderId: string, dossiers: number): BinderMarker {
  return { binderId, dossiers, updatedAt: nowIso() };
}
