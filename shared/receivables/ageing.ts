/**
 * The ageing of open receivables by currency and bucket (scenario 6's report, the CLI's
 * `ageing`, the receivables screen's totals): open amounts, never the invoiced ones.
 */
import { AGING_BUCKETS, agingBucket, type AgingBucket } from '../dates/receivables';
import type { WorkCalendar } from '../dates/working-days';
import type { Invoice, Payment } from '../model/records';
import { fromCents, openCents, paymentsByInvoice } from './open-amount';

export type BucketTotals = Record<AgingBucket, number>;
export type AgeingByCurrency = Record<string, BucketTotals>;

export function emptyBuckets(): BucketTotals {
  return Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as BucketTotals;
}

/** Sums cents per currency and bucket, then converts once (no float drift over 300,000 invoices). */
export class AgeingSum {
  private readonly cents = new Map<string, BucketTotals>();

  add(currency: string, bucket: AgingBucket, cents: number): void {
    let row = this.cents.get(currency);
    if (!row) this.cents.set(currency, (row = emptyBuckets()));
    row[bucket] += cents;
  }

  /** Roubles first (the home currency of most binders), then the others alphabetically; every bucket (0 where nothing is open). */
  result(): AgeingByCurrency {
    const out: AgeingByCurrency = {};
    const order = (c: string) => (c === 'RUB' ? '' : c);
    for (const currency of [...this.cents.keys()].sort((a, b) => order(a).localeCompare(order(b)))) {
      const row = this.cents.get(currency)!;
      out[currency] = Object.fromEntries(AGING_BUCKETS.map((b) => [b, fromCents(row[b])])) as BucketTotals;
    }
    return out;
  }
}

/** An invoice without a currency is in roubles: the schema's default, also for hand-typed rows. */
export function currencyOf(invoice: Pick<Invoice, 'currency'>): string {
  return invoice.currency.trim().toUpperCase() || 'RUB';
}

export function ageingTotals(invoices: readonly Invoice[], payments: readonly Payment[], today: string, cal: WorkCalendar): AgeingByCurrency {
  const paid = paymentsByInvoice(payments);
  const sum = new AgeingSum();
  for (const inv of invoices) {
    const cents = openCents(inv, paid.get(inv.id));
    if (cents > 0) sum.add(currencyOf(inv), agingBucket(inv.dueOn, today, cal), cents);
  }
  return sum.result();
}
