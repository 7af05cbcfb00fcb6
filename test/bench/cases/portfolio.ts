/**
 * The portfolio screen and the team view at the seeded size (100,000 dossiers by default).
 *
 * What the manager waits for when the screen opens: `portfolioOpenMs`, from asking for the
 * binder's columns to having them, through the portfolio worker as the screen asks
 * (readColumnsOffThread: the read and the columns' build on the worker's thread, the typed
 * arrays transferred back), and `portfolioUiMaxTaskMs`, the longest task the window's
 * thread ran meanwhile. `portfolioPapersReadMs` is the floor under the open: only reading
 * the papers in the same pages, nothing built (on the window's thread, as a bench figure).
 *
 * Then what the screen computes on the columns: the ABC analysis with the segment split
 * (`abcMs`), a week's activity KPIs (`kpiWeekMs`), medians of 5; and the team view over
 * 10 managers' portfolios totalling the same number of dossiers (in memory, as the view
 * holds loaded workbooks).
 */
import { addDays } from '../../../shared/dates/calendar-day';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import { abcOnColumns, segmentCodes, splitOnColumns } from '../../../shared/portfolio/abc-columns';
import { activityByWeekOnColumns } from '../../../shared/portfolio/kpi-columns';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../../../shared/portfolio/profile';
import { buildTeamLines, type LoadedWorkbook } from '../../../shared/portfolio/team';
import { COLUMNS_CHUNK } from '../../../renderer/data/portfolio-repo';
import { readColumnsOffThread } from '../../../renderer/workers/portfolio-client';
import type { PortfolioColumns } from '../../../shared/portfolio/portfolio-columns';
import type { BenchCase } from '../bench-case';

const MANAGERS = 10;

const portfolioCase: BenchCase = {
  name: 'portfolio',
  goals: { portfolioUiMaxTaskMs: 100, abcMs: 300, kpiWeekMs: 100, teamWorkloadMs: 500 },
  async run(ctx) {
    let columns: PortfolioColumns | undefined;
    let progressMessages = 0;
    let firstPapersAt = 0;
    const watch = ctx.watchLongTasks();
    const t0 = performance.now();
    const onProgress = (done: number) => {
      progressMessages++;
      if (done > 0 && firstPapersAt === 0) firstPapersAt = performance.now() - t0;
    };
    const portfolioOpenMs = await ctx.time(async () => { columns = await readColumnsOffThread({ onProgress }); });
    const portfolioUiMaxTaskMs = await watch.stop();
    let papersRead = 0;
    const portfolioPapersReadMs = await ctx.time(async () => {
      for (let page = await ctx.db.papers.limit(COLUMNS_CHUNK).toArray(); page.length > 0; ) {
        papersRead += page.length;
        page = page.length < COLUMNS_CHUNK ? [] : await ctx.db.papers.where(':id').above(page.at(-1)!.dossierId).limit(COLUMNS_CHUNK).toArray();
      }
    });
    const cols = columns!;
    ctx.log(`portfolio: opened ${cols.dossiers.count} dossiers, ${cols.history.count} history entries through the worker (${progressMessages} progress messages, the first page of papers in at ${Math.round(firstPapersAt)} ms; papers alone ${papersRead} in ${Math.round(portfolioPapersReadMs)} ms)`);
    let classes = { A: 0, B: 0, C: 0 };
    const abcMs = await ctx.median(async () => {
      const r = abcOnColumns(cols, ctx.today, 'RUB');
      splitOnColumns(r, segmentCodes(cols.dossiers, DEFAULT_SEGMENT_THRESHOLDS));
      classes = { A: r.classes.A.clients, B: r.classes.B.clients, C: r.classes.C.clients };
    }, 5);
    ctx.log(`portfolio: ${cols.dossiers.count} dossiers, ${cols.invoices.count} invoices, ABC ${JSON.stringify(classes)}`);
    const kpiWeekMs = await ctx.median(async () => activityByWeekOnColumns(cols, addDays(ctx.today, -6), ctx.today), 5);

    const per = Math.ceil(ctx.dossiers / MANAGERS);
    const team: LoadedWorkbook[] = Array.from({ length: MANAGERS }, (_, i) => ({
      file: `m${i}.xlsx`,
      portfolio: generateDemoPortfolio({ dossiers: per, seed: 100 + i, today: ctx.today, owner: `Manager ${i + 1}`, historyPerDossier: 1 }),
    }));
    let lines = 0;
    const teamWorkloadMs = await ctx.median(async () => { lines = buildTeamLines(team, ctx.today, 'RUB').length; }, 5);
    ctx.log(`portfolio: team view of ${lines} managers, ${per * MANAGERS} dossiers`);
    return { portfolioOpenMs: Math.round(portfolioOpenMs), portfolioUiMaxTaskMs: Math.round(portfolioUiMaxTaskMs), portfolioPapersReadMs: Math.round(portfolioPapersReadMs), abcMs, kpiWeekMs, teamWorkloadMs };
  },
};

export default portfolioCase;
