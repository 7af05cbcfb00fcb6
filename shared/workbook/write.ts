/**
 * Portfolio -> xlsx, streamed: every sheet's rows go straight into the zip as XML
 * (xlsx-stream-writer.ts), so memory holds the portfolio and the compressed output, never
 * the workbook's cells or its uncompressed XML (480 MB at 100,000 dossiers). Every cell's
 * type is set here from the column type, never guessed from its text: no string can ever
 * be turned into a formula or a number.
 */
import type { Dossier, Portfolio } from '../model/records';
import { nowIso } from '../model/ids';
import { contentHash } from '../merge/content-hash';
import { dayToSerial, formatInstalments, instantToSerial, LIST_SEPARATOR } from './cells';
import {
  CELL_MAX, CUSTOM_PREFIX, FORMAT_NAME, FORMAT_VERSION, HOLIDAY_SHEET, META_SHEET, OVERFLOW_SHEET, WORKING_DAY_SHEET,
  RECORD_SHEETS, SHEET_ROW_MAX, sheetPartName, type ColumnSpec, type Language, type SheetSpec,
} from './columns';
import { CellStyle, joinChunks, XlsxStreamWriter, type ChunkSink, type SheetStream } from './xlsx-stream-writer';

export { DAY_FORMAT, INSTANT_FORMAT } from './xlsx-stream-writer';
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

/**
 * OOXML reads "_xHHHH_" in a string as an escaped character, so "_x0041_" typed by a user
 * would come back as "A". Escaping its underscore ("_x005F_") keeps the literal text, in
 * Excel, LibreOffice and our reader alike.
 */
function escapeCodes(v: string): string {
  return v.includes('_x') ? v.replace(XML_CODE_RE, '_x005F_$1') : v;
}

/** Writes one record's cells; texts longer than a cell keep their start and queue the rest for "Long texts". */
class CellWriter {
  overflow: Overflow[] = [];

  text(out: SheetStream, c: number, text: string, sheet: string, id: string, header: string): void {
    if (text === '') return;
    const escaped = escapeCodes(text);
    if (escaped.length <= CELL_MAX) {
      out.text(c, escaped);
      return;
    }
    // Escapes at most double a chunk, so half a cell of raw text always fits. A chunk may
    // end inside "_xHHHH_": each cell is decoded on its own, so the halves rejoin intact.
    const [first, ...rest] = chunks(text, escaped.length === text.length ? CELL_MAX : CELL_MAX >> 1);
    for (const part of rest) this.overflow.push({ sheet, id, header, text: part });
    out.text(c, escapeCodes(first!));
  }

  cell(out: SheetStream, c: number, col: ColumnSpec, value: unknown, sheet: string, id: string, header: string): void {
    switch (col.type) {
      case 'bool':
        out.bool(c, value === true);
        return;
      case 'int':
      case 'number':
        if (typeof value === 'number') out.number(c, value);
        return;
      case 'day':
      case 'instant': {
        if (typeof value !== 'string' || value === '') return;
        const serial = col.type === 'day' ? dayToSerial(value) : instantToSerial(value);
        if (serial === undefined) out.text(c, escapeCodes(value));
        else out.number(c, serial, col.type === 'day' ? CellStyle.Day : CellStyle.Instant);
        return;
      }
      case 'list':
        if (Array.isArray(value) && value.length) this.text(out, c, value.join(LIST_SEPARATOR), sheet, id, header);
        return;
      case 'instalments':
        if (Array.isArray(value) && value.length) this.text(out, c, formatInstalments(value), sheet, id, header);
        return;
      default:
        if (typeof value === 'string') this.text(out, c, value, sheet, id, header);
    }
  }
}

/** A row of plain cells (headers, Meta, Long texts): strings as text, numbers as numbers. */
function plainRow(out: SheetStream, cells: readonly (string | number)[]): void {
  out.beginRow();
  cells.forEach((v, c) => (typeof v === 'number' ? out.number(c, v) : v !== '' && out.text(c, escapeCodes(v))));
  out.endRow();
}

/** The custom-field keys in use, sorted: one column each on the Dossiers sheet. */
export function customKeys(dossiers: readonly Dossier[]): string[] {
  const keys = new Set<string>();
  for (const d of dossiers) for (const [k, v] of Object.entries(d.customFields ?? {})) if (v !== '') keys.add(k);
  return [...keys].sort();
}

type Rec = Record<string, unknown>;

/** A record sheet's columns (custom fields before the bookkeeping ones) and one value getter per column. */
function sheetColumns(spec: SheetSpec, companyOf: Map<string, string>, custom: string[]) {
  const metaAt = spec.columns.findIndex((c) => c.field === 'author');
  const customCols: ColumnSpec[] = custom.map((k) => ({
    field: `custom:${k}`, en: CUSTOM_PREFIX.en + k, ru: CUSTOM_PREFIX.ru + k, ro: CUSTOM_PREFIX.ro + k, type: 'text', width: 16,
  }));
  const columns = [...spec.columns.slice(0, metaAt), ...customCols, ...spec.columns.slice(metaAt)];
  // Decided once per column rather than per cell.
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
  return { columns, getters };
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

/**
 * A portfolio in slices, as a generator or a paged read yields it: a slice's contacts,
 * history, steps and invoices belong to its own dossiers or an earlier slice's. Memory then
 * holds one slice at a time (and the compressed output), never the whole portfolio.
 */
export interface PortfolioSlices {
  slices: Iterable<Portfolio>;
  /** Every custom-field key of every dossier (the Dossiers header is written first). */
  customKeys: readonly string[];
  holidays: readonly string[];
  extraWorkingDays: readonly string[];
}

/** One record sheet being written: its columns, and the part ("<name> 2", …) rows go to now. */
interface RecordSheetOut {
  spec: SheetSpec;
  columns: ColumnSpec[];
  getters: ((rec: Rec) => unknown)[];
  headers: string[];
  out: SheetStream;
  part: number;
  total: number;
}

/** Tab order: the record sheets and their parts, then the day lists, Long texts and Meta. */
const TAB = { parts: 10_000, days: 60_000, working: 60_001, overflow: 60_002, meta: 60_003 };

/**
 * Writes the workbook into `sink`, chunk by chunk (the CLI streams them to its file; the
 * app collects them). Sheets: the record sheets (continued past Excel's row limit on
 * "<name> 2", …), Holidays, Working days, Long texts when needed, Meta.
 */
export function writeSlicesTo(src: PortfolioSlices, meta: ExportMeta, sink: ChunkSink, layout: LayoutOptions = {}): void {
  const perSheet = Math.max(1, (layout.sheetRows ?? SHEET_ROW_MAX) - 1);
  const lang = meta.language;
  const w = new CellWriter();
  const book = new XlsxStreamWriter(sink);
  const companyOf = new Map<string, string>();
  const custom = [...src.customKeys];
  const open = (spec: SheetSpec, index: number, part: number, columns: ColumnSpec[], headers: string[]): SheetStream => {
    const out = book.addSheet(sheetPartName(spec[lang], part), { widths: columns.map((c) => c.width), filter: true }, index * TAB.parts + part);
    plainRow(out, headers);
    return out;
  };
  const sheets: RecordSheetOut[] = RECORD_SHEETS.map((spec, index) => {
    const { columns, getters } = sheetColumns(spec, companyOf, spec.key === 'dossiers' ? custom : []);
    const headers = columns.map((c) => c[lang]);
    return { spec, columns, getters, headers, out: open(spec, index, 1, columns, headers), part: 1, total: 0 };
  });
  const writeRecords = (s: RecordSheetOut, index: number, records: readonly object[]): void => {
    const { spec, columns, getters, headers } = s;
    const n = columns.length;
    for (const r of records) {
      // Past Excel's row limit the records continue on "<name> 2", "<name> 3", …
      if (s.total > 0 && s.total % perSheet === 0) {
        s.out.end();
        s.part++;
        s.out = open(spec, index, s.part, columns, headers);
      }
      s.total++;
      const rec = r as Rec;
      const id = rec.id as string;
      s.out.beginRow();
      // Long texts name the sheet's first part: the reader joins the parts into one sheet.
      for (let c = 0; c < n; c++) w.cell(s.out, c, columns[c]!, getters[c]!(rec), spec[lang], id, headers[c]!);
      s.out.endRow();
    }
  };
  for (const slice of src.slices) {
    for (const d of slice.dossiers) companyOf.set(d.id, d.company);
    sheets.forEach((s, index) => writeRecords(s, index, slice[s.spec.key] as readonly object[]));
  }
  for (const s of sheets) s.out.end();
  const counts: Record<string, number> = {};
  for (const s of sheets) counts[s.spec.key] = s.total;

  const dayCol: ColumnSpec = { field: 'date', en: '', ru: '', ro: '', type: 'day', width: 12 };
  const dayList = (spec: typeof HOLIDAY_SHEET | typeof WORKING_DAY_SHEET, days: readonly string[], order: number) => {
    const out = book.addSheet(spec[lang], { widths: [12], filter: false }, order);
    plainRow(out, [lang === 'ru' ? spec.columnRu : lang === 'ro' ? spec.columnRo : spec.columnEn]);
    for (const d of days) {
      out.beginRow();
      w.cell(out, 0, dayCol, d, '', '', '');
      out.endRow();
    }
    out.end();
  };
  counts.holidays = src.holidays.length;
  dayList(HOLIDAY_SHEET, src.holidays, TAB.days);
  counts.extraWorkingDays = src.extraWorkingDays.length;
  dayList(WORKING_DAY_SHEET, src.extraWorkingDays, TAB.working);

  if (w.overflow.length) {
    const out = book.addSheet(OVERFLOW_SHEET[lang], { widths: [12, 38, 16, 6, 80], filter: true }, TAB.overflow);
    plainRow(out, SHEET_TEXT[lang].overflow);
    let part = 1;
    w.overflow.forEach((o, i) => {
      const prev = w.overflow[i - 1];
      part = prev && prev.sheet === o.sheet && prev.id === o.id && prev.header === o.header ? part + 1 : 2;
      plainRow(out, [o.sheet, o.id, o.header, part, o.text]);
    });
    out.end();
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
  const out = book.addSheet(META_SHEET[lang], { widths: [18, 40, 24], filter: false }, TAB.meta);
  plainRow(out, SHEET_TEXT[lang].meta);
  for (const [k, v] of Object.entries(values)) plainRow(out, [k, v, META_LABELS[k]![lang]]);
  for (const [k, n] of Object.entries(counts)) plainRow(out, [`rows.${k}`, n, SHEET_TEXT[lang].rows(k)]);
  out.end();
  book.finish();
}

/** A whole portfolio in memory, as one slice. */
export function writePortfolioWorkbookTo(p: Portfolio, meta: ExportMeta, sink: ChunkSink, layout: LayoutOptions = {}): void {
  const slices = { slices: [p], customKeys: customKeys(p.dossiers), holidays: p.holidays, extraWorkingDays: p.extraWorkingDays ?? [] };
  writeSlicesTo(slices, meta, sink, layout);
}

/** The whole file's bytes at once (what a download, a snapshot or a test needs). */
export function writePortfolioWorkbook(p: Portfolio, meta: ExportMeta, layout: LayoutOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  writePortfolioWorkbookTo(p, meta, (chunk) => parts.push(chunk), layout);
  return joinChunks(parts);
}
