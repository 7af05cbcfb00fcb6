/**
 * The binder as a whole, for the start-up and the recovery screen: whether it exists,
 * opening it (with its schema upgrade), replacing a damaged one, and its identity: a
 * random id in its kv, matched against the marker kept outside IndexedDB
 * (shared/model/binder-marker.ts), and the dossier count the marker remembers.
 */
import { upgradeDatabase } from '../workers/db-upgrade-client';
import { newId, nowIso } from '../../shared/model/ids';
import type { BinderMarker, BinderState } from '../../shared/model/binder-marker';
import Dexie from 'dexie';
import { getDb, needsUpgrade, type TicklerDb } from './db';
import { getKv, putKv } from './kv-keys';

/** Dossiers stored, archived ones included: what the marker and the first-run guard compare. */
export function storedDossierCount(db: TicklerDb = getDb()): Promise<number> {
  return db.dossiers.count();
}

export async function readBinderState(db: TicklerDb = getDb()): Promise<BinderState> {
  const [id, dossiers] = await Promise.all([getKv(db, 'binder.id'), db.dossiers.count()]);
  return { binderId: typeof id === 'string' ? id : undefined, dossiers };
}

/** The id, created on the first start with this feature (or of a new database). */
export async function ensureBinderId(db: TicklerDb = getDb()): Promise<string> {
  return db.transaction('rw', db.kv, async () => {
    const id = await getKv(db, 'binder.id');
    if (typeof id === 'string' && id) return id;
    const fresh = newId();
    await putKv(db, 'binder.id', fresh);
    return fresh;
  });
}

/** The open binder's identity (created if it has none yet) and its dossier count: what a chosen binder's marker says. */
export async function openBinderIdentity(db: TicklerDb = getDb()): Promise<{ binderId: string; dossiers: number }> {
  const binderId = await ensureBinderId(db);
  return { binderId, dossiers: await storedDossierCount(db) };
}

export function markerOf(binderId: string, dossiers: number): BinderMarker {
  return { binderId, dossiers, updatedAt: nowIso() };
}

/** Whether the binder's database exists: asked before opening, which creates an empty one where there was none. */
export function binderExists(): Promise<boolean> {
  return Dexie.exists(getDb().name);
}

/** Whether opening the binder runs a schema upgrade (tens of seconds on a large binder): the app says so meanwhile. */
export function binderNeedsUpgrade(): Promise<boolean> {
  return needsUpgrade(getDb().name);
}

/** Opens the binder, upgrading its schema if it is older. */
/** Runs a pending schema upgrade in a worker, so that the window stays responsive meanwhile. */
export async function upgradeBinder(): Promise<void> {
  await upgradeDatabase(getDb().name);
}

export async function openBinder(): Promise<void> {
  await getDb().open();
}

/** A database that cannot be opened cannot be written into: it goes, and an empty one takes its place. */
export async function replaceDamagedBinder(): Promise<void> {
  const db = getDb();
  db.close();
  await Dexie.delete(db.name);
  await db.open();
}
