/**
 * Schema version 12: the undo stack is kept as one kv value per action ('undo:' and a
 * twelve-digit sequence number) instead of one value holding the whole stack, so an action
 * writes its own entry only (a refile used to read and rewrite all twenty). The entries
 * are moved as they are, oldest first; the old value goes.
 */
import type { Migration } from './migration';
import type { UpgradeTx } from './raw-tables';

interface KvRowV12 {
  key: string;
  value: unknown;
}

/** The key of the action numbered `seq` (kv-keys.ts files new ones the same way). */
const entryKey = (seq: number) => `undo:${String(seq).padStart(12, '0')}`;

async function splitUndoStack(tx: UpgradeTx): Promise<void> {
  const kv = tx.table('kv');
  const old = (await kv.get('undo-stack')) as KvRowV12 | undefined;
  if (!old) return;
  const entries = Array.isArray(old.value) ? (old.value as unknown[]) : [];
  await kv.bulkPut(entries.map((value, i): KvRowV12 => ({ key: entryKey(i + 1), value })));
  await kv.delete('undo-stack');
}

export const v12: Migration = {
  version: 12,
  stores: {},
  upgrade: (tx) => splitUndoStack(tx),
};
