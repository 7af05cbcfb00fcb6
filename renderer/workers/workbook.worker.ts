/// <reference lib="webworker" />
/**
 * The workbook worker: one job per worker. The client terminates the worker to cancel,
 * which is the only cancel that works in the middle of SheetJS's synchronous parse.
 */
import type { Portfolio } from '../../shared/model/records';
import { planImport, readImport, runWorkbookJob, type JobMessage, type JobProgress, type WorkbookJob } from './workbook-jobs';

export type WorkerMessage =
  | { type: 'progress'; phase: string; fraction?: number }
  | { type: 'done'; result: unknown }
  | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

let giveLocal!: (local: Portfolio) => void;
const localArrives = new Promise<Portfolio>((resolve) => (giveLocal = resolve));

async function run(job: Exclude<JobMessage, { kind: 'local' }>, progress: (p: JobProgress) => void) {
  if (job.kind !== 'import' || job.local) return runWorkbookJob(job as WorkbookJob, progress);
  // The binder is being read on the main thread meanwhile: its portfolio follows.
  const read = readImport(job.data, progress);
  return read.kind === 'parsed' ? planImport(read, await localArrives, progress) : read;
}

scope.onmessage = async (e: MessageEvent<JobMessage>) => {
  if (e.data.kind === 'local') {
    giveLocal(e.data.local);
    return;
  }
  try {
    const result = await run(e.data, (p) => scope.postMessage({ type: 'progress', ...p } satisfies WorkerMessage));
    // Hand big byte arrays over instead of copying them.
    const transfer = result.kind === 'bytes' ? [result.data.buffer as ArrayBuffer] : [];
    scope.postMessage({ type: 'done', result } satisfies WorkerMessage, transfer);
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies WorkerMessage);
  }
};
