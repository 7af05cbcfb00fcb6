/**
 * A gzip compressor for binder copies (backup-stream.ts): text in (encoded as UTF-8 where
 * the compressor runs: measured, the encoding costs as much as the JSON), one gzipped Blob out.
 * `nativeGzip` is the browser's CompressionStream on the calling thread, its output
 * gathered into Blob parts (Chromium may move a large Blob to disk, so a copy is never
 * whole in memory). The backup worker runs it on a thread of its own instead
 * (workers/gzip-client.ts): the same interface, so the export need not know where.
 */
export interface Gzip {
  /** Queues text; resolves once it is compressed. */
  write(text: string): Promise<void>;
  /** The gzipped stream, once every byte written is in. */
  close(): Promise<Blob>;
  /** Gives up: nothing more is written, and close is never called. */
  abort(): void;
}

/** Compressed bytes gathered before they become a Blob part. */
const BLOB_PART_BYTES = 4 * 1024 * 1024;

export function nativeGzip(): Gzip {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const stream = new CompressionStream('gzip');
  const encoder = new TextEncoder();
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const cut = (): void => {
    parts.push(new Blob(pending as Uint8Array<ArrayBuffer>[]));
    pending = [];
    pendingBytes = 0;
  };
  const drained = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return cut();
      pending.push(value);
      pendingBytes += value.byteLength;
      if (pendingBytes >= BLOB_PART_BYTES) cut();
    }
  })();
  drained.catch(() => undefined); // an aborted stream: close() is not called then
  return {
    write: (text) => writer.write(encoder.encode(text)),
    close: async () => {
      await writer.close();
      await drained;
      return new Blob(parts, { type: 'application/gzip' });
    },
    abort: () => void writer.abort().catch(() => undefined),
  };
}
