/**
 * Every schema version, oldest first: db.ts declares them in this order. Adding a version
 * means adding a file and a line here (docs/architecture.md, "Adding a schema version");
 * a released file is never edited.
 */
import type { Migration } from './migration';
import { v1 } from './v1-initial';
import { v2 } from './v2-calendar-days-and-history-logs';
import { v3 } from './v3-drop-history-table';
import { v4 } from './v4-papers';
import { v5 } from './v5-drop-paper-tables';
import { v6 } from './v6-steps-and-word-buckets';
import { v7 } from './v7-drop-steps-table';
import { v8 } from './v8-receivables-index';
import { v9 } from './v9-calendar-shards';
import { v10 } from './v10-drop-calendar-days';
import { v11 } from './v11-word-groups';
import { v12 } from './v12-undo-entries';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12];

/**
 * The stores a version declares, as Dexie's syntax: every migration's up to it, later ones
 * overriding, null dropping. For tests and the benchmark, which build a binder as an older
 * version stored it.
 */
export function storesAt(version: number): Record<string, string> {
  const stores: Record<string, string | null> = {};
  for (const m of MIGRATIONS) if (m.version <= version) Object.assign(stores, m.stores);
  return Object.fromEntries(Object.entries(stores).filter(([, spec]) => spec !== null)) as Record<string, string>;
}
