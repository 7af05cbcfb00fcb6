/// <reference lib="webworker" />
/**
 * Opens the binder's database once, so that a pending schema upgrade runs here and not on
 * the window's thread (the upgrade's own work, however long, never freezes the window).
 * The database is closed again: the window then opens it at the new version at once.
 */
import { createDb } from '../data/db';

export type UpgradeMessage = { type: 'done' } | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<{ name: string }>) => {
  const db = createDb(e.data.name);
  try {
    await db.open();
    scope.postMessage({ type: 'done' } satisfies UpgradeMessage);
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies UpgradeMessage);
  } finally {
    db.close();
  }
};
