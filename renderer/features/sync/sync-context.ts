import { createContext, useContext } from 'react';
import type { BinderPorts } from '../../data/import-service';
import type { ToastOptions } from '../../ui/toast';
import type { CancelSink, Lang, OnProgress } from './sync-actions';

/** What every panel of the sync screen shares: who, language, today, and the busy runner. */
export interface SyncCtx {
  author: string;
  lang: Lang;
  today: string;
  toast(t: ToastOptions): void;
  /**
   * Runs a long operation under the progress dialog. Cancelling or failing shows a toast
   * and resolves to undefined; the operation's own transaction guarantees nothing half-done.
   */
  withBusy<R>(label: string, fn: (progress: OnProgress, sink: CancelSink) => Promise<R>): Promise<R | undefined>;
  /**
   * What the data layer's import service (data/import-service.ts) needs from this screen
   * for one operation under the progress dialog: its snapshot, restore and settings.
   */
  binder(progress: OnProgress, sink: CancelSink): BinderPorts;
  /** Saves bytes through the bridge and says where they went. */
  save(name: string, data: Uint8Array, doneMessage: (path: string) => string): Promise<boolean>;
}

export const SyncContext = createContext<SyncCtx | null>(null);

export function useSync(): SyncCtx {
  const ctx = useContext(SyncContext);
  if (!ctx) throw new Error('useSync outside the sync screen');
  return ctx;
}
