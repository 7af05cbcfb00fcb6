/**
 * The receivables ageing report (scenario 6): one row per client and currency with its open
 * amounts by bucket (not yet due, due soon, 1-30, 31-60, 61-90, 90+ days overdue), and the
 * totals per currency on a second sheet; frozen headers and filters like every report.
 */
import { AGING_BUCKETS } from '../../../shared/dates/receivables';
import { emptyBuckets } from '../../../shared/receivables/ageing';
import type { AgeingReportRow } from '../../data/ageing-report-repo';
import { num, sheetOf, text, writeReport, type ReportColumn, type Translate } from './reports';

const MONEY = '#,##0.00';

interface CurrencyTotal {
  currency: string;
  buckets: AgeingReportRow['buckets'];
  total: number;
  clients: number;
}

/** Totals per currency, summed in cents so that thousands of rows add up to the cent. */
export function currencyTotals(rows: readonly AgeingReportRow[]): CurrencyTotal[] {
  const by = new Map<string, { cents: ReturnType<typeof emptyBuckets>; clients: number }>();
  for (const r of rows) {
    let g = by.get(r.currency);
    if (!g) by.set(r.currency, (g = { cents: emptyBuckets(), clients: 0 }));
    for (const b of AGING_BUCKETS) g.cents[b] += Math.round(r.buckets[b] * 100);
    g.clients++;
  }
  return [...by].map(([currency, g]) => {
    const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, g.cents[b] / 100])) as CurrencyTotal['buckets'];
    return { currency, buckets, total: AGING_BUCKETS.reduce((s, b) => s + g.cents[b], 0) / 100, clients: g.clients };
  });
}

/** The bucket columns and the total, shared by both sheets. */
function amountColumns<T extends { buckets: AgeingReportRow['buckets']; total: number }>(t: Translate): ReportColumn<T>[] {
  return [
    ...AGING_BUCKETS.map((b): ReportColumn<T> => ({ header: t(`receivables:bucket.${b}`), width: 15, cell: (r) => num(r.buckets[b], MONEY) })),
    { header: t('ageing.col.total'), width: 16, cell: (r) => num(r.total, MONEY) },
  ];
}

export function ageingReport(rows: readonly AgeingReportRow[], t: Translate): Uint8Array {
  const clientCols: ReportColumn<AgeingReportRow>[] = [
    { header: t('reports.col.company'), width: 32, cell: (r) => text(r.company) },
    { header: t('reports.col.taxId'), width: 14, cell: (r) => text(r.taxId) },
    { header: t('reports.col.owner'), width: 18, cell: (r) => text(r.owner) },
    { header: t('ageing.col.currency'), width: 9, cell: (r) => text(r.currency) },
    ...amountColumns<AgeingReportRow>(t),
    { header: t('ageing.col.invoices'), width: 10, cell: (r) => num(r.invoices) },
  ];
  const totalCols: ReportColumn<CurrencyTotal>[] = [
    { header: t('ageing.col.currency'), width: 9, cell: (r) => text(r.currency) },
    ...amountColumns<CurrencyTotal>(t),
    { header: t('ageing.col.clients'), width: 10, cell: (r) => num(r.clients) },
  ];
  return writeReport([sheetOf(t('ageing.sheet.clients'), clientCols, rows), sheetOf(t('ageing.sheet.totals'), totalCols, currencyTotals(rows))]);
}
