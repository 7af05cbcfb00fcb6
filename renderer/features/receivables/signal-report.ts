/**
 * "Signal finance and legal": the debts at or past a ladder level as a report workbook
 * (the report writers' cells: a company named "=1+1" stays text, never a formula).
 */
import type { ReceivableItem } from '../../data/receivables-repo';
import { day, num, sheetOf, text, writeReport, type ReportColumn, type Translate } from '../sync/reports';

export function signalReport(items: readonly ReceivableItem[], t: Translate): Uint8Array {
  const c = (k: string) => t(`desk.signal.cols.${k}`);
  const cols: ReportColumn<ReceivableItem>[] = [
    { header: c('company'), width: 32, cell: (r) => text(r.company) },
    { header: c('taxId'), width: 14, cell: (r) => text(r.taxId) },
    { header: c('owner'), width: 18, cell: (r) => text(r.owner) },
    { header: c('number'), width: 14, cell: (r) => text(r.number) },
    { header: c('currency'), width: 8, cell: (r) => text(r.currency) },
    { header: c('open'), width: 14, cell: (r) => num(r.open) },
    { header: c('due'), width: 12, cell: (r) => day(r.dueOn) },
    { header: c('days'), width: 10, cell: (r) => num(r.daysOverdue) },
    { header: c('level'), width: 16, cell: (r) => text(t(`level.${r.ladderLevel || 'none'}`)) },
    { header: c('held'), width: 10, cell: (r) => text(r.held ? '✓' : '') },
  ];
  return writeReport([sheetOf(t('desk.signal.sheet'), cols, items)]);
}
