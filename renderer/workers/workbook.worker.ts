/// <reference lib="webworker" />
/**
 * The workbook worker: one job per worker. The client terminates the worker to cancel,
 * which is the only cancel that works in the middle of SheetJS's synchronous parse.
 */
import { runWorkbookJob, type WorkbookJob } from './workbook-jobs';

export type WorkerMessage =
  | { type: 'progress'; phase: string; fraction?: number }
  | { type: 'done'; result: unknown }
  | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<WorkbookJob>) => {
  try {
    const result = runWorkbookJob(e.data, (p) => scope.postMessage({ type: 'progress', ...p } satisfies WorkerMessage));
    // Hand big byte arrays over instead of copying them.
    const transfer = result.kind === 'bytes' ? [result.data.buffer as ArrayBuffer] : [];
    scope.postMessage({ type: 'done', result } satisfies WorkerMessage, transfer);
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies WorkerMessage);
  }
};
