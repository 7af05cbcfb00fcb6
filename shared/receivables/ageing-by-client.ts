/**
 * The ageing report's rows: each client's open amounts per currency and bucket (scenario
 * 6), from the receivables index's rows, in cents until the end.
 */
import { agingBucket, AGING_BUCKETS } from '../dates/receivables';
import type { WorkCalendar } from '../dates/working-days';
import { emptyBuckets, type BucketTotals } from './ageing';
import { fromCents } from './open-amount';

export interface OpenDebtRow {
  dossierId: string;
  currency: string;
  openCents: number;
  dueOn: string;
}

export interface ClientAgeing {
  dossierId: string;
  currency: string;
  buckets: BucketTotals;
  total: number;
  invoices: number;
}

export function ageingByClient(rows: readonly OpenDebtRow[], today: string, cal: WorkCalendar): ClientAgeing[] {
  const by = new Map<string, { dossierId: string; currency: string; cents: BucketTotals; invoices: number }>();
  for (const r of rows) {
    const key = `${r.dossierId}|${r.currency}`;
    let g = by.get(key);
    if (!g) by.set(key, (g = { dossierId: r.dossierId, currency: r.currency, cents: emptyBuckets(), invoices: 0 }));
    g.cents[agingBucket(r.dueOn, today, cal)] += r.openCents;
    g.invoices++;
  }
  return [...by.values()].map((g) => {
    const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, fromCents(g.cents[b])])) as BucketTotals;
    return { dossierId: g.dossierId, currency: g.currency, buckets, total: fromCents(AGING_BUCKETS.reduce((s, b) => s + g.cents[b], 0)), invoices: g.invoices };
  });
}
