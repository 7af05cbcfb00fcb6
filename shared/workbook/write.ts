/**
 * Portfolio -> xlsx. Sheets are built directly as dense cell arrays (no per-cell address
 * objects, no aoa_to_sheet type guessing): that keeps export within a small factor of
 * SheetJS's own write, and no string can ever be turned into a formula or a number,
 * because every cell's type is set here from the column type, never guessed from its text.
 */
import * as XLSX from 'xlsx';
import type { Dossier, Portfolio } from '../model/records';
import { nowIso } from '../model/ids';
import { contentHash } from '../merge/content-hash';
import { dayToSerial, formatInstalments, instantToSerial, LIST_SEPARATOR } from './cells';
import {
  CELL_MAX, CUSTOM_PREFIX, FORMAT_NAME, FORMAT_VERSION, HOLIDAY_SHEET, META_SHEET, OVERFLOW_SHEET, WORKING_DAY_SHEET,
  RECORD_SHEETS, SHEET_ROW_MAX, sheetPartName, type ColumnSpec, type Language, type SheetSpec,
} from './columns';
import { writeFrozen } from './freeze';

export type { Language } from './columns';

export interface ExportMeta {
  appVersion: string;
  exportedBy: string;
  /** What was exported, e.g. 'all', 'owner:Иванов', 'due:2026-07-01..2026-07-31'. */
  scope: string;
  language: Language;
  exportedAt?: string;
}

export interface WorkbookMeta {
  formatVersion: number;
  appVersion: string;
  exportedAt: string;
  exportedBy: string;
  scope: string;
  language: Language | '';
  /** Data rows per sheet key (dossiers, contacts, …, holidays) as written at export. */
  counts: Record<string, number>;
}

type Cell = XLSX.CellObject;
type Row = (Cell | undefined)[];

export const DAY_FORMAT = 'dd.mm.yyyy';
export const INSTANT_FORMAT = 'dd.mm.yyyy hh:mm:ss';

interface Overflow {
  sheet: string;
  id: string;
  header: string;
  text: string;
}

/** Splits at `max` without cutting a surrogate pair in two. */
function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + max, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

const XML_CODE_RE = /_(x[0-9a-fA-F]{4}_)/g;

function escapeCodes(v: string): string {
  return v.includes('_x') ? v.replace(XML_CODE_RE, '_x005F_$1') : v;
}

/**
 * OOXML reads "_xHHHH_" in a string as an escaped character; SheetJS writes such text
 * as is, so "_x0041_" typed by a user would come back as "A". Escaping its underscore
 * ("_x005F_") keeps the literal text, in SheetJS, Excel and LibreOffice alike.
 */
function str(v: string): Cell {
  return { t: 's', v: escapeCodes(v) };
}

class SheetWriter {
  overflow: Overflow[] = [];

  textCell(text: string, sheet: string, id: string, header: string): Cell | undefined {
    if (text === '') return undefined;
    const escaped = escapeCodes(text);
    if (escaped.length <= CELL_MAX) return { t: 's', v: escaped };
    // Escapes at most double a chunk, so half a cell of raw text always fits. A chunk may
    // end inside "_xHHHH_": each cell is decoded on its own, so the halves rejoin intact.
    const [first, ...rest] = chunks(text, escaped.length === text.length ? CELL_MAX : CELL_MAX >> 1);
    for (const part of rest) this.overflow.push({ sheet, id, header, text: part });
    return str(first!);
  }

  cell(col: ColumnSpec, value: unknown, sheet: string, id: string, header: string): Cell | undefined {
    switch (col.type) {
      case 'bool':
        return { t: 'b', v: value === true };
      case 'int':
      case 'number':
        return typeof value === 'number' ? { t: 'n', v: value } : undefined;
      case 'day': {
        if (typeof value !== 'string' || value === '') return undefined;
        const serial = dayToSerial(value);
        return serial === undefined ? str(value) : { t: 'n', v: serial, z: DAY_FORMAT };
      }
      case 'instant': {
        if (typeof value !== 'string' || value === '') return undefined;
        const serial = instantToSerial(value);
        return serial === undefined ? str(value) : { t: 'n', v: serial, z: INSTANT_FORMAT };
      }
      case 'list':
        return Array.isArray(value) && value.length ? this.textCell(value.join(LIST_SEPARATOR), sheet, id, header) : undefined;
      case 'instalments':
        return Array.isArray(value) && value.length ? this.textCell(formatInstalments(value), sheet, id, header) : undefined;
      default:
        return typeof value === 'string' ? this.textCell(value, sheet, id, header) : undefined;
    }
  }
}

function finishSheet(rows: Row[], widths: number[], filter: boolean): XLSX.WorkSheet {
  const cols = Math.max(1, widths.length);
  const ref = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.length - 1), c: cols - 1 } });
  const ws = { '!data': rows, '!ref': ref, '!cols': widths.map((wch) => ({ wch })) } as unknown as XLSX.WorkSheet;
  if (filter) ws['!autofilter'] = { ref };
  return ws;
}

function customKeys(dossiers: Dossier[]): string[] {
  const keys = new Set<string>();
  for (const d of dossiers) for (const [k, v] of Object.entries(d.customFields ?? {})) if (v !== '') keys.add(k);
  return [...keys].sort();
}

function recordSheet(
  spec: SheetSpec,
  records: readonly object[],
  lang: Language,
  companyOf: Map<string, string>,
  custom: string[],
  w: SheetWriter,
): XLSX.WorkSheet {
  const sheetName = spec[lang];
  // Custom-field columns go before the bookkeeping columns (author, dates, version).
  const metaAt = spec.columns.findIndex((c) => c.field === 'author');
  const customCols: ColumnSpec[] = custom.map((k) => ({
    field: `custom:${k}`, en: CUSTOM_PREFIX.en + k, ru: CUSTOM_PREFIX.ru + k, ro: CUSTOM_PREFIX.ro + k, type: 'text', width: 16,
  }));
  const columns = [...spec.columns.slice(0, metaAt), ...customCols, ...spec.columns.slice(metaAt)];
  const headers = columns.map((c) => c[lang]);
  // One value getter per column, decided once rather than per cell.
  type Rec = Record<string, unknown>;
  const getters = columns.map((col): ((rec: Rec) => unknown) => {
    if (col.field === '$company') return (rec) => companyOf.get(rec.dossierId as string) ?? '';
    if (col.field === 'syncBase') return (rec) => (rec.syncBase as string) || contentHash(rec);
    if (col.field.startsWith('custom:')) {
      const key = col.field.slice(7);
      return (rec) => (rec.customFields as Record<string, string> | undefined)?.[key] ?? '';
    }
    const field = col.field;
    return (rec) => rec[field];
  });
  const rows: Row[] = new Array(records.length + 1);
  rows[0] = headers.map(str);
  const n = columns.length;
  for (let i = 0; i < records.length; i++) {
    const rec = records[i] as Rec;
    const id = rec.id as string;
    const row: Row = new Array(n);
    for (let c = 0; c < n; c++) row[c] = w.cell(columns[c]!, getters[c]!(rec), sheetName, id, headers[c]!);
    rows[i + 1] = row;
  }
  return finishSheet(rows, columns.map((c) => c.width), true);
}

const META_LABELS: Record<string, Record<Language, string>> = {
  format: { en: 'File format', ru: 'Формат файла', ro: 'Formatul fișierului' },
  formatVersion: { en: 'Format version', ru: 'Версия формата', ro: 'Versiunea formatului' },
  appVersion: { en: 'App version', ru: 'Версия программы', ro: 'Versiunea aplicației' },
  exportedAt: { en: 'Exported at (UTC)', ru: 'Выгружено (UTC)', ro: 'Exportat la (UTC)' },
  exportedBy: { en: 'Exported by', ru: 'Кто выгрузил', ro: 'Exportat de' },
  scope: { en: 'What was exported', ru: 'Что выгружено', ro: 'Ce s-a exportat' },
  language: { en: 'Language', ru: 'Язык', ro: 'Limba' },
};

/** Headers of the Meta and Long texts sheets, and the Meta sheet's row-count note. */
const SHEET_TEXT: Record<Language, { meta: string[]; overflow: string[]; rows: (sheet: string) => string }> = {
  en: { meta: ['Key', 'Value', 'Description'], overflow: ['Sheet', 'ID', 'Column', 'Part', 'Text'], rows: (k) => `Rows: ${k}` },
  ru: { meta: ['Ключ', 'Значение', 'Описание'], overflow: ['Лист', 'ID', 'Столбец', 'Часть', 'Текст'], rows: (k) => `Строк: ${k}` },
  ro: { meta: ['Cheie', 'Valoare', 'Descriere'], overflow: ['Foaie', 'ID', 'Coloană', 'Partea', 'Text'], rows: (k) => `Rânduri: ${k}` },
};

export interface LayoutOptions {
  /** Rows a sheet may have, its header included (Excel's limit; tests set a small one). */
  sheetRows?: number;
}

/** The lower-level export: a SheetJS workbook (tests and reports may inspect it). */
export function portfolioToWorkbook(p: Portfolio, meta: ExportMeta, layout: LayoutOptions = {}): XLSX.WorkBook {
  const perSheet = Math.max(1, (layout.sheetRows ?? SHEET_ROW_MAX) - 1);
  const lang = meta.language;
  const w = new SheetWriter();
  const companyOf = new Map(p.dossiers.map((d) => [d.id, d.company]));
  const wb = XLSX.utils.book_new();
  const counts: Record<string, number> = {};
  const custom = customKeys(p.dossiers);
  for (const spec of RECORD_SHEETS) {
    const records = p[spec.key] as readonly object[];
    counts[spec.key] = records.length;
    const fields = spec.key === 'dossiers' ? custom : [];
    // Past Excel's row limit the records continue on "<name> 2", "<name> 3", …
    for (let part = 0; part === 0 || part * perSheet < records.length; part++) {
      const slice = records.slice(part * perSheet, (part + 1) * perSheet);
      XLSX.utils.book_append_sheet(wb, recordSheet(spec, slice, lang, companyOf, fields, w), sheetPartName(spec[lang], part + 1));
    }
  }
  const dayCol: ColumnSpec = { field: 'date', en: '', ru: '', ro: '', type: 'day', width: 12 };
  const dayList = (spec: typeof HOLIDAY_SHEET | typeof WORKING_DAY_SHEET, days: readonly string[]) => {
    const rows: Row[] = [[str(lang === 'ru' ? spec.columnRu : lang === 'ro' ? spec.columnRo : spec.columnEn)]];
    for (const d of days) rows.push([w.cell(dayCol, d, '', '', '')]);
    XLSX.utils.book_append_sheet(wb, finishSheet(rows, [12], false), spec[lang]);
  };
  counts.holidays = p.holidays.length;
  dayList(HOLIDAY_SHEET, p.holidays);
  const working = p.extraWorkingDays ?? [];
  counts.extraWorkingDays = working.length;
  dayList(WORKING_DAY_SHEET, working);

  if (w.overflow.length) {
    const head = SHEET_TEXT[lang].overflow;
    const rows: Row[] = [head.map(str)];
    let part = 1;
    w.overflow.forEach((o, i) => {
      const prev = w.overflow[i - 1];
      part = prev && prev.sheet === o.sheet && prev.id === o.id && prev.header === o.header ? part + 1 : 2;
      rows.push([str(o.sheet), str(o.id), str(o.header), { t: 'n', v: part }, str(o.text)]);
    });
    XLSX.utils.book_append_sheet(wb, finishSheet(rows, [12, 38, 16, 6, 80], true), OVERFLOW_SHEET[lang]);
  }

  const values: Record<string, string | number> = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    appVersion: meta.appVersion,
    exportedAt: meta.exportedAt ?? nowIso(),
    exportedBy: meta.exportedBy,
    scope: meta.scope,
    language: lang,
  };
  const metaRows: Row[] = [SHEET_TEXT[lang].meta.map(str)];
  for (const [k, v] of Object.entries(values)) {
    metaRows.push([str(k), typeof v === 'number' ? { t: 'n', v } : str(v), str(META_LABELS[k]![lang])]);
  }
  for (const [k, n] of Object.entries(counts)) {
    metaRows.push([str(`rows.${k}`), { t: 'n', v: n }, str(SHEET_TEXT[lang].rows(k))]);
  }
  XLSX.utils.book_append_sheet(wb, finishSheet(metaRows, [18, 40, 24], false), META_SHEET[lang]);
  return wb;
}

/**
 * Workbook -> xlsx bytes with frozen header rows, in one compressed pass: in Chromium,
 * SheetJS writes a 10,000-dossier workbook compressed in 4.1 s but uncompressed in 7.1 s
 * (a stored zip of ~150 MB costs more than deflating it; measured in the bench page).
 */
export function packWorkbook(wb: XLSX.WorkBook): Uint8Array {
  // Shared strings: SheetJS decodes inline strings' "_x005F_" escapes twice, shared ones once.
  return writeFrozen(wb, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true });
}

export function writePortfolioWorkbook(p: Portfolio, meta: ExportMeta, layout: LayoutOptions = {}): Uint8Array {
  return packWorkbook(portfolioToWorkbook(p, meta, layout));
}
