/**
 * What the persisted undo stack holds (kv 'undo-stack'): the before-images of an action.
 * Types only, so the kv keys (kv-keys.ts) and the writer (write-context.ts) can both name
 * them without importing each other.
 */
import type { PaperKind } from './papers';
import type { UndoInfo } from './types';

/** A record as it was before an action (null: it did not exist), to restore on undo. */
export interface BeforeImage {
  /**
   * 'history': an entry appended to its dossier's history (`id` is the entry's). History
   * is append-only, so undo only ever removes that entry; the papers are not copied,
   * which keeps the persisted undo stack small however long a dossier's history grows.
   */
  table: PaperKind | 'dossiers' | 'history';
  id: string;
  dossierId: string;
  before: unknown;
}

export interface UndoEntry extends UndoInfo {
  at: string;
  images: BeforeImage[];
}
