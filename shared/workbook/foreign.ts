/**
 * Onboarding a manager's old spreadsheet: any workbook (or CSV) is read as plain tables,
 * its columns are matched to dossier fields by their usual Russian/English/Romanian
 * headers (the user confirms or fixes the mapping), and each row becomes a dossier with
 * its contact and one open call step, so every client lands in the binder. Columns with
 * other headers are kept as the dossier's custom fields unless the user sets them to "do
 * not load": nothing typed is lost by surprise. Titles above the header, blank rows and
 * totals rows under the list are no clients and are left out.
 */
import * as XLSX from 'xlsx';
import { nowIso } from '../model/ids';
import { stamp } from '../model/new-record';
import { emptyPortfolio, type Contact, type Dossier, type Portfolio, type Segment, type Step } from '../model/records';
import { validateTaxId } from '../model/tax-id';
import { columnLetter, parseDayText, serialToDay } from './cells';
import { makeIssue, type WorkbookIssue } from './issues';
import { MAX_SHEET_ROWS, openWorkbook } from './read';

export interface SheetTable {
  name: string;
  /** Excel row number of the header row (data starts on the next row). */
  headerRow: number;
  headers: string[];
  rows: string[][];
  /**
   * Indexes into `rows` of rows that carry a totals formula (SUM, COUNTA, …): a summary
   * line another program put under the list, never a client, whatever its cells show.
   */
  formulaRows: number[];
  /** How many header cells name a known field: the sheet that scores best is the list. */
  score: number;
}

export interface SheetTables {
  sheets: SheetTable[];
  /** Set when the bytes are not a readable spreadsheet at all, or hold no list. */
  fatal?: WorkbookIssue;
}

export type TargetField =
  | 'company' | 'taxId' | 'phone' | 'email' | 'contactName' | 'position' | 'nextDate'
  | 'industry' | 'territory' | 'segment' | 'notes' | 'owner';

/** What a column of the list becomes: a field, a custom field of the dossier, or nothing (null: "do not load"). */
export type ColumnTarget = TargetField | 'custom' | null;
export type ColumnMapping = Record<number, ColumnTarget>;

export const TARGET_FIELDS: readonly TargetField[] = [
  'company', 'taxId', 'phone', 'email', 'contactName', 'position', 'nextDate', 'industry', 'territory', 'segment', 'notes', 'owner',
];

type Cell = XLSX.CellObject | undefined | null;

function cellText(cell: Cell): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number') {
    // A date cell becomes 'YYYY-MM-DD'; other numbers stay digits (a tax id must not become 7.7E+9).
    if (cell.z !== undefined && XLSX.SSF.is_date(cell.z)) return serialToDay(cell.v) ?? String(cell.v);
    return String(cell.v);
  }
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'e') return '';
  return String(cell.v).trim();
}

/** A formula that sums or counts a range: what a totals row holds (Excel's and LibreOffice's names). */
const AGGREGATE = /^(?:_xlfn\.)?(?:SUM|SUMIFS?|COUNTA?|COUNTIFS?|COUNTBLANK|SUBTOTAL|AGGREGATE|AVERAGE|MAX|MIN)\s*\(/i;

/** Header rows are looked for this far down: other programs put a title, a date, a blank row or a few above them. */
const HEADER_SCAN_ROWS = 30;

/**
 * How many distinct known fields the row names, the company counting twice (a list needs
 * it, and "Компания | Источник" is a header). A merged title is one cell and scores nothing.
 */
function headerScore(cells: readonly string[]): number {
  const filled = cells.filter((c) => c !== '');
  // A header has several cells, and mostly words, not numbers or dates.
  if (filled.length < 2 || filled.filter((c) => /^[\d\s.,:/+-]+$/.test(c)).length * 2 > filled.length) return 0;
  const fields = new Set(Object.values(guessColumnMapping(cells)).filter((f) => f && f !== 'custom'));
  return fields.size + (fields.has('company') ? 1 : 0);
}

/** The header row is the row among the first ones that names the most known fields (at least two). */
function tableOf(name: string, ws: XLSX.WorkSheet): SheetTable | undefined {
  const raw = (ws as unknown as { '!data'?: (Cell[] | undefined)[] })['!data'] ?? [];
  // Blank rows are holes in a dense sheet (map keeps holes): Array.from fills them.
  const cells = Array.from(raw, (r) => Array.from(r ?? [], (c) => c));
  const data = cells.map((r) => r.map(cellText));
  let h = -1;
  let score = 1;
  data.slice(0, HEADER_SCAN_ROWS).forEach((r, i) => {
    const s = headerScore(r);
    if (s > score) [h, score] = [i, s];
  });
  if (h < 0) return undefined;
  const headers = data[h]!;
  const width = headers.length;
  const rows = data.slice(h + 1).map((r) => Array.from({ length: Math.max(width, r.length) }, (_, i) => r[i] ?? ''));
  const formulaRows: number[] = [];
  cells.slice(h + 1).forEach((r, i) => {
    if (r.some((c) => typeof c?.f === 'string' && AGGREGATE.test(c.f))) formulaRows.push(i);
  });
  return { name, headerRow: h + 1, headers, rows, formulaRows, score };
}

function hasAnyCell(ws: XLSX.WorkSheet | undefined): boolean {
  const raw = (ws as unknown as { '!data'?: (Cell[] | undefined)[] } | undefined)?.['!data'] ?? [];
  return raw.some((r) => r?.some((c) => cellText(c) !== ''));
}

/**
 * The lists of a workbook already parsed with number formats (openWorkbook does): every
 * sheet with a header row, the best-scoring first (the list is not always the first sheet).
 */
export function tablesOf(wb: XLSX.WorkBook): SheetTables {
  const sheets: SheetTable[] = [];
  for (const name of wb.SheetNames) {
    const t = tableOf(name, wb.Sheets[name]!);
    if (t) sheets.push(t);
  }
  sheets.sort((a, b) => b.score - a.score);
  if (sheets.length > 0) return { sheets };
  const empty = !wb.SheetNames.some((n) => hasAnyCell(wb.Sheets[n]));
  return { sheets, fatal: makeIssue(empty ? 'empty-workbook' : 'no-header-row') };
}

/**
 * Text, not binary: a CSV or a tab-separated export. Its own encoding (UTF-8, or the
 * Windows-1251 Russian Excel saves CSV in); undefined for bytes no program wrote as text.
 */
function decodeText(data: Uint8Array): string | undefined {
  // Control characters other than tab and line ends do not occur in text files.
  for (const b of data.subarray(0, 65_536)) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    try {
      return new TextDecoder('windows-1251').decode(data);
    } catch {
      return undefined;
    }
  }
}

/** Any spreadsheet (xlsx, xls, ods) or CSV as lists, or the one reason it holds none. Never throws. */
export function readSheetTable(data: Uint8Array): SheetTables {
  const opened = openWorkbook(data);
  if (opened.ok) return tablesOf(opened.workbook);
  if (opened.fatal.code !== 'not-a-workbook') return { sheets: [], fatal: opened.fatal };
  const text = data.length > 0 ? decodeText(data) : undefined;
  if (text === undefined || text.trim() === '') return { sheets: [], fatal: opened.fatal };
  try {
    const wb = XLSX.read(text.replace(/^\uFEFF/, ''), { type: 'string', dense: true, raw: true, sheetRows: MAX_SHEET_ROWS + 1 });
    const tables = tablesOf(wb);
    if (tables.fatal?.code !== 'no-header-row') return tables;
    // Text in columns is a table without a header; any other text is no spreadsheet at all.
    const columns = /^[^\n]*[;,\t][^\n]*\S/m.test(text);
    return { sheets: [], fatal: columns ? tables.fatal : opened.fatal };
  } catch {
    return { sheets: [], fatal: opened.fatal };
  }
}

/** Checked in this order: the first match wins, and each field takes one column. */
const HEADER_PATTERNS: [TargetField, RegExp][] = [
  ['nextDate', /след.*(звон|контакт|дата)|дата.*(след|звон|контакт)|next.*(call|contact|date)|follow.?up|urmator/],
  ['taxId', /^инн|инн$|taxid|^inn$|^cui$|^cif$|codfiscal/],
  ['email', /mail|почта|емейл|имейл/],
  ['phone', /тел|phone|моб|telefon/],
  ['position', /должн|position|jobtitle|functi|funcți/],
  ['owner', /ответств|менеджер|owner|manager|responsabil|куратор/],
  ['contactName', /контактн|фио|contact|лпр|^имя|persoan|^name$/],
  ['company', /компан|организ|наимен|клиент|company|firm|client|customer|контрагент|denumire|назван/],
  ['industry', /отрасл|оквэд|industry|сфера|caen|domeniu|вид деят/],
  ['territory', /регион|город|территор|territory|region|city|oraș|oras|judet|județ|area/],
  ['segment', /сегмент|segment|категор/],
  ['notes', /коммент|примеч|заметк|^notes?$|comment|observ|remark/],
];

/** A running number column ("№", "#", "п/п"): the other program's row count, nothing to keep. */
const ROW_NUMBER = /^(№|#|n|no|nr|npp|п\/?п|№п\/?п|nrcrt)$/;

function headerKeyOf(h: string): string {
  return h.toLowerCase().replace(/ё/g, 'е').replace(/[\s._-]+/g, '');
}

/**
 * The mapping the app proposes: known headers to their fields (one column per field),
 * row numbers and nameless columns not loaded, any other column kept as a custom field.
 */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const out: ColumnMapping = {};
  const taken = new Set<TargetField>();
  headers.forEach((h, i) => {
    const key = headerKeyOf(h);
    const hit = HEADER_PATTERNS.find(([field, re]) => !taken.has(field) && re.test(key));
    out[i] = hit ? hit[0] : key === '' || ROW_NUMBER.test(key) ? null : 'custom';
    if (hit) taken.add(hit[0]);
  });
  return out;
}

const SEGMENT_WORDS: Record<string, Segment> = {
  large: 'large', крупный: 'large', крупные: 'large', a: 'large', mare: 'large',
  medium: 'medium', средний: 'medium', средние: 'medium', b: 'medium', mediu: 'medium',
  small: 'small', малый: 'small', малые: 'small', мелкий: 'small', c: 'small', mic: 'small',
};

/** A next date as people type it; 'dd.mm' without a year means its next occurrence from today. */
function parseNextDate(s: string, today: string): string | undefined {
  const full = parseDayText(s);
  if (full) return full;
  const m = /^(\d{1,2})[./](\d{1,2})$/.exec(s.trim());
  if (!m) return undefined;
  const year = Number(today.slice(0, 4));
  const mmdd = `${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return parseDayText(`${year}-${mmdd}`) && `${year}-${mmdd}` >= today ? `${year}-${mmdd}` : parseDayText(`${year + 1}-${mmdd}`);
}

export interface ForeignOptions {
  author: string;
  /** 'YYYY-MM-DD' */
  today: string;
  /** Where rows without a (valid) next date are filed. */
  defaultDate: string;
  /** Owner of rows without one of their own (default: the author). */
  owner?: string;
  now?: string;
}

/** A tax id on several rows of the list: the rows after the first are likely the same client again. */
export interface RepeatedTaxId {
  taxId: string;
  /** Excel rows, the first one kept by default. */
  rows: number[];
  /** The dossiers of the later rows. */
  repeatIds: string[];
}

export interface ForeignMapResult {
  portfolio: Portfolio;
  /** Problems with single rows: rows without a company are left out; the others are imported as noted. */
  errors: WorkbookIssue[];
  /** Rows that are no client (totals, labels): left out, one issue each, to be grouped. */
  skipped: WorkbookIssue[];
  repeats: RepeatedTaxId[];
}

/** A summary line ("Итого клиентов:", "Total:") rather than a client. */
function isLabelRow(company: string, row: readonly string[]): boolean {
  if (/:\s*$/.test(company)) return true;
  // The count itself may stand in the company column once the formula is lost (an .xls, a CSV).
  return /^[\d\s.,]*$/.test(company) && row.some((c) => /:\s*$|^(итого|всего|total)/i.test(c.trim()));
}

/** A next date as people type it; a bare number in the date column is an Excel serial whose format was lost. */
function nextDateOf(s: string, today: string): string | undefined {
  if (/^\d{5}(\.\d+)?$/.test(s)) return serialToDay(Number(s));
  return parseNextDate(s, today);
}

export function mapForeignRows(table: SheetTable, mapping: ColumnMapping, opts: ForeignOptions): ForeignMapResult {
  const portfolio = emptyPortfolio();
  const errors: WorkbookIssue[] = [];
  const skipped: WorkbookIssue[] = [];
  const now = opts.now ?? nowIso();
  const colOf = new Map<TargetField, number>();
  for (const [i, f] of Object.entries(mapping)) if (f && f !== 'custom') colOf.set(f, Number(i));
  const custom = table.headers.map((h, i) => ({ h: h.trim() || columnLetter(i), i })).filter(({ i }) => mapping[i] === 'custom');
  const formulaRows = new Set(table.formulaRows ?? []);
  const byTaxId = new Map<string, { rows: number[]; ids: string[] }>();

  table.rows.forEach((row, r) => {
    if (row.every((c) => c.trim() === '')) return;
    const excelRow = table.headerRow + 1 + r;
    const get = (f: TargetField): string => {
      const i = colOf.get(f);
      return i === undefined ? '' : (row[i] ?? '').trim();
    };
    const at = (f: TargetField) => ({ sheet: table.name, row: excelRow, column: columnLetter(colOf.get(f) ?? 0) });
    const company = get('company');
    if (formulaRows.has(r) || isLabelRow(company, row)) {
      skipped.push(makeIssue('totals-row', { sheet: table.name, row: excelRow }));
      return;
    }
    if (company === '') {
      errors.push(makeIssue('required', at('company'), { header: table.headers[colOf.get('company') ?? 0] ?? 'Company' }));
      return;
    }
    const taxId = get('taxId').replace(/\s+/g, '');
    if (taxId !== '') {
      const check = validateTaxId(taxId);
      if (!check.ok) errors.push(makeIssue('bad-tax-id', at('taxId'), { value: taxId, reason: check.reason }));
    }
    const customFields: Record<string, string> = {};
    for (const { h, i } of custom) if ((row[i] ?? '').trim() !== '') customFields[h] = row[i]!.trim();
    const dossier: Dossier = stamp({
      company, taxId, industry: get('industry'), segment: SEGMENT_WORDS[get('segment').toLowerCase()] ?? '',
      territory: get('territory'), vip: false, owner: get('owner') || opts.owner || opts.author, tags: [], customFields,
      notes: get('notes'), status: 'active' as const, coveredFor: '', coveredUntil: '',
    }, opts.author, now);
    if (get('segment') !== '' && dossier.segment === '') dossier.customFields[table.headers[colOf.get('segment')!] || 'segment'] = get('segment');
    portfolio.dossiers.push(dossier);
    if (taxId !== '') {
      const seen = byTaxId.get(taxId) ?? { rows: [], ids: [] };
      seen.rows.push(excelRow);
      seen.ids.push(dossier.id);
      byTaxId.set(taxId, seen);
    }

    const phones = get('phone').split(/[;,\n]+/).map((p) => p.trim()).filter(Boolean);
    const emails = get('email').split(/[;,\s]+/).map((p) => p.trim()).filter(Boolean);
    const name = get('contactName');
    if (name !== '' || phones.length || emails.length) {
      const contact: Contact = stamp({
        dossierId: dossier.id, name: name || company, position: get('position'), phones, emails,
        decisionMaker: false, note: '',
      }, opts.author, now);
      portfolio.contacts.push(contact);
    }

    let date = opts.defaultDate;
    const typed = get('nextDate');
    if (typed !== '') {
      const parsed = nextDateOf(typed, opts.today);
      if (parsed) date = parsed;
      else errors.push(makeIssue('bad-next-date', at('nextDate'), { value: typed }));
    }
    const step: Step = stamp({
      dossierId: dossier.id, kind: 'call' as const, title: '', date, month: '', time: '',
      durationMin: 0, remindMin: -1, done: false, doneAt: '',
    }, opts.author, now);
    portfolio.steps.push(step);
  });
  const repeats = [...byTaxId].filter(([, v]) => v.rows.length > 1).map(([taxId, v]) => ({ taxId, rows: v.rows, repeatIds: v.ids.slice(1) }));
  return { portfolio, errors, skipped, repeats };
}
