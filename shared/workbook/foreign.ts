/**
 * Onboarding a manager's old spreadsheet: any workbook (or CSV) is read as plain tables,
 * its columns are matched to dossier fields by their usual Russian/English/Romanian
 * headers (the user confirms or fixes the mapping), and each row becomes a dossier with
 * its contact and one open call step, so every client lands in the binder. Columns the
 * user leaves unmapped are kept as the dossier's custom fields: nothing typed is lost.
 */
import * as XLSX from 'xlsx';
import { nowIso } from '../model/ids';
import { stamp } from '../model/new-record';
import { emptyPortfolio, type Contact, type Dossier, type Portfolio, type Segment, type Step } from '../model/records';
import { validateTaxId } from '../model/tax-id';
import { columnLetter, parseDayText, serialToDay } from './cells';
import { makeIssue, type WorkbookIssue } from './issues';
import { sizeIssue } from './read';

export interface SheetTable {
  name: string;
  /** Excel row number of the header row (data starts on the next row). */
  headerRow: number;
  headers: string[];
  rows: string[][];
}

export interface SheetTables {
  sheets: SheetTable[];
  /** Set when the bytes are not a readable spreadsheet at all. */
  fatal?: WorkbookIssue;
}

export type TargetField =
  | 'company' | 'taxId' | 'phone' | 'email' | 'contactName' | 'position' | 'nextDate'
  | 'industry' | 'territory' | 'segment' | 'notes' | 'owner';

export const TARGET_FIELDS: readonly TargetField[] = [
  'company', 'taxId', 'phone', 'email', 'contactName', 'position', 'nextDate', 'industry', 'territory', 'segment', 'notes', 'owner',
];

function cellText(cell: XLSX.CellObject | undefined | null): string {
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

/** The header is the first row with at least two filled cells among the first ten (old lists have a title row). */
function tableOf(name: string, ws: XLSX.WorkSheet): SheetTable | undefined {
  const data = ((ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? []).map((r) => (r ?? []).map(cellText));
  const h = data.slice(0, 10).findIndex((r) => r.filter((c) => c !== '').length >= 2);
  if (h < 0) return undefined;
  const headers = data[h]!;
  const width = headers.length;
  const rows = data.slice(h + 1).map((r) => Array.from({ length: Math.max(width, r.length) }, (_, i) => r[i] ?? ''));
  return { name, headerRow: h + 1, headers, rows };
}

/** The tables of a workbook already parsed with number formats (openWorkbook does). */
export function tablesOf(wb: XLSX.WorkBook): SheetTables {
  const sheets: SheetTable[] = [];
  for (const name of wb.SheetNames) {
    const t = tableOf(name, wb.Sheets[name]!);
    if (t) sheets.push(t);
  }
  return { sheets };
}

export function readSheetTable(data: Uint8Array): SheetTables {
  const tooLarge = sizeIssue(data);
  if (tooLarge) return { sheets: [], fatal: tooLarge };
  try {
    const isZip = data[0] === 0x50 && data[1] === 0x4b;
    const isCfb = data[0] === 0xd0 && data[1] === 0xcf;
    const wb = isZip || isCfb
      ? XLSX.read(data, { type: 'array', dense: true, cellDates: false, cellNF: true, cellText: false, cellHTML: false })
      : XLSX.read(new TextDecoder().decode(data), { type: 'string', dense: true, raw: true });
    return tablesOf(wb);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const code = /password|encrypt/i.test(msg) ? 'encrypted' : 'not-a-workbook';
    return { sheets: [], fatal: makeIssue(code) };
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

export function guessColumnMapping(headers: readonly string[]): Record<number, TargetField | null> {
  const out: Record<number, TargetField | null> = {};
  const taken = new Set<TargetField>();
  headers.forEach((h, i) => {
    const key = h.toLowerCase().replace(/ё/g, 'е').replace(/[\s._-]+/g, '');
    const hit = HEADER_PATTERNS.find(([field, re]) => !taken.has(field) && re.test(key));
    out[i] = hit ? hit[0] : null;
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
  now?: string;
}

export function mapForeignRows(
  table: SheetTable,
  mapping: Record<number, TargetField | null>,
  opts: ForeignOptions,
): { portfolio: Portfolio; errors: WorkbookIssue[] } {
  const portfolio = emptyPortfolio();
  const errors: WorkbookIssue[] = [];
  const now = opts.now ?? nowIso();
  const colOf = new Map<TargetField, number>();
  for (const [i, f] of Object.entries(mapping)) if (f) colOf.set(f, Number(i));
  const unmapped = table.headers.map((h, i) => ({ h: h.trim() || columnLetter(i), i })).filter(({ i }) => !mapping[i]);

  table.rows.forEach((row, r) => {
    if (row.every((c) => c.trim() === '')) return;
    const excelRow = table.headerRow + 1 + r;
    const get = (f: TargetField): string => {
      const i = colOf.get(f);
      return i === undefined ? '' : (row[i] ?? '').trim();
    };
    const at = (f: TargetField) => ({ sheet: table.name, row: excelRow, column: columnLetter(colOf.get(f) ?? 0) });
    const company = get('company');
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
    for (const { h, i } of unmapped) if ((row[i] ?? '').trim() !== '') customFields[h] = row[i]!.trim();
    const dossier: Dossier = stamp({
      company, taxId, industry: get('industry'), segment: SEGMENT_WORDS[get('segment').toLowerCase()] ?? '',
      territory: get('territory'), vip: false, owner: get('owner') || opts.author, tags: [], customFields,
      notes: get('notes'), status: 'active' as const, coveredFor: '', coveredUntil: '',
    }, opts.author, now);
    if (get('segment') !== '' && dossier.segment === '') dossier.customFields[table.headers[colOf.get('segment')!] || 'segment'] = get('segment');
    portfolio.dossiers.push(dossier);

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
      const parsed = parseNextDate(typed, opts.today);
      if (parsed) date = parsed;
      else errors.push(makeIssue('bad-date', at('nextDate'), { value: typed }));
    }
    const step: Step = stamp({
      dossierId: dossier.id, kind: 'call' as const, title: '', date, month: '', time: '',
      durationMin: 0, remindMin: -1, done: false, doneAt: '',
    }, opts.author, now);
    portfolio.steps.push(step);
  });
  return { portfolio, errors };
}
