import 'fake-indexeddb/auto';
import '../data/browser-globals';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BinderCopyUnreadable, CopyCancelled } from '../../../renderer/data/backup-stream';
import type { TicklerDb } from '../../../renderer/data/db';
import { setDb } from '../../../renderer/data/db';
import { writePortfolio } from '../../../renderer/data/portfolio-repo';
import { applyImport } from '../../../renderer/data/sync-repo';
import { dump, freshDb, makePortfolio } from '../sync/fixtures';

/**
 * The backup worker's protocol, run in Node: a stand-in Worker hands each message to the
 * worker module's own onmessage (on the same thread, through structuredClone as the
 * browser does), so the clients, the workers (the backup worker and the gzip worker it
 * starts) and the errors between them are the ones the app runs. The backup worker opens
 * its own connection by the window's database name.
 */
type Listener = ((e: { data: unknown }) => void) | null;
interface Scope {
  onmessage: Listener;
  postMessage(m: unknown): void;
}
const newScope = (): Scope => ({ onmessage: null, postMessage: () => {} });
const scopes = { backup: newScope(), gzip: newScope() };
class FakeWorker {
  onmessage: Listener = null;
  onerror: ((e: { message: string }) => void) | null = null;
  private readonly scope: Scope;
  constructor(url: URL) {
    this.scope = String(url).includes('gzip.worker') ? scopes.gzip : scopes.backup;
    this.scope.postMessage = (m) => queueMicrotask(() => this.onmessage?.({ data: m }));
  }
  postMessage(m: unknown): void {
    // Blobs and transferred bytes are passed as they are; everything else is cloned.
    const data = m && typeof m === 'object' && ('blob' in m || 'bytes' in m) ? { ...(m as object) } : structuredClone(m);
    setTimeout(() => this.scope.onmessage?.({ data }), 0);
  }
  terminate(): void {
    this.scope.postMessage = () => {};
  }
}

let client: typeof import('../../../renderer/workers/backup-client');
beforeAll(async () => {
  vi.stubGlobal('Worker', FakeWorker);
  client = await import('../../../renderer/workers/backup-client');
  // Each worker module is evaluated once, with its own `self`; each job is a fresh message to it, as to a fresh worker.
  vi.stubGlobal('self', scopes.backup);
  await import('../../../renderer/workers/backup.worker');
  vi.stubGlobal('self', scopes.gzip);
  await import('../../../renderer/workers/gzip.worker');
});
afterAll(() => vi.unstubAllGlobals());

let db: TicklerDb;
beforeEach(() => {
  db = freshDb();
});

describe('the backup worker', () => {
  it('copies the binder out and restores it over later changes, with progress to the end', async () => {
    await writePortfolio(makePortfolio(40, { historyPer: 3 }));
    const before = await dump(db);
    const seen: number[] = [];
    const copy = await client.copyBinderOut({ onProgress: (done, total) => seen.push(done / total) });
    expect(copy.dossiers).toBe(40);
    expect(seen.at(-1)).toBe(1);
    await applyImport(makePortfolio(5, { prefix: 'Since' }));
    expect(await dump(db)).not.toEqual(before);
    setDb(db);
    await client.restoreCopyIn(copy.blob, { rowsPerChunk: 7 });
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a damaged copy with its reason, and the binder stays as it was', async () => {
    await writePortfolio(makePortfolio(20, { historyPer: 2 }));
    const copy = await client.copyBinderOut();
    await applyImport(makePortfolio(3, { prefix: 'Since' }));
    const before = await dump(db);
    const err = await client.restoreCopyIn(copy.blob.slice(0, Math.floor(copy.blob.size * 0.6))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BinderCopyUnreadable);
    expect((err as BinderCopyUnreadable).reason).toBe('damaged');
    expect(await dump(db)).toEqual(before);
  });

  it('a cancel during a restore rolls it back and is told as CopyCancelled', async () => {
    await writePortfolio(makePortfolio(30, { historyPer: 3 }));
    const copy = await client.copyBinderOut();
    await applyImport(makePortfolio(4, { prefix: 'Since' }));
    const before = await dump(db);
    const abort = new AbortController();
    // Cancelled once the restore has written part of the binder.
    const err = await client
      .restoreCopyIn(copy.blob, { rowsPerChunk: 5, signal: abort.signal, onProgress: (done) => done >= 20 && abort.abort() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CopyCancelled);
    expect(await dump(db)).toEqual(before);
  });

  it('a full disk reaches the window by name however Dexie wrapped it', async () => {
    const { errorReply } = await import('../../../renderer/workers/backup.worker');
    const quota = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: Object.assign(new Error('full'), { name: 'QuotaExceededError' }) });
    expect(errorReply(quota)).toMatchObject({ type: 'error', name: 'QuotaExceededError' });
  });
});
