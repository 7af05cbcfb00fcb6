/**
 * The Excel sync at 10,000 dossiers and 100,000 history entries: export (read the DB and
 * write the workbook in the worker), import into an empty binder (parse, validate, plan,
 * apply in one transaction), and SheetJS alone writing and reading the same cells (the
 * floor no app logic can beat).
 */
import Dexie, { type Table } from 'dexie';
import * as XLSX from 'xlsx';
import { settle, type BenchCase } from '../bench-case';
import type { Portfolio } from '../../../shared/model/records';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import { applyMergePlan } from '../../../shared/merge';
import { clearAll, readPortfolio, writePortfolio } from '../../../renderer/data/portfolio-repo';
import { applyImport } from '../../../renderer/data/sync-repo';
import { createDb, type TicklerDb } from '../../../renderer/data/db';
import { allTables } from '../../../renderer/data/write-context';
import { prepareWorker, startJob } from '../../../renderer/workers/workbook-client';

const META = { appVersion: 'bench', exportedBy: 'bench', scope: 'all', language: 'ru' as const };

const syncCase: BenchCase = {
  name: 'sync',
  async run(ctx) {
    return ctx.withScratchDb(async (db) => {
      let portfolio: Portfolio | undefined = generateDemoPortfolio({ dossiers: 10_000, historyPerDossier: 10, today: ctx.today, seed: 7 });
      await writePortfolio(portfolio);
      const expected = portfolio.dossiers.length;
      ctx.log(`sync: seeded ${expected} dossiers, ${portfolio.history.length} history`);
      // Not kept alive through the measurements (the heap figure is the import's own).
      portfolio = undefined;
      await settle();

      let bytes: Uint8Array = new Uint8Array();
      let exportReadMs = 0;
      const exportMs = await ctx.time(async () => {
        const t0 = performance.now();
        const p = await readPortfolio({ kind: 'all' });
        exportReadMs = performance.now() - t0;
        bytes = (await startJob({ kind: 'write', portfolio: p, meta: META }).result).data;
      });
      const workbookKB = Math.round(bytes.byteLength / 1024);

      // The floor: SheetJS reading and writing the very same cells, nothing else. The app no
      // longer uses SheetJS for its own workbook (it streams rows in and out), so this is "the
      // same cells written and read by a spreadsheet library with no app logic".
      let wb: XLSX.WorkBook | undefined;
      const rawSheetReadMs = await ctx.time(async () => {
        wb = XLSX.read(bytes, { type: 'array', dense: true });
      });
      const rawSheetWriteMs = await ctx.time(async () => {
        XLSX.write(wb!, { type: 'array', bookType: 'xlsx', compression: true });
      });
      wb = undefined;

      await clearAll();
      // As the sync screen does when it opens, before the user picks the file.
      prepareWorker();
      await settle();
      // Chromium's heap figure is coarse (it updates every few seconds); sampled during the import.
      let peak = ctx.heapMB();
      const sampler = setInterval(() => (peak = Math.max(peak, ctx.heapMB())), 50);
      let imported = 0;
      let importParseMs = 0;
      let importApplyMs = 0;
      const importMs = await ctx.time(async () => {
        const t0 = performance.now();
        // As the app does: the binder is read while the worker reads the file.
        const reading = readPortfolio({ kind: 'all' });
        const r = await startJob({ kind: 'import', data: bytes.slice(), local: reading }).result;
        const local = await reading;
        if (r.kind !== 'plan') throw new Error(`import did not plan: ${r.kind}`);
        importParseMs = performance.now() - t0;
        peak = Math.max(peak, ctx.heapMB());
        const { changes } = applyMergePlan(local, r.plan, {});
        const t1 = performance.now();
        const done = await applyImport(changes);
        importApplyMs = performance.now() - t1;
        imported = done.dossiers;
      });
      clearInterval(sampler);
      peak = Math.max(peak, ctx.heapMB());
      if (imported !== expected) throw new Error(`imported ${imported} of ${expected}`);

      // The database's floor: the very values the import stored (rows, logs, day values…),
      // put into empty tables with no app logic, in one transaction.
      const tables = (d: TicklerDb) => allTables(d) as unknown as Table<unknown>[];
      const stored = await Promise.all(tables(db).map((t) => t.toArray()));
      const records = stored.reduce((n, rows) => n + rows.length, 0);
      const rawDb = createDb(`tickler-bench-raw-${Date.now()}`);
      const rawDbWriteMs = await ctx.time(() =>
        rawDb.transaction('rw', tables(rawDb), () => Promise.all(tables(rawDb).map((t, i) => t.bulkPut(stored[i]!)))),
      );
      rawDb.close();
      await Dexie.delete(rawDb.name);
      ctx.log(`sync: the import stored ${records} values`);
      return {
        rawDbWriteMs: Math.round(rawDbWriteMs),
        storedValues: records,
        exportMs: Math.round(exportMs),
        // Where the time goes: reading the database (export); the worker's parse, validation
        // and plan, and the database write (import).
        exportReadMs: Math.round(exportReadMs),
        importMs: Math.round(importMs),
        importParseMs: Math.round(importParseMs),
        importApplyMs: Math.round(importApplyMs),
        rawSheetWriteMs: Math.round(rawSheetWriteMs),
        rawSheetReadMs: Math.round(rawSheetReadMs),
        importPeakMB: Math.round(peak),
        workbookKB,
      };
    });
  },
};

export default syncCase;
