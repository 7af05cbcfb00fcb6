/**
 * Opening the receivables screen on the full bench binder (≥ 3 invoices per dossier, a
 * share overdue, partly paid): what its first render reads, the bucket totals of every
 * currency (the v8 index's per-day values) with the first page of due soon and of overdue
 * (a page of the index joined with its dossiers). Goal: receivablesMs ≤ 50.
 */
import type { BenchCase } from '../bench-case';
import { DEFAULT_WORK_CALENDAR } from '../../../shared/dates/working-days';
import { getReceivablesOverview, listReceivables } from '../../../renderer/data/receivables-repo';
import { BENCH_INVOICES_KEY } from '../page/bench-receivables';

const receivablesCase: BenchCase = {
  name: 'receivables',
  goals: { receivablesMs: 50 },
  async run(ctx) {
    const invoices = Number((await ctx.db.kv.get(BENCH_INVOICES_KEY))?.value ?? 0);
    const cal = DEFAULT_WORK_CALENDAR;
    let shown = { overdue: 0, dueSoon: 0, open: 0 };
    const receivablesMs = await ctx.median(async () => {
      const [overview, overdue, dueSoon] = await Promise.all([
        getReceivablesOverview(ctx.today, cal),
        listReceivables({ view: 'overdue', today: ctx.today, limit: 100 }),
        listReceivables({ view: 'due-soon', today: ctx.today, limit: 100, cal }),
      ]);
      shown = { overdue: overdue.length, dueSoon: dueSoon.length, open: overview.invoices };
    }, 7);
    // The same with a filter that lets few rows through (VIP only): the pages read on until 100 match.
    const receivablesFilteredMs = await ctx.median(() => listReceivables({ view: 'overdue', today: ctx.today, limit: 100, filter: { vip: true } }), 5);
    ctx.log(`receivables: ${invoices} invoices, ${shown.open} open; first pages ${shown.overdue} overdue, ${shown.dueSoon} due soon`);
    return { invoices, openInvoices: shown.open, receivablesMs, receivablesFilteredMs };
  },
};

export default receivablesCase;
