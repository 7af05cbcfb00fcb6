/**
 * The bench binder's receivables (issue #13's "Measured"): every dossier gets invoices up
 * to at least three, a share overdue (across every ageing bucket), some partly paid with
 * their Payment records, most paid in full long ago, and each open invoice files its
 * payment step as the product does. Added to each seeded slice before it is written, so
 * the import and export cases carry invoices and payments in their workbook too.
 * Deterministic per seed.
 *
 * The dates follow a ledger, not a lottery: most of a year's invoices are paid; the open
 * ones not yet due spread over the coming half-year about as thickly as the demo's own
 * planned calls (so each day's folder roughly doubles, as a manager who also chases
 * payments sees it), and only the first dossiers have a reminder due today. A seed that
 * put 10 % of 300,000 invoices due within a week filed 4,000 reminders in today's folder
 * and 12,000 in tomorrow's: no manager's binder looks like that, and it measured the
 * daily loop on folders a hundred times the demo's.
 */
import { addDays } from '../../../shared/dates/calendar-day';
import { addWorkingDays, DEFAULT_WORK_CALENDAR } from '../../../shared/dates/working-days';
import type { Invoice, Payment, Portfolio } from '../../../shared/model/records';
import { followPlan, plannedPayments } from '../../../shared/receivables/payment-steps';
import { createRng, type Rng } from '../../../shared/demo/prng';

export const INVOICES_PER_DOSSIER = 3;
/** Where the seed leaves how many invoices it wrote (the receivables case prints it). */
export const BENCH_INVOICES_KEY = 'bench-invoices';
/** Shares of the seeded invoices: open and overdue, open and not yet due; the rest are paid. */
const OVERDUE = 0.12;
const NOT_DUE = 0.12;
/** Dossiers (the first of the binder) whose first invoice's reminder falls due today. */
const REMINDERS_TODAY = 8;

/** Days overdue, most in the first bucket and a tail past 90 (every ageing bucket filled). */
function daysOverdue(rng: Rng): number {
  const b = rng.next();
  return b < 0.5 ? rng.int(1, 30) : b < 0.75 ? rng.int(31, 60) : b < 0.9 ? rng.int(61, 90) : rng.int(91, 180);
}

export function addBenchReceivables(chunk: Portfolio, today: string, seed: number, offset: number): void {
  const rng = createRng(seed * 7919 + offset);
  const have = new Map<string, number>();
  for (const inv of chunk.invoices) have.set(inv.dossierId, (have.get(inv.dossierId) ?? 0) + 1);
  const now = `${today}T08:00:00.000Z`;
  const meta = { createdAt: now, updatedAt: now, author: 'bench', syncBase: '' };
  const fresh: Invoice[] = [];
  const payments: Payment[] = [];
  const leftForToday = new Set<string>();
  const partly = (inv: Invoice, from: string) => {
    const on = addDays(from, rng.int(0, 20));
    payments.push({ ...meta, id: crypto.randomUUID(), dossierId: inv.dossierId, invoiceId: inv.id, amount: Math.round(inv.amount * rng.int(10, 80)) / 100, paidOn: on < today ? on : today });
  };
  chunk.dossiers.forEach((d, i) => {
    const first = have.get(d.id) ?? 0;
    for (let n = first; n < INVOICES_PER_DOSSIER; n++) {
      const r = rng.next();
      const remindToday = n === first && offset + i < REMINDERS_TODAY;
      const kind = remindToday ? 'not-due' : r < OVERDUE ? 'overdue' : r < OVERDUE + NOT_DUE ? 'not-due' : 'paid';
      const due = remindToday
        ? addWorkingDays(today, 3, DEFAULT_WORK_CALENDAR)
        : kind === 'overdue' ? addDays(today, -daysOverdue(rng)) : kind === 'not-due' ? addDays(today, rng.int(6, 180)) : addDays(today, -rng.int(1, 365));
      const amount = rng.int(10, 3000) * 1000;
      const issuedOn = addDays(due, -30);
      const inv: Invoice = {
        ...meta, id: crypto.randomUUID(), dossierId: d.id, number: `Б-${offset + i}-${n}`, basis: 'Договор поставки', amount,
        currency: rng.chance(0.1) ? 'EUR' : 'RUB', issuedOn, dueOn: due, paidOn: '',
      };
      if (kind === 'paid') {
        const on = addDays(due, rng.int(-5, 15));
        inv.paidOn = on < today ? on : addDays(today, -1);
      } else if (rng.chance(kind === 'overdue' ? 0.4 : 0.15)) partly(inv, issuedOn);
      fresh.push(inv);
      if (remindToday) leftForToday.add(inv.id);
    }
  });
  chunk.invoices.push(...fresh);
  chunk.payments.push(...payments);
  // Each open invoice's payment step, as saveInvoice files it. A reminder whose day has come
  // was made on its day (done there), as a manager working the binder leaves it, except the
  // few left for this morning (the demo's own invoices file reminders too): today's folder
  // is the demo's plus those, and the overdue sit on the receivables screen.
  const paid = new Map<string, Payment[]>();
  for (const p of chunk.payments) paid.set(p.invoiceId, [...(paid.get(p.invoiceId) ?? []), p]);
  for (const inv of chunk.invoices) {
    for (const s of followPlan([], plannedPayments(inv, paid.get(inv.id), DEFAULT_WORK_CALENDAR), inv.dossierId, now, 'bench')) {
      const made = s.date < today || (s.date === today && !leftForToday.has(inv.id));
      chunk.steps.push(made ? { ...s, done: true, doneAt: `${s.date}T10:00:00.000Z` } : s);
    }
  }
}
