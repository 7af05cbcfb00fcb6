/// <reference lib="webworker" />
/**
 * The backup worker: one binder copy (exportBinder) or one restore (restoreBinderCopy) per
 * worker, on the worker's own connection to the binder's database, so that reading,
 * writing, JSON and gzip of a whole binder never hold the window's thread (backup-client.ts).
 * A cancel arrives as a message and aborts the job's signal: the restore's one transaction
 * then rolls back as it does inline, and the window hears CopyCancelled.
 */
import { BinderCopyUnreadable, CopyCancelled, exportBinder, restoreBinderCopy, type BinderCopy, type CopyHeader } from '../data/backup-stream';
import { createDb } from '../data/db';
import { isQuotaError } from '../data/storage-errors';
import { workerGzip } from './gzip-client';

export type BackupRequest =
  | { type: 'export'; dbName: string }
  | { type: 'restore'; dbName: string; blob: Blob; rowsPerChunk?: number }
  | { type: 'cancel' };

export type BackupReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'exported'; copy: BinderCopy }
  | { type: 'restored'; header: CopyHeader }
  | { type: 'error'; name: string; message: string; reason?: BinderCopyUnreadable['reason'] };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (m: BackupReply): void => scope.postMessage(m);
const abort = new AbortController();
const onProgress = (done: number, total: number): void => reply({ type: 'progress', done, total });

/** The error as the window rebuilds it: its class by name, a full disk however Dexie wrapped it. */
export function errorReply(err: unknown): BackupReply {
  if (err instanceof BinderCopyUnreadable) return { type: 'error', name: err.name, message: err.message, reason: err.reason };
  const named = err as { name?: string; message?: string };
  return { type: 'error', name: isQuotaError(err) ? 'QuotaExceededError' : (named.name ?? 'Error'), message: named.message ?? String(err) };
}

async function handle(m: Exclude<BackupRequest, { type: 'cancel' }>): Promise<BackupReply> {
  // Passed to the job, not made the module's default database: nothing else runs here.
  const db = createDb(m.dbName);
  try {
    if (m.type === 'export') return { type: 'exported', copy: await exportBinder({ onProgress, signal: abort.signal, gzip: workerGzip }, db) };
    return { type: 'restored', header: await restoreBinderCopy(m.blob, { onProgress, signal: abort.signal, rowsPerChunk: m.rowsPerChunk }, db) };
  } finally {
    db.close();
  }
}

scope.onmessage = (e: MessageEvent<BackupRequest>) => {
  const m = e.data;
  if (m.type === 'cancel') return abort.abort();
  // A Blob crosses by reference to the browser's copy of its bytes: nothing large is cloned.
  handle(m).then(reply, (err: unknown) => reply(err instanceof CopyCancelled ? { type: 'error', name: err.name, message: err.message } : errorReply(err)));
};
