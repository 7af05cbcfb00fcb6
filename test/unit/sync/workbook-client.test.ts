import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareWorker, releaseWorker, startJob } from '../../../renderer/workers/workbook-client';

/** A stand-in for the browser's Worker: answers every job with an empty workbook's bytes. */
class FakeWorker {
  static started: FakeWorker[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  jobs = 0;
  messages: unknown[] = [];
  constructor() {
    FakeWorker.started.push(this);
  }
  postMessage(msg: { kind: string }): void {
    this.messages.push(msg);
    if (msg.kind === 'local') return;
    this.jobs++;
    queueMicrotask(() => this.onmessage?.({ data: { type: 'done', result: { kind: 'bytes', data: new Uint8Array() } } } as MessageEvent));
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('the workbook worker, started ahead', () => {
  afterEach(() => {
    releaseWorker();
    FakeWorker.started = [];
    vi.unstubAllGlobals();
  });

  it('takes the next job on the prepared worker, once; later jobs start their own', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    prepareWorker();
    prepareWorker();
    expect(FakeWorker.started).toHaveLength(1);
    const job = { kind: 'write', portfolio: { dossiers: [], contacts: [], history: [], steps: [], invoices: [], payments: [], holidays: [] }, meta: {} } as never;
    await startJob(job).result;
    expect(FakeWorker.started).toHaveLength(1);
    expect(FakeWorker.started[0]!.jobs).toBe(1);
    await startJob(job).result;
    expect(FakeWorker.started).toHaveLength(2);
  });

  it('sends an import the file at once and the binder when it has been read', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    let read!: (p: unknown) => void;
    const local = new Promise((resolve) => (read = resolve));
    const data = new Uint8Array([1, 2, 3]);
    const job = startJob({ kind: 'import', data, local } as never);
    const worker = FakeWorker.started[0]!;
    expect(worker.messages).toEqual([{ kind: 'import', data }]);
    const binder = { dossiers: [], contacts: [], history: [], steps: [], invoices: [], payments: [], holidays: [] };
    read(binder);
    await job.result;
    expect(worker.messages).toEqual([{ kind: 'import', data }, { kind: 'local', local: binder }]);
  });

  it('lets an unused prepared worker go', () => {
    vi.stubGlobal('Worker', FakeWorker);
    prepareWorker();
    releaseWorker();
    expect(FakeWorker.started[0]!.terminated).toBe(true);
  });
});
