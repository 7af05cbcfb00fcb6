/**
 * The bench binder's receivables (issue #13's "Measured"): every dossier gets invoices up
 * to at least three, a share overdue (across every ageing bucket), some partly paid with
 * their Payment records, some paid in full, and each open invoice files its payment step
 * as the product does. Added to each seeded slice before it is written, so the import and
 * export cases carry invoices and payments in their workbook too. Deterministic per seed.
 */
import { addDays } from '../../../shared/dates/calendar-day';
import { DEFAULT_WORK_CALENDAR } from '../../../shared/dates/working-days';
import type { Invoice, Payment, Portfolio } from '../../../shared/model/records';
import { followPlan, plannedPayments } from '../../../shared/receivables/payment-steps';
import { createRng } from '../../../shared/demo/prng';

export const INVOICES_PER_DOSSIER = 3;
/** Where the seed leaves how many invoices it wrote (the receivables case prints it). */
export const BENCH_INVOICES_KEY = 'bench-invoices';

export function addBenchReceivables(chunk: Portfolio, today: string, seed: number, offset: number): void {
  const rng = createRng(seed * 7919 + offset);
  const have = new Map<string, number>();
  for (const inv of chunk.invoices) have.set(inv.dossierId, (have.get(inv.dossierId) ?? 0) + 1);
  const now = `${today}T08:00:00.000Z`;
  const meta = { createdAt: now, updatedAt: now, author: 'bench', syncBase: '' };
  const fresh: Invoice[] = [];
  const payments: Payment[] = [];
  chunk.dossiers.forEach((d, i) => {
    for (let n = have.get(d.id) ?? 0; n < INVOICES_PER_DOSSIER; n++) {
      const r = rng.next();
      // ~35 % overdue (spread to 120 days back), ~10 % due within a week, the rest later.
      const due = r < 0.35 ? addDays(today, -rng.int(1, 120)) : r < 0.45 ? addDays(today, rng.int(0, 6)) : addDays(today, rng.int(7, 90));
      const amount = rng.int(10, 3000) * 1000;
      const inv: Invoice = {
        ...meta, id: crypto.randomUUID(), dossierId: d.id, number: `Б-${offset + i}-${n}`, basis: 'Договор поставки', amount,
        currency: rng.chance(0.1) ? 'EUR' : 'RUB', issuedOn: addDays(due, -30), dueOn: due, paidOn: '',
      };
      const p = rng.next();
      if (due < today && p < 0.25) {
        const on = addDays(due, rng.int(0, 10));
        inv.paidOn = on < today ? on : today;
      }
      else if (p < 0.45) payments.push({ ...meta, id: crypto.randomUUID(), dossierId: d.id, invoiceId: inv.id, amount: Math.round(amount * rng.int(10, 80)) / 100, paidOn: addDays(today, -rng.int(0, 20)) });
      fresh.push(inv);
    }
  });
  chunk.invoices.push(...fresh);
  chunk.payments.push(...payments);
  // Each open invoice's payment step, as saveInvoice files it; a reminder whose day has
  // passed was made on its day (done there), as a manager working the binder leaves it, so
  // the daily loop's folders are the demo's and the overdue sit on the receivables screen.
  const paid = new Map<string, Payment[]>();
  for (const p of chunk.payments) paid.set(p.invoiceId, [...(paid.get(p.invoiceId) ?? []), p]);
  for (const inv of chunk.invoices) {
    for (const s of followPlan([], plannedPayments(inv, paid.get(inv.id), DEFAULT_WORK_CALENDAR), inv.dossierId, now, 'bench')) {
      chunk.steps.push(s.date < today ? { ...s, done: true, doneAt: `${s.date}T10:00:00.000Z` } : s);
    }
  }
}
