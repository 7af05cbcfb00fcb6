/**
 * What the persisted undo stack holds (one kv value per action, kv-keys.ts): each action's
 * records as they were before it. Types only (and one reader for entries stored before the names below),
 * so the kv keys (kv-keys.ts) and the writer (write-context.ts) can both name them without
 * importing each other.
 */
import type { PaperKind } from './papers';
import type { UndoInfo } from './types';

/** A record as it was before an action (null: it did not exist), to restore on undo. */
export interface PriorRecord {
  /**
   * The kind of record: one of the papers' lists, the dossier itself, or 'history': an
   * entry appended to its dossier's history (`id` is the entry's). History is append-only,
   * so undo only ever removes that entry; the papers are not copied, which keeps the
   * persisted undo stack small however long a dossier's history grows.
   */
  kind: PaperKind | 'dossiers' | 'history';
  id: string;
  dossierId: string;
  before: unknown;
}

export interface UndoEntry extends UndoInfo {
  at: string;
  priors: PriorRecord[];
}

/**
 * An entry's prior records, also from an entry stored before they were named so (the
 * fields were `images` and `table`): an undo stack survives the app's update.
 */
export function priorsOf(entry: UndoEntry): PriorRecord[] {
  const legacy = entry as unknown as { images?: { table: PriorRecord['kind']; id: string; dossierId: string; before: unknown }[] };
  return entry.priors ?? legacy.images?.map(({ table, ...rest }) => ({ kind: table, ...rest })) ?? [];
}
