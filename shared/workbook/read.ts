/**
 * xlsx -> Portfolio. Accepts the workbook as any spreadsheet saved it back: date cells or
 * dates typed as text, numbers stored as text, headers in Russian or English, extra
 * columns, empty rows. A bad row is left out and listed (sheet, row, column); a problem
 * with the file as a whole is one fatal issue. It never throws: whatever comes in, the
 * caller gets a result it can show, and nothing is half-imported.
 */
import * as XLSX from 'xlsx';
import { newId, nowIso } from '../model/ids';
import { emptyPortfolio, type Portfolio } from '../model/records';
import { validateTaxId } from '../model/tax-id';
import {
  columnLetter, companyKey, parseBool, parseDayText, parseInstantText, parseInstalments, parseMonthText, parseNumberText, parseTime,
  serialToDay, serialToInstant, splitList,
} from './cells';
import {
  CELL_MAX, customKeyOf, FORMAT_VERSION, headerKey, HOLIDAY_SHEET, META_SHEET, namesOf, OVERFLOW_SHEET, WORKING_DAY_SHEET, RECORD_SHEETS,
  SHEET_ROW_MAX, sheetPartName, WORKBOOK_LANGUAGES,
  type ColumnSpec, type RecordSheetKey, type SheetSpec,
} from './columns';
import { makeIssue, type IssueCode, type WorkbookIssue } from './issues';
import type { Language, WorkbookMeta } from './write';
import { LongText, PackageError, XlsxStream, type CellValue } from './xlsx-stream-reader';
import { checkZipSizes, ZIP_LIMITS } from './zip-guard';

export type ReadResult =
  | { ok: true; portfolio: Portfolio; meta: WorkbookMeta; warnings: WorkbookIssue[]; errors: WorkbookIssue[] }
  | { ok: false; fatal: WorkbookIssue };

/** Records of each kind a full read would return, and the same problems, without the records. */
export type CountResult =
  | { ok: true; counts: Record<keyof Portfolio, number>; meta: WorkbookMeta; warnings: WorkbookIssue[]; errors: WorkbookIssue[] }
  | { ok: false; fatal: WorkbookIssue };

export interface ReadOptions {
  /** Timestamp for rows a person added (no "Created"/"Updated"). Default: now. */
  now?: string;
  /** Author for rows a person added. Default: the workbook's exportedBy. */
  author?: string;
}

type Cell = XLSX.CellObject | undefined | null;
type Raw = string | number | boolean;
type Value = CellValue | undefined;

/**
 * The sheets as rows of values, whoever parsed them: our own .xlsx (and any other) is read
 * streaming, row by row (xlsx-stream-reader.ts); an .xls or .ods, which only SheetJS reads,
 * comes from its parse (such files are small: no program writes 100,000 rows to them).
 */
interface Book {
  names: readonly string[];
  date1904: boolean;
  /** Every row with cells, in order (row: 0-based), values by column. */
  rows(sheet: string, onRow: (cells: readonly Value[], row: number) => void): void;
}

class Fatal extends Error {
  constructor(readonly issue: WorkbookIssue) {
    super(issue.message);
  }
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ENUM_SYNONYMS: Record<string, string> = {
  звонок: 'call', встреча: 'meeting', письмо: 'letter', почта: 'email', 'e-mail': 'email', 'эл.письмо': 'email',
  задача: 'task', оплата: 'payment', платеж: 'payment', платёж: 'payment', заметка: 'note',
  крупный: 'large', средний: 'medium', малый: 'small', активно: 'active', активный: 'active', архив: 'archived',
  // Romanian, with and without diacritics (both are typed)
  apel: 'call', întâlnire: 'meeting', intalnire: 'meeting', scrisoare: 'letter', sarcină: 'task', sarcina: 'task',
  plată: 'payment', plata: 'payment', notă: 'note', nota: 'note', mare: 'large', mediu: 'medium', mic: 'small',
  activ: 'active', arhivat: 'archived',
};

function isZip(d: Uint8Array): boolean {
  return d.length > 4 && d[0] === 0x50 && d[1] === 0x4b && d[2] === 0x03 && d[3] === 0x04;
}
function isCfb(d: Uint8Array): boolean {
  return d.length > 8 && d[0] === 0xd0 && d[1] === 0xcf && d[2] === 0x11 && d[3] === 0xe0;
}

/**
 * Password-protected .xlsx files are not zips: Excel wraps the encrypted package in a
 * compound file (CFB) with EncryptionInfo and EncryptedPackage streams.
 */
function isEncryptedCfb(d: Uint8Array): boolean {
  try {
    const cfb = XLSX.CFB.read(d, { type: 'buffer' });
    return !!(XLSX.CFB.find(cfb, 'EncryptionInfo') || XLSX.CFB.find(cfb, 'EncryptedPackage'));
  } catch {
    return false;
  }
}

/** Excel's own limits: a sheet holds at most this many rows, a workbook we read at most this many cells. */
export const MAX_SHEET_ROWS = SHEET_ROW_MAX;
export const MAX_CELLS = 50_000_000;

const MB = 1024 * 1024;

/**
 * The zip-level sizes, checked before anything is inflated: a fatal 'too-large' issue, or
 * undefined. Exported for the foreign-list reader, which opens CSV as well as zips.
 */
export function sizeIssue(data: Uint8Array, inflateUndeclared = true): WorkbookIssue | undefined {
  if (!isZip(data)) return undefined;
  const v = checkZipSizes(data, ZIP_LIMITS, { inflateUndeclared });
  if (v.ok) return undefined;
  const mb = (n: number): number => Math.ceil(n / MB);
  switch (v.reason) {
    case 'too-many-entries': return makeIssue('too-large', {}, { what: 'entries', size: v.bytes, limit: v.limit });
    case 'ratio': return makeIssue('too-large', {}, { what: 'ratio', size: mb(v.bytes), limit: v.limit });
    default: return makeIssue('too-large', {}, { what: 'size', size: mb(v.bytes), limit: mb(v.limit) });
  }
}

/** Rows and cells, counted after the parse (which sheetRows already stopped one row past the limit). */
function countIssue(wb: XLSX.WorkBook): WorkbookIssue | undefined {
  let cells = 0;
  for (const name of wb.SheetNames) {
    const rows = rowsOf(wb.Sheets[name]);
    if (rows.length > MAX_SHEET_ROWS) return makeIssue('too-many-rows', { sheet: name }, { limit: MAX_SHEET_ROWS });
    for (const row of rows) cells += row ? row.length : 0;
    if (cells > MAX_CELLS) return makeIssue('too-many-cells', {}, { limit: MAX_CELLS });
  }
  return undefined;
}

/** Opens the bytes as a SheetJS workbook, or throws Fatal with the specific reason. */
function openOrThrow(data: Uint8Array): XLSX.WorkBook {
  if (!isZip(data) && !isCfb(data)) throw new Fatal(makeIssue('not-a-workbook'));
  if (isCfb(data) && isEncryptedCfb(data)) throw new Fatal(makeIssue('encrypted'));
  const tooLarge = sizeIssue(data);
  if (tooLarge) throw new Fatal(tooLarge);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(data, {
      // Number formats kept: a foreign list read from this same parse tells dates by them.
      type: 'array', dense: true, cellDates: false, cellText: false, cellHTML: false, cellNF: true, cellStyles: false,
      sheetRows: MAX_SHEET_ROWS + 1,
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw new Fatal(makeIssue('encrypted'));
    throw new Fatal(makeIssue('damaged', {}, { detail: msg.slice(0, 120) }));
  }
  if (!wb.SheetNames?.length) throw new Fatal(makeIssue('damaged', {}, { detail: 'no sheets' }));
  const tooMany = countIssue(wb);
  if (tooMany) throw new Fatal(tooMany);
  return wb;
}

export type OpenResult = { ok: true; workbook: XLSX.WorkBook } | { ok: false; fatal: WorkbookIssue };

/** Parses the bytes once; the caller can look at the sheets before reading them as a portfolio. */
export function openWorkbook(data: Uint8Array): OpenResult {
  try {
    return { ok: true, workbook: openOrThrow(data) };
  } catch (e) {
    if (e instanceof Fatal) return { ok: false, fatal: e.issue };
    throw e;
  }
}

/** A SheetJS parse as rows of values. */
function sheetJsBook(wb: XLSX.WorkBook): Book {
  return {
    names: wb.SheetNames,
    date1904: !!(wb.Workbook as { WBProps?: { date1904?: boolean } } | undefined)?.WBProps?.date1904,
    rows(sheet, onRow) {
      rowsOf(wb.Sheets[sheet]).forEach((row, r) => {
        if (row?.length) onRow(Array.from(row, rawOf), r);
      });
    },
  };
}

/**
 * Characters the streaming reader keeps of one text: a cell holds at most CELL_MAX, each
 * "_xHHHH_" escape takes 7 for one, and a longer text is refused by its length alone.
 */
const KEPT_TEXT = CELL_MAX * 7;

function packageFatal(e: PackageError): Fatal {
  const { bytes = 0, limit = 0, sheet, entry } = e.detail;
  switch (e.reason) {
    case 'too-many-rows': return new Fatal(makeIssue('too-many-rows', { sheet }, { limit }));
    case 'too-many-cells': return new Fatal(makeIssue('too-many-cells', {}, { limit }));
    case 'ratio': return new Fatal(makeIssue('too-large', {}, { what: 'ratio', size: Math.ceil(bytes / MB), limit }));
    case 'too-large': return new Fatal(makeIssue('too-large', {}, { what: 'size', size: Math.ceil(bytes / MB), limit: Math.ceil(limit / MB) }));
    default: return new Fatal(makeIssue('damaged', {}, { detail: (entry ?? 'damaged').slice(0, 120) }));
  }
}

function streamed<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw e instanceof PackageError ? packageFatal(e) : e;
  }
}

/**
 * The workbook as rows: streaming for a SpreadsheetML package (whoever wrote it), SheetJS
 * for what only it reads (.xls, .ods). The zip's sizes are checked first either way; the
 * streaming reader also counts every entry as it inflates, so nothing is inflated twice.
 */
function openBook(data: Uint8Array): Book {
  if (isZip(data)) {
    const tooLarge = sizeIssue(data, false);
    if (tooLarge) throw new Fatal(tooLarge);
    const stream = streamed(() => XlsxStream.open(data, { zip: ZIP_LIMITS, maxRows: MAX_SHEET_ROWS, maxCells: MAX_CELLS, maxText: KEPT_TEXT }));
    if (stream) {
      if (!stream.names.length) throw new Fatal(makeIssue('damaged', {}, { detail: 'no sheets' }));
      return { names: stream.names, date1904: stream.date1904, rows: (sheet, onRow) => streamed(() => stream.rows(sheet, onRow)) };
    }
  }
  return sheetJsBook(openOrThrow(data));
}

function rowsOf(ws: XLSX.WorkSheet | undefined): Cell[][] {
  if (!ws) return [];
  const data = (ws as unknown as { '!data'?: Cell[][] })['!data'];
  return data ?? [];
}

function rawOf(cell: Cell | undefined): Raw | undefined {
  if (!cell || cell.v === undefined || cell.v === null) return undefined;
  if (cell.t === 'e') return '#ERROR';
  const v = cell.v as Raw | Date;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' && v === '') return undefined;
  return v;
}

/**
 * A field named by a file ('__proto__', 'constructor') is plain data: defined as an own
 * property, so it neither vanishes into the prototype nor reads one back.
 */
function setOwn(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

const textOf = (v: Raw): string => (typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));

function findSheet(book: Book, names: readonly string[]): string | undefined {
  const keys = new Set(names.map(headerKey));
  return book.names.find((n) => keys.has(headerKey(n)));
}

interface Ctx {
  warnings: WorkbookIssue[];
  errors: WorkbookIssue[];
  dateOffset: number;
  now: string;
  author: string;
}

interface Bound {
  col: ColumnSpec;
  index: number;
  header: string;
  custom?: string;
}

function bindColumns(spec: SheetSpec, sheet: string, header: readonly Value[], ctx: Ctx): Bound[] {
  const byKey = new Map<string, ColumnSpec>();
  for (const c of spec.columns) {
    for (const name of namesOf(c)) byKey.set(headerKey(name), c);
  }
  const bound: Bound[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < header.length; i++) {
    const raw = header[i];
    if (raw === undefined || raw instanceof LongText) continue;
    const h = textOf(raw).trim();
    const custom = spec.key === 'dossiers' ? customKeyOf(h) : undefined;
    if (custom !== undefined && custom !== '') {
      bound.push({ col: { field: `custom:${custom}`, en: h, ru: h, ro: h, type: 'text', width: 0 }, index: i, header: h, custom });
      continue;
    }
    const col = byKey.get(headerKey(h));
    if (!col || seen.has(col.field)) {
      ctx.warnings.push(makeIssue('unknown-column', { sheet, row: 1, column: columnLetter(i) }, { header: h }));
      continue;
    }
    seen.add(col.field);
    bound.push({ col, index: i, header: h });
  }
  const missing = spec.columns.filter((c) => (c.type === 'id' || c.required) && !seen.has(c.field));
  const needsDossier = spec.key !== 'dossiers' && !seen.has('dossierId') && !seen.has('$company');
  if (missing.length || needsDossier) {
    const names = missing.map((c) => c.en);
    if (needsDossier) names.push('Dossier ID');
    throw new Fatal(makeIssue('missing-columns', { sheet }, { columns: names.join(', ') }));
  }
  return bound;
}

function emptyValue(col: ColumnSpec): unknown {
  if (col.empty !== undefined) return col.empty;
  switch (col.type) {
    case 'bool': return false;
    case 'list': return [];
    case 'int': case 'number': return 0;
    default: return '';
  }
}

type Parsed = { ok: true; value: unknown } | { ok: false; code: IssueCode; params?: Record<string, string | number> };

function parseCell(col: ColumnSpec, v: Raw, ctx: Ctx): Parsed {
  const bad = (code: IssueCode): Parsed => ({ ok: false, code, params: { value: textOf(v).slice(0, 60) } });
  switch (col.type) {
    case 'id':
    case 'ref': {
      const s = textOf(v).trim();
      return UUID_RE.test(s) ? { ok: true, value: s.toLowerCase() } : bad('bad-id');
    }
    case 'text': {
      if (typeof v !== 'number') return { ok: true, value: textOf(v) };
      // A tax id typed as a number loses its leading zero (0274… in Bashkortostan).
      const s = String(v);
      return { ok: true, value: col.field === 'taxId' && (s.length === 9 || s.length === 11) ? `0${s}` : s };
    }
    case 'list':
      return { ok: true, value: splitList(textOf(v)) };
    case 'bool': {
      const b = parseBool(v);
      return b === undefined ? bad('bad-boolean') : { ok: true, value: b };
    }
    case 'day': {
      const d = typeof v === 'number' ? serialToDay(v + ctx.dateOffset) : typeof v === 'string' ? parseDayText(v) : undefined;
      return d === undefined ? bad('bad-date') : { ok: true, value: d };
    }
    case 'instant': {
      const d = typeof v === 'number' ? serialToInstant(v + ctx.dateOffset) : typeof v === 'string' ? parseInstantText(v) : undefined;
      return d === undefined ? bad('bad-instant') : { ok: true, value: d };
    }
    case 'month': {
      // A month typed into Excel may become a date cell (01.07.2026): take its month.
      const d = typeof v === 'number' ? serialToDay(v + ctx.dateOffset)?.slice(0, 7) : typeof v === 'string' ? parseMonthText(v) : undefined;
      return d === undefined ? bad('bad-month') : { ok: true, value: d };
    }
    case 'time': {
      const t = typeof v === 'boolean' ? undefined : parseTime(v);
      return t === undefined ? bad('bad-time') : { ok: true, value: t };
    }
    case 'int':
    case 'number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumberText(v) : undefined;
      if (n === undefined || (col.type === 'int' && !Number.isInteger(n))) return bad('bad-number');
      return { ok: true, value: n };
    }
    case 'instalments': {
      const list = parseInstalments(textOf(v));
      return list === undefined ? bad('bad-number') : { ok: true, value: list };
    }
    case 'enum': {
      const s = textOf(v).trim().toLowerCase();
      const value = Object.hasOwn(ENUM_SYNONYMS, s) ? ENUM_SYNONYMS[s]! : s;
      if (col.values!.includes(value)) return { ok: true, value };
      return { ok: false, code: 'unknown-value', params: { value: textOf(v).slice(0, 60), allowed: col.values!.join(', ') } };
    }
  }
}

interface SheetRead {
  /** The records kept (empty when only counting). */
  records: Record<string, unknown>[];
  /** Records that passed, kept or not. */
  kept: number;
  /** Data rows that were not empty. */
  count: number;
  name: string;
}

/** A sheet's continuation appended to its first part (the name stays the first part's, for messages). */
function joinParts(a: SheetRead, b: SheetRead): SheetRead {
  for (const rec of b.records) a.records.push(rec);
  a.kept += b.kept;
  a.count += b.count;
  return a;
}

function readRecordSheet(
  spec: SheetSpec,
  sheet: string,
  book: Book,
  ctx: Ctx,
  dossierByCompany: Map<string, string[]> | undefined,
  keep: boolean,
): SheetRead {
  const out: SheetRead = { records: [], kept: 0, count: 0, name: sheet };
  const firstRow = new Map<string, number>();
  let bound: Bound[] = [];
  let companyCol: Bound | undefined;
  let refCol: Bound | undefined;
  let absent: ColumnSpec[] = [];
  let idCol: Bound | undefined;
  let headerRead = false;
  // A header that lacks columns is reported after the sheet is scanned: a sheet past
  // Excel's row limit says so first, whatever its header.
  let headerFatal: Fatal | undefined;
  const bind = (header: readonly Value[]): void => {
    headerRead = true;
    try {
      bound = bindColumns(spec, sheet, header, ctx);
    } catch (e) {
      if (!(e instanceof Fatal)) throw e;
      headerFatal = e;
      return;
    }
    companyCol = bound.find((b) => b.col.field === '$company');
    refCol = bound.find((b) => b.col.field === 'dossierId');
    idCol = bound.find((b) => b.col.field === 'id');
    const present = new Set(bound.map((b) => b.col.field));
    absent = spec.columns.filter((c) => !present.has(c.field) && c.field !== '$company');
  };

  const dataRow = (row: readonly Value[], r: number): void => {
    if (!row.some((c) => c !== undefined)) return;
    out.count++;
    const excelRow = r + 1;
    const rec: Record<string, unknown> = {};
    let failed = false;
    const fail = (b: Bound, code: IssueCode, params: Record<string, string | number> = {}): void => {
      ctx.errors.push(makeIssue(code, { sheet, row: excelRow, column: columnLetter(b.index) }, params));
      failed = true;
    };
    for (const b of bound) {
      if (b.col.field === '$company') continue;
      const v = row[b.index];
      // Excel cannot hold more in a cell; only a hand-made (or hostile) file has it.
      if (v instanceof LongText || (typeof v === 'string' && v.length > CELL_MAX)) {
        fail(b, 'text-too-long', { length: v.length, max: CELL_MAX });
        continue;
      }
      if (b.custom !== undefined) {
        if (v !== undefined) setOwn((rec.customFields ??= {}) as Record<string, string>, b.custom, textOf(v));
        continue;
      }
      if (v === undefined) {
        if (b.col.required) fail(b, 'required', { header: b.header });
        else if (!b.col.optional) rec[b.col.field] = emptyValue(b.col);
        continue;
      }
      const p = parseCell(b.col, v, ctx);
      if (p.ok) rec[b.col.field] = p.value;
      else fail(b, p.code, p.params);
    }
    for (const c of absent) if (!c.optional) rec[c.field] = emptyValue(c);
    if (spec.key === 'dossiers') rec.customFields ??= {};
    if (failed) return;

    // Rows a person added have no id: they become new records.
    const isNew = rec.id === '';
    if (isNew) rec.id = newId();
    const id = rec.id as string;
    const seenAt = firstRow.get(id);
    if (seenAt !== undefined) {
      ctx.errors.push(makeIssue('duplicate-id', { sheet, row: excelRow, column: columnLetter(idCol!.index) }, { id, firstRow: seenAt }));
      return;
    }
    if (spec.key !== 'dossiers' && rec.dossierId === '') {
      const cell = companyCol ? row[companyCol.index] : undefined;
    const company = cell instanceof LongText ? undefined : cell;
      const ids = company === undefined ? undefined : dossierByCompany?.get(companyKey(textOf(company)));
      const at = columnLetter((refCol ?? companyCol)!.index);
      if (!ids || ids.length === 0) {
        ctx.errors.push(makeIssue('unknown-dossier', { sheet, row: excelRow, column: at }, { value: company === undefined ? '' : textOf(company) }));
        return;
      }
      if (ids.length > 1) {
        ctx.errors.push(makeIssue('ambiguous-dossier', { sheet, row: excelRow, column: at }, { value: textOf(company!) }));
        return;
      }
      rec.dossierId = ids[0];
    }
    if (spec.key === 'steps' && rec.date === '' && rec.month === '') {
      const dateCol = bound.find((b) => b.col.field === 'date') ?? idCol!;
      ctx.errors.push(makeIssue('step-date-or-month', { sheet, row: excelRow, column: columnLetter(dateCol.index) }));
      return;
    }
    if (spec.key === 'dossiers' && rec.taxId !== '') {
      const check = validateTaxId(rec.taxId as string);
      if (!check.ok) {
        const col = bound.find((b) => b.col.field === 'taxId')!;
        ctx.warnings.push(makeIssue('bad-tax-id', { sheet, row: excelRow, column: columnLetter(col.index) }, { value: rec.taxId as string, reason: check.reason }));
      }
    }
    if (rec.createdAt === '') rec.createdAt = ctx.now;
    if (rec.updatedAt === '') rec.updatedAt = rec.createdAt;
    if (rec.author === '' && isNew) rec.author = ctx.author;
    firstRow.set(id, excelRow);
    out.kept++;
    if (keep) out.records.push(rec);
    else if (spec.key === 'dossiers') out.records.push({ id, company: rec.company });
  };

  book.rows(sheet, (row, r) => {
    if (headerFatal) return;
    if (!headerRead) {
      // The header is the sheet's first row; a sheet that starts lower has none.
      bind(r === 0 ? row : []);
      if (r === 0 || headerFatal) return;
    }
    dataRow(row, r);
  });
  if (!headerRead) bind([]);
  if (headerFatal) throw headerFatal;
  return out;
}

function readMeta(book: Book, ctx: Ctx): WorkbookMeta {
  const meta: WorkbookMeta = {
    formatVersion: FORMAT_VERSION, appVersion: '', exportedAt: '', exportedBy: '', scope: '', language: '', counts: {},
  };
  const name = findSheet(book, namesOf(META_SHEET));
  if (!name) {
    ctx.warnings.push(makeIssue('no-meta'));
    return meta;
  }
  const rows: [Raw, Raw][] = [];
  book.rows(name, (row, r) => {
    const [k, v] = row;
    if (r > 0 && k !== undefined && v !== undefined && !(k instanceof LongText) && !(v instanceof LongText)) rows.push([k, v]);
  });
  for (const [k, v] of rows) {
    const key = textOf(k).trim();
    if (key === 'formatVersion') {
      const n = typeof v === 'number' ? v : parseNumberText(textOf(v));
      if (n === undefined || !Number.isInteger(n)) throw new Fatal(makeIssue('bad-version', { sheet: name }, { value: textOf(v) }));
      if (n > FORMAT_VERSION) throw new Fatal(makeIssue('future-version', { sheet: name }, { version: n, supported: FORMAT_VERSION }));
      meta.formatVersion = n;
    } else if (key.startsWith('rows.')) {
      if (typeof v === 'number') meta.counts[key.slice(5)] = v;
    } else if (key === 'language') {
      meta.language = (WORKBOOK_LANGUAGES as readonly unknown[]).includes(v) ? (v as Language) : '';
    } else if (key === 'appVersion' || key === 'exportedAt' || key === 'exportedBy' || key === 'scope') {
      meta[key] = textOf(v);
    }
  }
  return meta;
}

/** Continuations of texts longer than a cell, appended in part order. */
function applyOverflow(book: Book, sheets: Map<RecordSheetKey, SheetRead>): void {
  const name = findSheet(book, namesOf(OVERFLOW_SHEET));
  if (!name) return;
  const parts: Raw[][] = [];
  book.rows(name, (row, r) => {
    const plain = Array.from(row, (v) => (v instanceof LongText ? undefined : v));
    if (r > 0 && plain[0] !== undefined && plain[1] !== undefined && plain[2] !== undefined) parts.push(plain as Raw[]);
  });
  parts.sort((a, b) => Number(a[3] ?? 0) - Number(b[3] ?? 0));
  const index = new Map<string, Record<string, unknown>>();
  for (const [key, read] of sheets) for (const rec of read.records) index.set(`${key}|${rec.id as string}`, rec);
  for (const [sheet, id, header, , text] of parts) {
    const spec = RECORD_SHEETS.find((s) => namesOf(s).some((n) => headerKey(n) === headerKey(textOf(sheet!))));
    const rec = spec && index.get(`${spec.key}|${textOf(id!).toLowerCase()}`);
    if (!spec || !rec) continue;
    const h = textOf(header!);
    const custom = customKeyOf(h);
    const chunk = text === undefined ? '' : textOf(text);
    if (custom !== undefined && rec.customFields) {
      const f = rec.customFields as Record<string, string>;
      setOwn(f, custom, (Object.hasOwn(f, custom) ? f[custom]! : '') + chunk);
      continue;
    }
    const col = spec.columns.find((c) => namesOf(c).some((n) => headerKey(n) === headerKey(h)));
    if (!col) continue;
    const cur = rec[col.field];
    if (col.type === 'list' && Array.isArray(cur)) {
      rec[col.field] = splitList((cur as string[]).join('; ') + chunk);
    } else if (typeof cur === 'string') {
      rec[col.field] = cur + chunk;
    }
  }
}

/**
 * Every sheet read and checked. `keep` false keeps no records (only each dossier's id and
 * company, which later sheets' rows may name their dossier by): the problems found and the
 * numbers are those of a full read, in bounded memory at any size.
 */
function readInner(data: Uint8Array, opts: ReadOptions, keep: boolean) {
  const book = openBook(data);
  const ctx: Ctx = { warnings: [], errors: [], dateOffset: book.date1904 ? 1462 : 0, now: opts.now ?? nowIso(), author: '' };
  const meta = readMeta(book, ctx);
  ctx.author = opts.author ?? meta.exportedBy;

  const dossierSheet = findSheet(book, namesOf(RECORD_SHEETS[0]!));
  if (!dossierSheet) throw new Fatal(makeIssue('no-dossiers-sheet'));
  const knownNames: string[] = [META_SHEET, HOLIDAY_SHEET, WORKING_DAY_SHEET, OVERFLOW_SHEET, ...RECORD_SHEETS].flatMap((s) => [...namesOf(s), ...('aliases' in s ? s.aliases ?? [] : [])]);
  const known = new Set(knownNames.map(headerKey));
  const sheets = new Map<RecordSheetKey, SheetRead>();
  let byCompany: Map<string, string[]> | undefined;
  const parts = new Map<RecordSheetKey, string[]>();
  for (const spec of RECORD_SHEETS) {
    const name = spec.key === 'dossiers' ? dossierSheet : findSheet(book, [...namesOf(spec), ...(spec.aliases ?? [])]);
    if (!name) continue;
    const names = [name];
    for (let n = 2; ; n++) {
      const next = findSheet(book, [sheetPartName(name, n)]);
      if (!next) break;
      names.push(next);
      known.add(headerKey(next));
    }
    parts.set(spec.key, names);
  }
  for (const n of book.names) if (!known.has(headerKey(n))) ctx.warnings.push(makeIssue('unknown-sheet', { sheet: n }, { sheet: n }));

  for (const spec of RECORD_SHEETS) {
    const names = parts.get(spec.key);
    if (!names) continue;
    const read = names.map((n) => readRecordSheet(spec, n, book, ctx, byCompany, keep)).reduce(joinParts);
    sheets.set(spec.key, read);
    if (spec.key === 'dossiers') {
      byCompany = new Map();
      for (const d of read.records) {
        const k = companyKey(d.company as string);
        const list = byCompany.get(k);
        if (list) list.push(d.id as string);
        else byCompany.set(k, [d.id as string]);
      }
    }
  }
  // Continuations lengthen texts: they change no count and raise no problem.
  if (keep) applyOverflow(book, sheets);

  const portfolio = emptyPortfolio();
  for (const [key, read] of sheets) {
    if (keep) (portfolio[key] as unknown[]) = read.records;
    const expected = meta.counts[key];
    if (expected !== undefined && expected !== read.count) {
      ctx.warnings.push(makeIssue('count-mismatch', { sheet: read.name }, { expected, actual: read.count }));
    }
  }
  // One date a row under a header; a workbook without the sheet (older ones have no working days) reads as none.
  const dayList = (names: readonly string[], into: string[]) => {
    const sheet = findSheet(book, names);
    if (!sheet) return;
    const dayCol: ColumnSpec = { field: 'date', en: '', ru: '', ro: '', type: 'day', width: 0 };
    book.rows(sheet, (row, r) => {
      const v = r === 0 ? undefined : row[0];
      if (v === undefined || v instanceof LongText) return;
      const p = parseCell(dayCol, v, ctx);
      if (p.ok) into.push(p.value as string);
      else ctx.errors.push(makeIssue(p.code, { sheet, row: r + 1, column: 'A' }, p.params));
    });
  };
  dayList(namesOf(HOLIDAY_SHEET), portfolio.holidays);
  const working: string[] = [];
  dayList(namesOf(WORKING_DAY_SHEET), working);
  portfolio.extraWorkingDays = working;
  const counts = Object.fromEntries(RECORD_SHEETS.map((spec) => [spec.key, sheets.get(spec.key)?.kept ?? 0])) as Record<RecordSheetKey, number>;
  return { portfolio, counts: { ...counts, holidays: portfolio.holidays.length, extraWorkingDays: working.length }, meta, warnings: ctx.warnings, errors: ctx.errors };
}

/** A file problem as a result: never a throw. */
function fatalOf(e: unknown): { ok: false; fatal: WorkbookIssue } {
  if (e instanceof Fatal) return { ok: false, fatal: e.issue };
  const msg = e instanceof Error ? e.message : String(e);
  return { ok: false, fatal: makeIssue('damaged', {}, { detail: msg.slice(0, 120) }) };
}

export function readPortfolioWorkbook(data: Uint8Array, opts: ReadOptions = {}): ReadResult {
  try {
    const { portfolio, meta, warnings, errors } = readInner(data, opts, true);
    return { ok: true, portfolio, meta, warnings, errors };
  } catch (e) {
    return fatalOf(e);
  }
}

/**
 * What readPortfolioWorkbook would find (counts, problems), without keeping the records:
 * the CLI's `stats` of a workbook of 100,000 dossiers and a million history entries.
 */
export function countPortfolioWorkbook(data: Uint8Array, opts: ReadOptions = {}): CountResult {
  try {
    const { counts, meta, warnings, errors } = readInner(data, opts, false);
    return { ok: true, counts, meta, warnings, errors };
  } catch (e) {
    return fatalOf(e);
  }
}
