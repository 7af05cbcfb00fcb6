import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnsReadCancelled, readPortfolio, readPortfolioColumns, watchPortfolio, writePortfolio } from '../../../renderer/data/portfolio-repo';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import { abcAnalysis } from '../../../shared/portfolio/abc';
import { abcOnColumns } from '../../../shared/portfolio/abc-columns';
import { activityByWeek } from '../../../shared/portfolio/kpi';
import { activityByWeekOnColumns } from '../../../shared/portfolio/kpi-columns';
import { buildPortfolioColumns } from '../../../shared/portfolio/portfolio-columns';
import { dossier, freshDb, callOn } from './setup-db';

const TODAY = '2026-11-24';

describe('the portfolio screen\'s read', () => {
  it('gives the stored binder\'s columns: the same figures as the records read back', async () => {
    freshDb();
    await writePortfolio(generateDemoPortfolio({ dossiers: 150, today: TODAY, seed: 7 }));
    const [cols, p] = await Promise.all([readPortfolioColumns(), readPortfolio({ kind: 'all' })]);
    expect(cols.dossiers.count).toBe(p.dossiers.length);
    expect(cols.history.count).toBe(p.history.length);
    expect(cols.invoices.count).toBe(p.invoices.length);
    expect(cols.dossiers.id).toEqual(p.dossiers.map((d) => d.id));
    const abc = abcOnColumns(cols, TODAY, 'RUB');
    const want = abcAnalysis(p.dossiers, p.invoices, TODAY, 'RUB');
    expect(abc.classes).toEqual(want.classes);
    expect(abc.classes.A.clients).toBeGreaterThan(0);
    expect(Array.from(abc.order, (i) => cols.dossiers.id[i])).toEqual(want.clients.map((c) => c.dossierId));
    const weeks = activityByWeekOnColumns(cols, '2026-09-01', TODAY);
    expect(weeks).toEqual(activityByWeek(p.history, p.dossiers, '2026-09-01', TODAY));
    expect(weeks.reduce((s, w) => s + w.calls, 0)).toBeGreaterThan(0);
  });

  it('read page by page from the stored papers, gives exactly the columns of the whole portfolio read back, for any page size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 45 }),
        async (dossiers, historyPerDossier, seed, chunk) => {
          freshDb();
          await writePortfolio(generateDemoPortfolio({ dossiers, historyPerDossier, today: TODAY, seed }));
          const seen: [number, number][] = [];
          const cols = await readPortfolioColumns({ chunk, onProgress: (done, total) => seen.push([done, total]) });
          expect(cols).toEqual(buildPortfolioColumns(await readPortfolio({ kind: 'all' })));
          // The bar only moves forward and ends full.
          expect(seen.at(-1)).toEqual([dossiers, dossiers]);
          for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('stops at the next page once its signal is aborted', async () => {
    freshDb();
    await writePortfolio(generateDemoPortfolio({ dossiers: 30, today: TODAY, seed: 3 }));
    const abort = new AbortController();
    const read = readPortfolioColumns({ chunk: 5, signal: abort.signal, onProgress: (done) => done >= 10 && abort.abort() });
    await expect(read).rejects.toBeInstanceOf(ColumnsReadCancelled);
  });

  it('is told of every change to the binder\'s dossiers, until it stops watching', async () => {
    freshDb();
    let changes = 0;
    const stop = watchPortfolio(() => changes++);
    await dossier('Ромашка', callOn(TODAY));
    await new Promise((r) => setTimeout(r, 20));
    expect(changes).toBeGreaterThan(0);
    stop();
    const before = changes;
    await dossier('Лютик', callOn(TODAY));
    await new Promise((r) => setTimeout(r, 20));
    expect(changes).toBe(before);
  });
});
