/**
 * A chart's numbers as a report sheet (the report writers of sync/reports.ts): the label
 * column, then one number column per series, so the export holds exactly what the chart
 * and its table show. Day labels become date cells.
 */
import { day, num, sheetOf, text, type ReportColumn, type ReportSheet } from '../sync/reports';
import type { ChartSeries } from '../../ui/chart-panel';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function chartSheet(name: string, labelHeader: string, labels: readonly string[], series: readonly ChartSeries[]): ReportSheet {
  const rows = labels.map((label, i) => ({ label, i }));
  const columns: ReportColumn<{ label: string; i: number }>[] = [
    { header: labelHeader, width: 14, cell: (r) => (DAY_RE.test(r.label) ? day(r.label) : text(r.label)) },
    ...series.map((s): ReportColumn<{ label: string; i: number }> => ({ header: s.label, width: Math.max(10, Math.min(28, s.label.length + 2)), cell: (r) => num(s.values[r.i] ?? 0) })),
  ];
  return sheetOf(name, columns, rows);
}
