/**
 * Every key of the small keyed store (db.kv) with the type of its value: the one place a
 * key is named, so a reader finds what is kept there and no caller casts an `unknown`.
 * A new key is a line in KvValues; values are whatever the structured clone stores.
 */
import { getDb } from './db';
import type { TicklerDb } from './stored-rows';
import type { UndoEntry } from './undo-entry';

export interface KvValues {
  /** The database's random identity, matched against the marker outside IndexedDB. */
  'binder.id': string;
  /** When the last backup (a workbook or a stream copy) was written (ISO instant). */
  'sync.lastBackupAt': string;
  /** The dossiers another screen handed to the export, for "export the current selection". */
  'sync.selection': string[];
  /** The day ('YYYY-MM-DD') the browser last reminded to back up. */
  'sync.backupRemindedOn': string;
  /** Ids of the covered dossiers the binder received (handback-repo.ts): where Today looks for hand-backs. */
  'handover.covered': string[];
  /** Dossier id -> the cover's last day, for the dossiers whose hand-back workbook was saved. */
  'handover.handedBack': Record<string, string>;
}

export type KvKey = keyof KvValues;

/*
 * Families of keys sharing a prefix, each with its own functions below: a fired reminder
 * per reminder key ('reminder:'), and an undoable action per entry of the undo stack
 * ('undo:' and a twelve-digit sequence number, so keys sort oldest first).
 */

/** Values of the reminder family: when the reminder fired. */
export interface FiredReminder {
  at: string;
}
const FIRED_PREFIX = 'reminder:';
const UNDO_PREFIX = 'undo:';

export async function getKv<K extends KvKey>(db: TicklerDb, key: K): Promise<KvValues[K] | undefined> {
  return (await db.kv.get(key))?.value as KvValues[K] | undefined;
}

export async function putKv<K extends KvKey>(db: TicklerDb, key: K, value: KvValues[K]): Promise<void> {
  await db.kv.put({ key, value });
}

export async function deleteKv(db: TicklerDb, key: KvKey): Promise<void> {
  await db.kv.delete(key);
}

/** The reminder keys recorded as fired. */
export async function firedReminderKeys(db: TicklerDb = getDb()): Promise<Set<string>> {
  const keys = await db.kv.where('key').startsWith(FIRED_PREFIX).primaryKeys();
  return new Set(keys.map((k) => String(k).slice(FIRED_PREFIX.length)));
}

/**
 * Records reminder keys as fired at `at` and returns only those no one recorded before
 * (checked in the same transaction), so whoever records a key is the only one who shows it.
 */
export async function claimReminders(keys: readonly string[], at: string, db: TicklerDb = getDb()): Promise<Set<string>> {
  if (!keys.length) return new Set();
  return db.transaction('rw', db.kv, async () => {
    const existing = await db.kv.bulkGet(keys.map((k) => FIRED_PREFIX + k));
    const fresh = keys.filter((_, i) => !existing[i]);
    await db.kv.bulkPut(fresh.map((k) => ({ key: FIRED_PREFIX + k, value: { at } satisfies FiredReminder })));
    return new Set(fresh);
  });
}

/** Forgets reminders fired before `limit` (an ISO instant). */
export async function pruneFiredReminders(limit: string, db: TicklerDb = getDb()): Promise<void> {
  await db.kv
    .where('key')
    .startsWith(FIRED_PREFIX)
    .filter((r) => ((r.value as FiredReminder | undefined)?.at ?? '') < limit)
    .delete();
}

const undoEntries = (db: TicklerDb) => db.kv.where('key').between(UNDO_PREFIX, UNDO_PREFIX + '\uffff');
const undoKey = (seq: number) => UNDO_PREFIX + String(seq).padStart(12, '0');

/**
 * The undo stack's keys, oldest first (only keys: the entries' values are not read). A
 * Dexie promise, so a caller can hold it while the transaction goes on and await it later.
 */
export function undoStackKeys(db: TicklerDb): PromiseLike<string[]> {
  return undoEntries(db).primaryKeys() as PromiseLike<string[]>;
}

/**
 * Puts `entry` on top of the undo stack, whose keys `stackKeys` reads (undoStackKeys, in
 * the same transaction), and forgets the oldest beyond `depth`: one value is written per
 * action, however deep the stack.
 */
export async function pushUndo(db: TicklerDb, stackKeys: PromiseLike<readonly string[]>, entry: UndoEntry, depth: number): Promise<void> {
  const keys = await stackKeys;
  const last = keys[keys.length - 1];
  const seq = last === undefined ? 1 : Number(last.slice(UNDO_PREFIX.length)) + 1;
  await Promise.all([db.kv.put({ key: undoKey(seq), value: entry }), db.kv.bulkDelete(keys.slice(0, Math.max(0, keys.length + 1 - depth)))]);
}

/** Takes the newest entry off the undo stack (undefined when it is empty). */
export async function popUndo(db: TicklerDb): Promise<UndoEntry | undefined> {
  const top = await undoEntries(db).last();
  if (!top) return undefined;
  await db.kv.delete(top.key);
  return top.value as UndoEntry;
}

/** Empties the undo stack: its entries name records of a binder that is being replaced. */
export async function clearUndo(db: TicklerDb): Promise<void> {
  await undoEntries(db).delete();
}
