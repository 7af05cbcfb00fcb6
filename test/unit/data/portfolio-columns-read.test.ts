import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readPortfolio, readPortfolioColumns, writePortfolio } from '../../../renderer/data/portfolio-repo';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import { abcAnalysis } from '../../../shared/portfolio/abc';
import { abcOnColumns } from '../../../shared/portfolio/abc-columns';
import { activityByWeek } from '../../../shared/portfolio/kpi';
import { activityByWeekOnColumns } from '../../../shared/portfolio/kpi-columns';
import { freshDb } from './setup-db';

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
});
