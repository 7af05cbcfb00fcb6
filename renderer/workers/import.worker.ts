/// <reference lib="webworker" />
/**
 * The import worker: one import session per worker (import-session.ts), on the worker's
 * own connection to the binder's database. The client terminates the worker to cancel:
 * mid-parse that is the only way to stop SheetJS, and mid-apply it aborts the import's
 * one transaction, so nothing of it is stored.
 */
import { createDb, setDb } from '../data/db';
import { applySession, openSession, pageOf, type ApplyDone, type ApplyRequest, type ImportOpened, type OpenOptions, type SessionState } from './import-session';
import type { FilingItem, ListName, PreviewItem } from '../features/sync/plan-view';
import type { JobProgress } from './workbook-jobs';

export type ImportRequest =
  | ({ type: 'open'; data: Uint8Array; dbName: string } & OpenOptions)
  | { type: 'page'; id: number; list: ListName; offset: number }
  | { type: 'apply'; request: ApplyRequest };

export type ImportReply =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'opened'; opened: ImportOpened }
  | { type: 'page'; id: number; items: PreviewItem[] | FilingItem[] }
  | { type: 'applied'; done: ApplyDone }
  | { type: 'error'; name: string; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (m: ImportReply): void => scope.postMessage(m);
const progress = (p: JobProgress): void => reply({ type: 'progress', progress: p });

let state: SessionState | undefined;

async function handle(m: ImportRequest): Promise<void> {
  switch (m.type) {
    case 'open': {
      setDb(createDb(m.dbName));
      const r = await openSession(m.data, { lang: m.lang, strings: m.strings }, progress);
      state = r.state;
      reply({ type: 'opened', opened: r.opened });
      return;
    }
    case 'page':
      reply({ type: 'page', id: m.id, items: state ? pageOf(state, m.list, m.offset) : [] });
      return;
    case 'apply': {
      if (!state) throw new Error('no import to apply');
      const done = await applySession(state, m.request, progress);
      // A Blob crosses by reference to the browser's copy of its bytes: nothing large is cloned.
      reply({ type: 'applied', done });
    }
  }
}

scope.onmessage = (e: MessageEvent<ImportRequest>) => {
  handle(e.data).catch((err: unknown) => {
    const named = err as { name?: string; message?: string };
    // The name travels: the window tells a full disk (QuotaExceededError) from other failures.
    reply({ type: 'error', name: named.name ?? 'Error', message: named.message ?? String(err) });
  });
};
