/**
 * The portfolio screen and the team view at the seeded size (100,000 dossiers by default):
 * the ABC analysis with the segment split over the binder as read from IndexedDB, a week's
 * activity KPIs from the whole history, and the team view over 10 managers' portfolios
 * totalling the same number of dossiers (in memory, as the view holds loaded workbooks).
 * The IndexedDB read the screen does first is reported apart (abcReadMs): the goal is the
 * screen's computation, the read is the data layer's and is measured by the daily loop.
 * The screen holds the binder as columns (shared/portfolio/portfolio-columns.ts), built
 * once per read: that one-off build is timed on its own too (portfolioColumnsMs, no goal),
 * and abcMs / kpiWeekMs time what the screen computes on the columns.
 */
import { addDays } from '../../../shared/dates/calendar-day';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import { abcOnColumns, segmentCodes, splitOnColumns } from '../../../shared/portfolio/abc-columns';
import { activityByWeekOnColumns } from '../../../shared/portfolio/kpi-columns';
import { buildPortfolioColumns } from '../../../shared/portfolio/portfolio-columns';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../../../shared/portfolio/profile';
import { buildTeamLines, type LoadedWorkbook } from '../../../shared/portfolio/team';
import { readPortfolio } from '../../../renderer/data/portfolio-repo';
import type { BenchCase } from '../bench-case';

const MANAGERS = 10;

const portfolioCase: BenchCase = {
  name: 'portfolio',
  goals: { abcMs: 300, kpiWeekMs: 100, teamWorkloadMs: 500 },
  async run(ctx) {
    let portfolio = await readPortfolio({ kind: 'all' });
    const abcReadMs = await ctx.time(async () => { portfolio = await readPortfolio({ kind: 'all' }); });
    const p = portfolio;
    let columns = buildPortfolioColumns(p);
    const portfolioColumnsMs = await ctx.time(async () => { columns = buildPortfolioColumns(p); });
    const cols = columns;
    let classes = { A: 0, B: 0, C: 0 };
    const abcMs = await ctx.median(async () => {
      const r = abcOnColumns(cols, ctx.today, 'RUB');
      splitOnColumns(r, segmentCodes(cols.dossiers, DEFAULT_SEGMENT_THRESHOLDS));
      classes = { A: r.classes.A.clients, B: r.classes.B.clients, C: r.classes.C.clients };
    }, 5);
    ctx.log(`portfolio: ${p.dossiers.length} dossiers, ${p.invoices.length} invoices, ABC ${JSON.stringify(classes)}`);
    const kpiWeekMs = await ctx.median(async () => activityByWeekOnColumns(cols, addDays(ctx.today, -6), ctx.today), 5);

    const per = Math.ceil(ctx.dossiers / MANAGERS);
    const team: LoadedWorkbook[] = Array.from({ length: MANAGERS }, (_, i) => ({
      file: `m${i}.xlsx`,
      portfolio: generateDemoPortfolio({ dossiers: per, seed: 100 + i, today: ctx.today, owner: `Manager ${i + 1}`, historyPerDossier: 1 }),
    }));
    let lines = 0;
    const teamWorkloadMs = await ctx.median(async () => { lines = buildTeamLines(team, ctx.today, 'RUB').length; }, 5);
    ctx.log(`portfolio: team view of ${lines} managers, ${per * MANAGERS} dossiers`);
    return { abcReadMs, portfolioColumnsMs, abcMs, kpiWeekMs, teamWorkloadMs };
  },
};

export default portfolioCase;
