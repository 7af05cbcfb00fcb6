/**
 * The window's side of the portfolio worker (portfolio.worker.ts): `readColumnsOffThread`
 * gives what readPortfolioColumns gives, with the same progress, read on a worker's thread
 * so the window keeps answering while the binder is read. Its signal terminates the
 * worker at once (ColumnsReadCancelled). Without Worker support (unit tests) it reads inline.
 */
import { getDb } from '../data/db';
import { ColumnsReadCancelled, readPortfolioColumns, type ColumnsReadOptions } from '../data/portfolio-repo';
import type { PortfolioColumns } from '../../shared/portfolio/portfolio-columns';
import type { PortfolioReply, PortfolioRequest } from './portfolio.worker';

export async function readColumnsOffThread(opts: Omit<ColumnsReadOptions, 'chunk'> = {}): Promise<PortfolioColumns> {
  if (typeof Worker === 'undefined') return readPortfolioColumns(opts);
  if (opts.signal?.aborted) throw new ColumnsReadCancelled();
  const worker = new Worker(new URL('./portfolio.worker.ts', import.meta.url), { type: 'module' });
  let cancel = () => {};
  try {
    return await new Promise<PortfolioColumns>((resolve, reject) => {
      cancel = () => reject(new ColumnsReadCancelled());
      opts.signal?.addEventListener('abort', cancel);
      worker.onmessage = (e: MessageEvent<PortfolioReply>) => {
        const m = e.data;
        if (m.type === 'progress') opts.onProgress?.(m.done, m.total);
        else if (m.type === 'error') reject(Object.assign(new Error(m.message), { name: m.name }));
        else resolve(m.columns);
      };
      worker.onerror = (e) => reject(new Error(e.message || 'portfolio worker failed'));
      worker.postMessage({ dbName: getDb().name } satisfies PortfolioRequest);
    });
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
    worker.terminate();
  }
}
