/**
 * `upgradeDatabase(name)`: runs a pending schema upgrade of the named database in a worker
 * (db-upgrade.worker.ts) and resolves once it is stored; the window's own open that follows
 * finds the database at the current version. Without Worker support (unit tests) the
 * database is opened and closed inline, which runs the same upgrade.
 */
import { createDb } from '../data/db';
import type { UpgradeMessage } from './db-upgrade.worker';

export async function upgradeDatabase(name: string): Promise<void> {
  if (typeof Worker === 'undefined') {
    const db = createDb(name);
    try {
      await db.open();
    } finally {
      db.close();
    }
    return;
  }
  const worker = new Worker(new URL('./db-upgrade.worker.ts', import.meta.url), { type: 'module' });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<UpgradeMessage>) => (e.data.type === 'done' ? resolve() : reject(new Error(e.data.message)));
      worker.onerror = (e) => reject(new Error(e.message || 'upgrade worker failed'));
      worker.postMessage({ name });
    });
  } finally {
    worker.terminate();
  }
}
