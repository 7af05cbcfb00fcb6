/**
 * The window's side of an import session (import-session.ts): `openImport` starts the
 * import worker on the file; the session answers with the preview's first pages, further
 * pages on request, and the apply. `cancel()` terminates the worker, which stops a parse
 * and aborts an apply's transaction (nothing half-done). Without Worker support (unit
 * tests) the same session runs inline, and cancel stops it at its next progress step.
 */
import { getDb } from '../data/db';
import type { FilingItem, ListName, PreviewItem } from '../features/sync/plan-view';
import { applySession, openSession, pageOf, type ApplyDone, type ApplyRequest, type ImportOpened, type OpenOptions, type SessionState } from './import-session';
import type { ImportReply, ImportRequest } from './import.worker';
import { JobCancelled } from './workbook-client';
import type { JobProgress } from './workbook-jobs';

export interface ImportSession {
  opened: Promise<ImportOpened>;
  page(list: ListName, offset: number): Promise<PreviewItem[] | FilingItem[]>;
  apply(request: ApplyRequest, onProgress: (p: JobProgress) => void): Promise<ApplyDone>;
  /** Stops whatever runs (nothing of an apply is stored) and ends the session. */
  cancel(): void;
  /** Ends the session (the preview was closed or the import is done). */
  close(): void;
}

export function openImport(data: Uint8Array, opts: OpenOptions, onProgress: (p: JobProgress) => void): ImportSession {
  return typeof Worker === 'undefined' ? inlineSession(data, opts, onProgress) : workerSession(data, opts, onProgress);
}

function inlineSession(data: Uint8Array, opts: OpenOptions, onProgress: (p: JobProgress) => void): ImportSession {
  let cancelled = false;
  let state: SessionState | undefined;
  const checkCancelled = (): void => {
    if (cancelled) throw new JobCancelled();
  };
  const opened = Promise.resolve().then(async () => {
    const r = await openSession(data, opts, onProgress);
    checkCancelled();
    state = r.state;
    return r.opened;
  });
  return {
    opened,
    page: async (list, offset) => (state ? pageOf(state, list, offset) : []),
    apply: async (request, progress) => {
      if (!state) throw new Error('no import to apply');
      return applySession(state, request, progress, checkCancelled);
    },
    cancel: () => (cancelled = true),
    close: () => (state = undefined),
  };
}

function workerSession(data: Uint8Array, opts: OpenOptions, onProgress: (p: JobProgress) => void): ImportSession {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let progress = onProgress;
  /** The one open, page or apply request each reply settles (requests are sequential per kind). */
  const waiting = new Map<string, { resolve(v: unknown): void; reject(e: unknown): void }>();
  let nextPage = 0;
  const request = <R>(key: string, msg: ImportRequest, transfer: Transferable[] = []): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      waiting.set(key, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage(msg, transfer);
    });
  const settle = (key: string, value: unknown): void => {
    waiting.get(key)?.resolve(value);
    waiting.delete(key);
  };
  const failAll = (err: unknown): void => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.onmessage = (e: MessageEvent<ImportReply>) => {
    const m = e.data;
    if (m.type === 'progress') progress(m.progress);
    else if (m.type === 'opened') settle('open', m.opened);
    else if (m.type === 'page') settle(`page:${m.id}`, m.items);
    else if (m.type === 'applied') settle('apply', m.done);
    else failAll(Object.assign(new Error(m.message), { name: m.name }));
  };
  worker.onerror = (e) => failAll(new Error(e.message || 'import worker failed'));
  // The bytes go over by transfer: the caller does not need them after the import starts.
  const opened = request<ImportOpened>('open', { type: 'open', data, dbName: getDb().name, ...opts }, [data.buffer as ArrayBuffer]);
  return {
    opened,
    page: (list, offset) => {
      const id = nextPage++;
      return request(`page:${id}`, { type: 'page', id, list, offset });
    },
    apply: (req, p) => {
      progress = p;
      return request<ApplyDone>('apply', { type: 'apply', request: req });
    },
    cancel: () => {
      worker.terminate();
      failAll(new JobCancelled());
    },
    close: () => worker.terminate(),
  };
}
