/**
 * `workerGzip()`: a compressor (data/gzip-stream.ts) whose work runs in gzip.worker.ts, so
 * the thread that reads the binder for a copy does not also compress it: reading and
 * JSON on one core, UTF-8 encoding and zlib on the other. The text crosses as a copy (a
 * memcpy, far cheaper than encoding it here); chunks are
 * acknowledged in order, so each write's promise is settled by the next ack. Where no
 * Worker can be started (unit tests), the compressor runs on the calling thread.
 */
import { nativeGzip, type Gzip } from '../data/gzip-stream';
import type { GzipReply, GzipRequest } from './gzip.worker';

export function workerGzip(): Gzip {
  if (typeof Worker === 'undefined') return nativeGzip();
  const worker = new Worker(new URL('./gzip.worker.ts', import.meta.url), { type: 'module' });
  const acks: { resolve(): void; reject(err: unknown): void }[] = [];
  let closing: { resolve(blob: Blob): void; reject(err: unknown): void } | undefined;
  const failAll = (err: unknown): void => {
    for (const a of acks.splice(0)) a.reject(err);
    closing?.reject(err);
    closing = undefined;
    worker.terminate();
  };
  worker.onmessage = (e: MessageEvent<GzipReply>) => {
    const m = e.data;
    if (m.type === 'ack') acks.shift()?.resolve();
    else if (m.type === 'closed') {
      closing?.resolve(m.blob);
      closing = undefined;
      worker.terminate();
    } else failAll(new Error(m.message));
  };
  worker.onerror = (e) => failAll(new Error(e.message || 'gzip worker failed'));
  const post = (m: GzipRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  return {
    write: (text) =>
      new Promise<void>((resolve, reject) => {
        acks.push({ resolve, reject });
        post({ type: 'chunk', text });
      }),
    close: () =>
      new Promise<Blob>((resolve, reject) => {
        closing = { resolve, reject };
        post({ type: 'close' });
      }),
    abort: () => {
      post({ type: 'abort' });
      failAll(new Error('aborted'));
    },
  };
}
