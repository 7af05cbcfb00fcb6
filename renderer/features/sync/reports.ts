/**
 * Report workbooks: today's call sheet, activity for a period, the dossier list. Every
 * cell's type is set here (text is always a text cell, so "=1+1" or "+7 999…" in a note
 * stays text and never turns into a formula or a number); headers are frozen and filtered.
 */
import * as XLSX from 'xlsx';
import type { HistoryEntry } from '../../../shared/model/records';
import { dayToSerial, instantToSerial } from '../../../shared/workbook/cells';
import { CELL_MAX } from '../../../shared/workbook/columns';
import { writeFrozen } from '../../../shared/workbook/freeze';
import { DAY_FORMAT } from '../../../shared/workbook/write';
import type { DossierSummary } from '../../data/types';

export type Cell = XLSX.CellObject | undefined;
export type Translate = (key: string) => string;

const INSTANT_FORMAT = 'dd.mm.yyyy hh:mm';

/**
 * A report is a view for reading (the portfolio workbook carries long texts whole, on its
 * overflow sheet): a text longer than a cell holds is cut to fit with a visible "…",
 * where SheetJS, like Excel, would refuse the whole workbook.
 */
export const text = (v: string | undefined): Cell => (v ? { t: 's', v: v.length > CELL_MAX ? `${v.slice(0, CELL_MAX - 1)}…` : v } : undefined);
export const num = (v: number, z?: string): Cell => (z ? { t: 'n', v, z } : { t: 'n', v });
function day(v: string | undefined): Cell {
  const serial = v ? dayToSerial(v) : undefined;
  return serial === undefined ? text(v) : { t: 'n', v: serial, z: DAY_FORMAT };
}
function instant(v: string | undefined): Cell {
  const serial = v ? instantToSerial(v) : undefined;
  return serial === undefined ? text(v) : { t: 'n', v: serial, z: INSTANT_FORMAT };
}
/** A folder key as a date cell for a day folder, as text ('2026-07') for a month folder. */
const fileKeyCell = (k: string | undefined): Cell => (k && k.length === 10 ? day(k) : text(k));

export interface ReportColumn<T> {
  header: string;
  width: number;
  cell(item: T): Cell;
}

export interface ReportSheet {
  name: string;
  headers: string[];
  widths: number[];
  rows: Cell[][];
}

export function sheetOf<T>(name: string, columns: ReportColumn<T>[], items: readonly T[]): ReportSheet {
  return {
    name,
    headers: columns.map((c) => c.header),
    widths: columns.map((c) => c.width),
    rows: items.map((it) => columns.map((c) => c.cell(it))),
  };
}

/** Writes sheets with a frozen header row, an autofilter over the table and column widths. */
export function writeReport(sheets: ReportSheet[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const data: Cell[][] = [s.headers.map((h) => text(h)), ...s.rows];
    const ref = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, data.length - 1), c: Math.max(0, s.headers.length - 1) } });
    const ws = { '!data': data, '!ref': ref, '!cols': s.widths.map((wch) => ({ wch })), '!autofilter': { ref } } as unknown as XLSX.WorkSheet;
    // Excel limits sheet names to 31 characters.
    XLSX.utils.book_append_sheet(wb, ws, s.name.slice(0, 31));
  }
  return writeFrozen(wb, { type: 'array', bookType: 'xlsx', compression: true });
}

/** Today's plan to print or fill in by hand: the Outcome column is left empty on purpose. */
export function callSheetReport(rows: readonly DossierSummary[], t: Translate): Uint8Array {
  const cols: ReportColumn<DossierSummary>[] = [
    { header: t('reports.col.time'), width: 7, cell: (r) => text(r.nextTime) },
    { header: t('reports.col.company'), width: 32, cell: (r) => text(r.company) },
    { header: t('reports.col.contact'), width: 22, cell: (r) => text(r.primaryName) },
    { header: t('reports.col.phone'), width: 18, cell: (r) => text(r.primaryPhone) },
    { header: t('reports.col.lastContact'), width: 16, cell: (r) => instant(r.lastContactAt) },
    { header: t('reports.col.lastSummary'), width: 40, cell: (r) => text(r.lastSummary) },
    { header: t('reports.col.nextStep'), width: 28, cell: (r) => text(r.nextTitle || (r.nextKind ? t(`kind.${r.nextKind}`) : '')) },
    { header: t('reports.col.next'), width: 12, cell: (r) => fileKeyCell(r.fileKey) },
    { header: t('reports.col.outcome'), width: 40, cell: () => undefined },
  ];
  return writeReport([sheetOf(t('reports.sheet.plan'), cols, rows)]);
}

export interface ActivityItem {
  entry: HistoryEntry;
  company: string;
}

/** Contacts by day, type and outcome, and the entries themselves. */
export function activityReport(items: readonly ActivityItem[], t: Translate): Uint8Array {
  const groups = new Map<string, { day: string; kind: string; outcome: string; count: number }>();
  for (const { entry } of items) {
    const d = localDay(entry.at);
    const key = `${d}|${entry.kind}|${entry.outcome}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { day: d, kind: entry.kind, outcome: entry.outcome, count: 1 });
  }
  const summary = [...groups.values()].sort((a, b) => a.day.localeCompare(b.day) || a.kind.localeCompare(b.kind));
  type G = (typeof summary)[number];
  const summaryCols: ReportColumn<G>[] = [
    { header: t('reports.col.day'), width: 12, cell: (g) => day(g.day) },
    { header: t('reports.col.kind'), width: 14, cell: (g) => text(t(`kind.${g.kind}`)) },
    { header: t('reports.col.result'), width: 18, cell: (g) => text(g.outcome ? t(`outcome.${g.outcome}`) : '') },
    { header: t('reports.col.count'), width: 10, cell: (g) => num(g.count) },
  ];
  const entryCols: ReportColumn<ActivityItem>[] = [
    { header: t('reports.col.at'), width: 16, cell: (i) => instant(i.entry.at) },
    { header: t('reports.col.company'), width: 32, cell: (i) => text(i.company) },
    { header: t('reports.col.kind'), width: 14, cell: (i) => text(t(`kind.${i.entry.kind}`)) },
    { header: t('reports.col.result'), width: 18, cell: (i) => text(i.entry.outcome ? t(`outcome.${i.entry.outcome}`) : '') },
    { header: t('reports.col.summaryText'), width: 60, cell: (i) => text(i.entry.summary) },
    { header: t('reports.col.author'), width: 18, cell: (i) => text(i.entry.author) },
  ];
  return writeReport([sheetOf(t('reports.sheet.summary'), summaryCols, summary), sheetOf(t('reports.sheet.entries'), entryCols, items)]);
}

/** The dossier list as filtered on screen. */
export function dossierListReport(rows: readonly DossierSummary[], t: Translate): Uint8Array {
  const cols: ReportColumn<DossierSummary>[] = [
    { header: t('reports.col.company'), width: 32, cell: (r) => text(r.company) },
    { header: t('reports.col.taxId'), width: 14, cell: (r) => text(r.taxId) },
    { header: t('reports.col.owner'), width: 18, cell: (r) => text(r.owner) },
    { header: t('reports.col.segment'), width: 10, cell: (r) => text(r.segment ? t(`segment.${r.segment}`) : '') },
    { header: t('reports.col.vip'), width: 6, cell: (r) => text(r.vip ? t('reports.yes') : '') },
    { header: t('reports.col.status'), width: 10, cell: (r) => text(t(`status.${r.status}`)) },
    { header: t('reports.col.next'), width: 12, cell: (r) => fileKeyCell(r.fileKey) },
    { header: t('reports.col.contact'), width: 22, cell: (r) => text(r.primaryName) },
    { header: t('reports.col.phone'), width: 18, cell: (r) => text(r.primaryPhone) },
    { header: t('reports.col.lastContact'), width: 16, cell: (r) => instant(r.lastContactAt) },
  ];
  return writeReport([sheetOf(t('reports.sheet.list'), cols, rows)]);
}

/** The calendar day of an instant in this computer's time zone (what the manager lived). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
