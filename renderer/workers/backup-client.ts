/**
 * The window's side of the backup worker (backup.worker.ts): `copyBinderOut` and
 * `restoreCopyIn` do what exportBinder and restoreBinderCopy do, with the same options,
 * results and errors (BinderCopyUnreadable, CopyCancelled, a QuotaExceededError by name),
 * but on a worker's thread, so the window keeps answering through a copy or a restore of
 * a large binder. Without Worker support (unit tests) they run inline.
 */
import { BinderCopyUnreadable, CopyCancelled, exportBinder, restoreBinderCopy, type BinderCopy, type CopyHeader, type CopyOptions } from '../data/backup-stream';
import { getDb } from '../data/db';
import type { BackupReply, BackupRequest } from './backup.worker';

type Job = Exclude<BackupRequest, { type: 'cancel' }>;

function errorOf(m: Extract<BackupReply, { type: 'error' }>): Error {
  if (m.name === 'BinderCopyUnreadable') return new BinderCopyUnreadable(m.reason ?? 'damaged', m.message);
  if (m.name === 'CopyCancelled') return new CopyCancelled();
  return Object.assign(new Error(m.message), { name: m.name });
}

function runInWorker(job: Job, opts: CopyOptions): Promise<BackupReply> {
  if (opts.signal?.aborted) return Promise.reject(new CopyCancelled());
  const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' });
  const cancel = () => worker.postMessage({ type: 'cancel' } satisfies BackupRequest);
  opts.signal?.addEventListener('abort', cancel);
  return new Promise<BackupReply>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<BackupReply>) => {
      const m = e.data;
      if (m.type === 'progress') opts.onProgress?.(m.done, m.total);
      else if (m.type === 'error') reject(errorOf(m));
      else resolve(m);
    };
    worker.onerror = (e) => reject(new Error(e.message || 'backup worker failed'));
    worker.postMessage(job);
  }).finally(() => {
    opts.signal?.removeEventListener('abort', cancel);
    worker.terminate();
  });
}

const inWorker = () => typeof Worker !== 'undefined';

/** A copy of the whole binder (exportBinder), made on the backup worker's thread. */
export async function copyBinderOut(opts: CopyOptions = {}): Promise<BinderCopy> {
  if (!inWorker()) return exportBinder(opts);
  const m = await runInWorker({ type: 'export', dbName: getDb().name }, opts);
  if (m.type !== 'exported') throw new Error(`backup worker answered ${m.type}`);
  return m.copy;
}

/** The binder replaced by a copy, all or nothing (restoreBinderCopy), on the backup worker's thread. */
export async function restoreCopyIn(blob: Blob, opts: CopyOptions = {}): Promise<CopyHeader> {
  if (!inWorker()) return restoreBinderCopy(blob, opts);
  const m = await runInWorker({ type: 'restore', dbName: getDb().name, blob, rowsPerChunk: opts.rowsPerChunk }, opts);
  if (m.type !== 'restored') throw new Error(`backup worker answered ${m.type}`);
  return m.header;
}
