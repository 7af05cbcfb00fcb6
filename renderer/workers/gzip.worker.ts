/// <reference lib="webworker" />
/**
 * One gzip stream (data/gzip-stream.ts) on a thread of its own, for the backup worker's
 * copy of the binder (gzip-client.ts): while that thread reads rows and turns them into
 * text, this one compresses the text before, so a copy uses two cores. Each chunk is
 * acknowledged once compressed, which paces the reader.
 */
import { nativeGzip, type Gzip } from '../data/gzip-stream';

export type GzipRequest = { type: 'chunk'; text: string } | { type: 'close' } | { type: 'abort' };
export type GzipReply = { type: 'ack' } | { type: 'closed'; blob: Blob } | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (m: GzipReply): void => scope.postMessage(m);
/** The worker's stream, begun by its first chunk (a worker serves one copy; a closed stream is not reused). */
let gzip: Gzip | undefined;
const stream = (): Gzip => (gzip ??= nativeGzip());
const ended = (): Gzip => {
  const g = stream();
  gzip = undefined;
  return g;
};
const fail = (err: unknown): void => reply({ type: 'error', message: err instanceof Error ? err.message : String(err) });

scope.onmessage = (e: MessageEvent<GzipRequest>) => {
  const m = e.data;
  if (m.type === 'chunk') stream().write(m.text).then(() => reply({ type: 'ack' }), fail);
  else if (m.type === 'close') ended().close().then((blob) => reply({ type: 'closed', blob }), fail);
  else ended().abort();
};
