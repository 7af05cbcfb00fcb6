/// <reference lib="webworker" />
/**
 * The portfolio worker: one read of the binder's columns (readPortfolioColumns) per worker,
 * on the worker's own connection to the binder's database, so that reading 100,000
 * dossiers' papers (seconds of structured-clone reading) never holds the window's thread
 * (portfolio-client.ts). The typed arrays travel back transferred, not copied. A cancel
 * is the client terminating the worker: a read writes nothing, so nothing is left half-done.
 */
import { createDb } from '../data/db';
import { readPortfolioColumns } from '../data/portfolio-repo';
import type { PortfolioColumns } from '../../shared/portfolio/portfolio-columns';

export interface PortfolioRequest {
  dbName: string;
}

export type PortfolioReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'columns'; columns: PortfolioColumns }
  | { type: 'error'; name: string; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Every typed array's buffer in the columns (nested objects searched), for the transfer list. */
function buffersOf(value: unknown, out: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer);
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const v of Object.values(value)) buffersOf(v, out);
  }
  return out;
}

scope.onmessage = async (e: MessageEvent<PortfolioRequest>) => {
  const db = createDb(e.data.dbName);
  try {
    const columns = await readPortfolioColumns({ onProgress: (done, total) => scope.postMessage({ type: 'progress', done, total } satisfies PortfolioReply) }, db);
    scope.postMessage({ type: 'columns', columns } satisfies PortfolioReply, buffersOf(columns));
  } catch (err) {
    const named = err as { name?: string; message?: string };
    scope.postMessage({ type: 'error', name: named.name ?? 'Error', message: named.message ?? String(err) } satisfies PortfolioReply);
  } finally {
    db.close();
  }
};
