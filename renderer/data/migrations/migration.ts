/**
 * One schema version: the stores it declares (Dexie's syntax; null drops a store) and the
 * upgrade that moves rows from the version before. A released migration is frozen: it
 * works on raw tables with the record shapes of its own version, written out in its own
 * file, and imports nothing of today's data layer, so a later change to the product can
 * never change what an old binder's upgrade produces. See docs/architecture.md,
 * "Adding a schema version".
 */
import type { Transaction } from 'dexie';

export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}
