/**
 * The whole-portfolio export at the bench's full size (100,000 dossiers and 1,000,000
 * history entries by default), as the app's Excel screen runs it: the binder read from
 * IndexedDB, the workbook written in the worker. Figures: the time, the dossiers in the
 * written file (counted by reading the file back, in the worker), and the renderer's peak
 * JS heap during the export (performance.memory with precise figures, sampled every 50 ms:
 * the main thread's heap, where the binder is read; the worker has a heap of its own).
 */
import { settle, type BenchCase } from '../bench-case';
import { readPortfolio } from '../../../renderer/data/portfolio-repo';
import { startJob } from '../../../renderer/workers/workbook-client';

const META = { appVersion: 'bench', exportedBy: 'bench', scope: 'all', language: 'ru' as const };

const fullExportCase: BenchCase = {
  name: 'full-export',
  async run(ctx) {
    await settle();
    let peak = ctx.heapMB();
    const sampler = setInterval(() => (peak = Math.max(peak, ctx.heapMB())), 50);
    let bytes: Uint8Array = new Uint8Array();
    let fullExportReadMs = 0;
    const fullExportMs = await ctx.time(async () => {
      const t0 = performance.now();
      const p = await readPortfolio({ kind: 'all' });
      fullExportReadMs = performance.now() - t0;
      peak = Math.max(peak, ctx.heapMB());
      bytes = (await startJob({ kind: 'write', portfolio: p, meta: META }).result).data;
    });
    clearInterval(sampler);
    peak = Math.max(peak, ctx.heapMB());
    const fullExportKB = Math.round(bytes.byteLength / 1024);
    ctx.log(`full-export: ${Math.round(fullExportKB / 1024)} MB written; reading it back`);
    // (The bytes are handed over to the worker, not copied: read their size first.)
    const back = await startJob({ kind: 'read', data: bytes }).result;
    if (back.kind !== 'portfolio') throw new Error(`the export did not read back: ${back.kind}`);
    return {
      fullExportMs: Math.round(fullExportMs),
      fullExportReadMs: Math.round(fullExportReadMs),
      fullExportDossiers: back.portfolio.dossiers.length,
      fullExportHistory: back.portfolio.history.length,
      fullExportPeakMB: Math.round(peak),
      fullExportKB,
    };
  },
};

export default fullExportCase;
