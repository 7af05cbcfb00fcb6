/**
 * Invoices coming in from an accounting program: rows pasted from Excel or 1C (tab-separated,
 * no header) or read from a foreign spreadsheet (with a header), as text cells. Columns are
 * mapped to invoice fields (by the header's words, or by what the cells look like), each
 * line is read (amounts "150 000,00", dates "05.12.2026", terms "30" days) and matched to a
 * dossier by INN, then by the company's name without its legal form (companyKey, as the
 * call paste's duplicate check does). Lines that cannot be read say why; nothing is written here.
 */
import { addDays } from '../dates/calendar-day';
import { companyKey, taxIdKey } from '../model/company-key';
import { parseDayText } from '../workbook/cells';
import { parseAmount } from './parse-amount';

export const INVOICE_FIELDS = ['company', 'taxId', 'number', 'issuedOn', 'amount', 'currency', 'dueOn', 'termsDays'] as const;
export type InvoiceField = (typeof INVOICE_FIELDS)[number];
/** Column index -> field; a column not in the map is not loaded. */
export type InvoiceMapping = Partial<Record<number, InvoiceField>>;

/** Checked in this order, the first match wins, each field takes one column. */
const HEADERS: [InvoiceField, RegExp][] = [
  ['taxId', /^инн|инн$|taxid|^inn$|^cui$|^cif$|codfiscal/],
  ['termsDays', /отсроч|дней|days|credit|termen.*zile|zile/],
  ['dueOn', /срок|оплатитьдо|due|scaden/],
  ['issuedOn', /дата|date|data|issued|emit/],
  ['number', /номер|^№|^n[or]\.?$|number|^nr|счет№|счёт№|^счет$|^счёт$|document|invoice|factur/],
  ['amount', /сумма|amount|sum|total|valoare|suma/],
  ['currency', /валют|currency|^cur$|moned/],
  ['company', /компан|организ|наимен|клиент|контрагент|покупат|company|customer|client|firm|denumire|partener/],
];

const key = (h: string) => h.toLowerCase().replace(/ё/g, 'е').replace(/[\s._-]+/g, '');

export function guessInvoiceMapping(headers: readonly string[]): InvoiceMapping {
  const out: InvoiceMapping = {};
  const taken = new Set<InvoiceField>();
  headers.forEach((h, i) => {
    const hit = HEADERS.find(([f, re]) => !taken.has(f) && re.test(key(h)));
    if (hit) {
      out[i] = hit[0];
      taken.add(hit[0]);
    }
  });
  return out;
}

const TAX_ID = /^\s*(?:RO)?\s*\d{8,12}\s*$/i;
const CURRENCY = /^[A-Za-z]{3}$|^(?:руб\.?|р\.|₽|€|\$|lei)$/i;

/**
 * A mapping for pasted rows without a header, from what the cells look like in most rows:
 * dates (first the invoice's, then the due date), a tax id, a currency code, the largest
 * number the amount, a small whole number after it the days of credit, the first text the
 * company and the next short one the invoice number.
 */
export function guessPastedMapping(rows: readonly (readonly string[])[]): InvoiceMapping {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const sample = rows.filter((r) => r.some((c) => c.trim() !== '')).slice(0, 50);
  // Over the column's filled cells: an INN given on one line of three is still the INN column.
  const filled = (col: number) => sample.map((r) => (r[col] ?? '').trim()).filter((s) => s !== '');
  const share = (col: number, test: (s: string) => boolean) => {
    const cells = filled(col);
    return cells.filter(test).length / Math.max(1, cells.length);
  };
  const kinds = Array.from({ length: width }, (_, c) => {
    if (filled(c).length === 0) return 'empty';
    if (share(c, (s) => parseDayText(s) !== undefined) >= 0.5) return 'date';
    if (share(c, (s) => TAX_ID.test(s)) >= 0.5) return 'taxId';
    if (share(c, (s) => CURRENCY.test(s)) >= 0.5) return 'currency';
    if (share(c, (s) => /^\d{1,3}$/.test(s)) >= 0.5) return 'small';
    if (share(c, (s) => Number.isFinite(parseAmount(s)) && /^[\d\s\u00a0.,'’-]+$/.test(s)) >= 0.5) return 'number';
    return 'text';
  });
  const out: InvoiceMapping = {};
  const put = (c: number, f: InvoiceField) => { if (c >= 0 && !Object.values(out).includes(f)) out[c] = f; };
  const dates = kinds.flatMap((k, c) => (k === 'date' ? [c] : []));
  if (dates.length >= 2) { put(dates[0]!, 'issuedOn'); put(dates[1]!, 'dueOn'); } else if (dates.length === 1) put(dates[0]!, 'issuedOn');
  put(kinds.indexOf('taxId'), 'taxId');
  put(kinds.indexOf('currency'), 'currency');
  const texts = kinds.flatMap((k, c) => (k === 'text' ? [c] : []));
  if (texts[0] !== undefined) put(texts[0], 'company');
  const numbers = kinds.flatMap((k, c) => (k === 'number' ? [c] : []));
  const smalls = kinds.flatMap((k, c) => (k === 'small' ? [c] : []));
  // The invoice number: a text after the company, else a number or small number before the amount.
  const amountCol = numbers.length ? numbers.reduce((best, c) => (sum(sample, c) > sum(sample, best) ? c : best)) : -1;
  put(amountCol, 'amount');
  const numberCol = texts[1] ?? [...smalls, ...numbers].filter((c) => c !== amountCol && c < amountCol).sort((a, b) => a - b)[0];
  if (numberCol !== undefined) put(numberCol, 'number');
  const terms = smalls.find((c) => c > amountCol && out[c] === undefined);
  if (terms !== undefined && dates.length < 2) put(terms, 'termsDays');
  return out;
}

function sum(rows: readonly (readonly string[])[], col: number): number {
  return rows.reduce((a, r) => a + (Number.isFinite(parseAmount(r[col] ?? '')) ? Math.abs(parseAmount(r[col] ?? '')) : 0), 0);
}

/** A dossier as matching sees it. */
export interface DossierKey {
  id: string;
  company: string;
  taxId: string;
  /** Invoice numbers the dossier has already (a line repeating one is a duplicate). */
  numbers: readonly string[];
}

export type LineIssue = 'no-client' | 'no-number' | 'bad-amount' | 'bad-date' | 'duplicate';

export interface InvoiceLine {
  /** 1-based: the pasted line, or the sheet's Excel row. */
  line: number;
  client: string;
  taxId: string;
  number: string;
  issuedOn: string;
  amount: number;
  currency: string;
  dueOn: string;
  /** Days of credit when the due date came from them ("30 days"), else ''. */
  terms: string;
  dossierId?: string;
  issue?: LineIssue;
}

const CURRENCY_WORDS: Record<string, string> = { 'руб': 'RUB', 'руб.': 'RUB', 'р.': 'RUB', '₽': 'RUB', '€': 'EUR', '$': 'USD', lei: 'RON' };

function currencyText(s: string, fallback: string): string {
  const t = s.trim();
  if (t === '') return fallback;
  return CURRENCY_WORDS[t.toLowerCase()] ?? t.toUpperCase();
}

/** A totals line under the list ("Итого", "Total"), or a blank one: neither is an invoice. */
function isSummary(cells: readonly string[], mapping: InvoiceMapping): boolean {
  const text = cells.join(' ').trim();
  if (text === '') return true;
  const numberCol = Object.entries(mapping).find(([, f]) => f === 'number')?.[0];
  const clientCols = Object.entries(mapping).filter(([, f]) => f === 'company' || f === 'taxId').map(([c]) => Number(c));
  const noClient = clientCols.every((c) => (cells[c] ?? '').trim() === '');
  return /^(итого|всего|total|totals|sum)(?=[\s:.]|$)/iu.test(text) || (noClient && (numberCol === undefined || (cells[Number(numberCol)] ?? '').trim() === ''));
}

export interface ReadOptions {
  currency: string;
  /** Lines (0-based indexes into rows) to leave out without a word: another program's totals formulas. */
  skip?: readonly number[];
  /** Added to a row's index for its line number (a sheet's data starts under its header). */
  firstLine?: number;
}

/** Reads and matches every line; summary lines (totals, blanks) are left out. */
export function readInvoiceLines(rows: readonly (readonly string[])[], mapping: InvoiceMapping, dossiers: readonly DossierKey[], opts: ReadOptions): InvoiceLine[] {
  const byTax = new Map<string, DossierKey>();
  const byName = new Map<string, DossierKey>();
  for (const d of dossiers) {
    const t = taxIdKey(d.taxId);
    if (t && !byTax.has(t)) byTax.set(t, d);
    const n = companyKey(d.company);
    if (n && !byName.has(n)) byName.set(n, d);
  }
  const colOf = (f: InvoiceField) => Object.entries(mapping).find(([, v]) => v === f)?.[0];
  const get = (cells: readonly string[], f: InvoiceField) => {
    const c = colOf(f);
    return c === undefined ? '' : (cells[Number(c)] ?? '').trim();
  };
  const skip = new Set(opts.skip ?? []);
  const seen = new Set<string>();
  const out: InvoiceLine[] = [];
  rows.forEach((cells, i) => {
    if (skip.has(i) || isSummary(cells, mapping)) return;
    const client = get(cells, 'company');
    const taxId = get(cells, 'taxId');
    const number = get(cells, 'number').replace(/^№\s*/, '');
    const issuedOn = parseDayText(get(cells, 'issuedOn')) ?? '';
    const amount = parseAmount(get(cells, 'amount'));
    const days = get(cells, 'termsDays');
    const dueText = get(cells, 'dueOn');
    // A due column holding a small number is days of credit too ("Срок оплаты: 30").
    const termDays = /^\d{1,4}$/.test(days) ? Number(days) : /^\d{1,4}$/.test(dueText) ? Number(dueText) : undefined;
    const dueOn = parseDayText(dueText) ?? (termDays !== undefined && issuedOn ? addDays(issuedOn, termDays) : '');
    const dossier = (taxIdKey(taxId) && byTax.get(taxIdKey(taxId))) || byName.get(companyKey(client)) || undefined;
    const line: InvoiceLine = {
      line: i + 1 + (opts.firstLine ?? 0), client, taxId, number, issuedOn, amount, currency: currencyText(get(cells, 'currency'), opts.currency),
      dueOn, terms: termDays !== undefined && !parseDayText(dueText) ? String(termDays) : '', dossierId: dossier?.id,
    };
    const dupKey = `${dossier?.id}|${number}`;
    line.issue = !dossier ? 'no-client'
      : number === '' ? 'no-number'
      : !(amount > 0) ? 'bad-amount'
      : dueOn === '' ? 'bad-date'
      : dossier.numbers.includes(number) || seen.has(dupKey) ? 'duplicate'
      : undefined;
    if (!line.issue) seen.add(dupKey);
    out.push(line);
  });
  return out;
}

/** A line after the manager chose its dossier by hand (a 'no-client' line), checked again. */
export function withDossier(line: InvoiceLine, dossier: DossierKey): InvoiceLine {
  const issue = line.number === '' ? 'no-number' : !(line.amount > 0) ? 'bad-amount' : line.dueOn === '' ? 'bad-date' : dossier.numbers.includes(line.number) ? 'duplicate' : undefined;
  return { ...line, dossierId: dossier.id, issue };
}

/** Text pasted from a spreadsheet: rows by line, cells by tab (Excel and 1C copy that way); a trailing newline adds no row. */
export function pastedRows(text: string): string[][] {
  return text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n').map((l) => l.split('\t'));
}
