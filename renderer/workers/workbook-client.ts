/**
 * The typed client of the workbook worker: `startJob(job, onProgress)` gives a promise of
 * the result and `cancel()`, which terminates the worker (SheetJS's parse is synchronous:
 * nothing short of terminate stops it). Without Worker support (unit tests) the job runs inline.
 */
import type { Portfolio } from '../../shared/model/records';
import { runWorkbookJob, type JobMessage, type JobProgress, type JobResult, type WorkbookJob } from './workbook-jobs';
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

let spare: Worker | undefined;

function spawnWorker(): Worker {
  return new Worker(new URL('./workbook.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Starts a worker ahead of a job (the sync screen does, on opening): loading and compiling
 * SheetJS takes ~0.2 s, so the file a user picks is then read at once. One is kept at most.
 */
export function prepareWorker(): void {
  if (typeof Worker !== 'undefined') spare ??= spawnWorker();
}

/** Lets the prepared worker go (the sync screen closes). */
export function releaseWorker(): void {
  spare?.terminate();
  spare = undefined;
}

/**
 * A job as the caller gives it: an import may name the binder's portfolio while it is
 * still being read, so that the file is read meanwhile.
 */
export type ClientJob = Exclude<WorkbookJob, { kind: 'import' }> | { kind: 'import'; data: Uint8Array; local: Portfolio | Promise<Portfolio> };

export function startJob<J extends ClientJob>(job: J, onProgress: (p: JobProgress) => void = () => {}): RunningJob<JobResult<J>> {
  if (typeof Worker === 'undefined') {
    let cancelled = false;
    const result = Promise.resolve().then(async () => {
      const local = job.kind === 'import' ? await job.local : undefined;
      if (cancelled) throw new JobCancelled();
      return runWorkbookJob((local ? { ...job, local } : job) as WorkbookJob, onProgress) as JobResult<J>;
    });
    return { result, cancel: () => (cancelled = true) };
  }

  const worker = spare ?? spawnWorker();
  spare = undefined;
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
  if (job.kind === 'import' && job.local instanceof Promise) {
    worker.postMessage({ kind: 'import', data: job.data } satisfies JobMessage, transfer);
    job.local.then(
      (local) => worker.postMessage({ kind: 'local', local } satisfies JobMessage),
      (err: unknown) => {
        worker.terminate();
        reject(err);
      },
    );
  } else worker.postMessage(job, transfer);
  return {
    result,
    cancel() {
      worker.terminate();
      reject(new JobCancelled());
    },
  };
}
