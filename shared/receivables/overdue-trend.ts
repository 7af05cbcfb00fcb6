/**
 * The trend of the overdue by week (the receivables screen's chart): what was overdue at
 * the end of each of the last weeks, rebuilt from the invoices and their dated payments,
 * so the chart needs no stored history and agrees with any binder restored or merged.
 * "Overdue on day D": due before D, issued by D, and not paid by D (payments dated after
 * D, or a `paidOn` after D, did not count yet).
 */
import { addDays, isoWeekday } from '../dates/calendar-day';
import type { Invoice, Payment } from '../model/records';
import { currencyOf } from './ageing';
import { fromCents, paymentsByInvoice, toCents } from './open-amount';

/**
 * The days the trend is read on, oldest first: the Sundays that ended the previous
 * `weeks - 1` weeks (weeks run Monday to Sunday) and today, the week not over yet.
 */
export function trendDays(today: string, weeks = 12): string[] {
  const lastSunday = addDays(today, -(isoWeekday(today) % 7 || 7));
  const out = [today];
  for (let i = 0; i < weeks - 1; i++) out.unshift(addDays(lastSunday, -7 * i));
  return out;
}

/** Overdue cents per currency on each day, summed over any number of batches (the papers are read in slices). */
export class OverdueTrend {
  private readonly cents = new Map<string, number[]>();

  constructor(readonly days: readonly string[]) {}

  add(invoices: readonly Invoice[], payments: readonly Payment[]): void {
    const paid = paymentsByInvoice(payments);
    for (const inv of invoices) {
      const own = paid.get(inv.id) ?? [];
      this.days.forEach((day, i) => {
        if (inv.dueOn >= day || (inv.issuedOn !== '' && inv.issuedOn > day)) return;
        if (inv.paidOn !== '' && inv.paidOn <= day) return;
        let open = toCents(inv.amount);
        for (const p of own) if (p.paidOn <= day) open -= toCents(p.amount);
        if (open <= 0) return;
        const currency = currencyOf(inv);
        let row = this.cents.get(currency);
        if (!row) this.cents.set(currency, (row = this.days.map(() => 0)));
        row[i]! += open;
      });
    }
  }

  /** Amounts per currency, one per day (roubles first, as in the ageing totals). */
  result(): Record<string, number[]> {
    const order = (c: string) => (c === 'RUB' ? '' : c);
    const out: Record<string, number[]> = {};
    for (const c of [...this.cents.keys()].sort((a, b) => order(a).localeCompare(order(b)))) out[c] = this.cents.get(c)!.map(fromCents);
    return out;
  }
}

export function overdueTrend(invoices: readonly Invoice[], payments: readonly Payment[], days: readonly string[]): Record<string, number[]> {
  const t = new OverdueTrend(days);
  t.add(invoices, payments);
  return t.result();
}
