/**
 * The typed client of the workbook worker: `startJob(job, onProgress)` gives a promise of
 * the result and `cancel()`, which terminates the worker (SheetJS's parse is synchronous:
 * nothing short of terminate stops it). Without Worker support (unit tests) the job runs inline.
 */
import { runWorkbookJob, type JobProgress, type JobResult, type WorkbookJob } from './workbook-jobs';
import type { WorkerMessage } from './workbook.worker';

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

export interface RunningJob<R> {
  result: Promise<R>;
  cancel(): void;
}

export function startJob<J extends WorkbookJob>(job: J, onProgress: (p: JobProgress) => void = () => {}): RunningJob<JobResult<J>> {
  if (typeof Worker === 'undefined') {
    let cancelled = false;
    const result = Promise.resolve().then(() => {
      if (cancelled) throw new JobCancelled();
      return runWorkbookJob(job, onProgress) as JobResult<J>;
    });
    return { result, cancel: () => (cancelled = true) };
  }

  const worker = new Worker(new URL('./workbook.worker.ts', import.meta.url), { type: 'module' });
  let reject!: (e: unknown) => void;
  const result = new Promise<JobResult<J>>((resolve, rej) => {
    reject = rej;
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const msg = e.data;
      if (msg.type === 'progress') onProgress({ phase: msg.phase as JobProgress['phase'], fraction: msg.fraction });
      else {
        worker.terminate();
        if (msg.type === 'done') resolve(msg.result as JobResult<J>);
        else rej(new Error(msg.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      rej(new Error(e.message || 'worker failed'));
    };
  });
  // Byte arrays go over by transfer: the caller does not need them after the job starts.
  const transfer = 'data' in job ? [job.data.buffer as ArrayBuffer] : [];
  worker.postMessage(job, transfer);
  return {
    result,
    cancel() {
      worker.terminate();
      reject(new JobCancelled());
    },
  };
}
