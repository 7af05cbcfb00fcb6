/** Small hand-made portfolios and helpers to edit a written workbook the way a person would in Excel. */
import * as XLSX from 'xlsx';
import { emptyPortfolio, type Portfolio } from '../../../shared/model/records';
import { writePortfolioWorkbook, type Language } from '../../../shared/workbook/write';

export const T0 = '2026-11-01T09:00:00.000Z';
export const ID = (n: number): string => `6f1c2b9e-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const meta = (id: number) => ({ id: ID(id), createdAt: T0, updatedAt: T0, author: 'Анна', syncBase: '' });

/** Two clients, each with a contact, a history entry and an open call step; one invoice. */
export function smallPortfolio(): Portfolio {
  const p = emptyPortfolio();
  const base = { industry: '', segment: '' as const, territory: 'Москва', vip: false, owner: 'Анна', tags: [], customFields: {}, notes: '', status: 'active' as const, coveredFor: '', coveredUntil: '' };
  p.dossiers.push({ ...meta(1), ...base, company: 'ООО «Ромашка»', taxId: '7707083893' });
  p.dossiers.push({ ...meta(2), ...base, company: 'ИП Петров', taxId: '' });
  p.contacts.push({ ...meta(11), dossierId: ID(1), name: 'Иван Иванов', position: 'директор', phones: ['+7 916 123-45-67'], emails: ['ivan@romashka.ru'], decisionMaker: true, note: '' });
  p.contacts.push({ ...meta(12), dossierId: ID(2), name: 'Пётр Петров', position: '', phones: ['8 (903) 000-00-01'], emails: [], decisionMaker: false, note: '' });
  p.history.push({ ...meta(21), dossierId: ID(1), at: '2026-10-30T08:15:00.000Z', kind: 'call', outcome: 'reached', summary: 'Договорились созвониться' });
  p.steps.push({ ...meta(31), dossierId: ID(1), kind: 'call', title: 'Перезвонить', date: '2026-11-25', month: '', time: '10:00', durationMin: 0, remindMin: 15, done: false, doneAt: '' });
  p.steps.push({ ...meta(32), dossierId: ID(2), kind: 'meeting', title: '', date: '', month: '2027-01', time: '', durationMin: 60, remindMin: -1, done: false, doneAt: '' });
  p.invoices.push({ ...meta(41), dossierId: ID(1), number: '17', basis: 'Договор 5', amount: 125000.5, currency: 'RUB', issuedOn: '2026-10-01', dueOn: '2026-11-30', paidOn: '' });
  p.holidays.push('2026-12-31');
  return p;
}

export const EXPORT_META = { appVersion: '0.1.0', exportedBy: 'Анна', scope: 'all', exportedAt: T0 };

export function exportWorkbook(p: Portfolio, language: Language = 'ru'): Uint8Array {
  return writePortfolioWorkbook(p, { ...EXPORT_META, language });
}

/** A workbook opened "in Excel": edit sheets through these helpers, then save(). */
export class PersonEdit {
  readonly wb: XLSX.WorkBook;
  constructor(bytes: Uint8Array) {
    this.wb = XLSX.read(bytes, { type: 'array', cellNF: true });
  }
  private sheet(name: string): XLSX.WorkSheet {
    const ws = this.wb.Sheets[name];
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  }
  private rows(name: string): unknown[][] {
    return XLSX.utils.sheet_to_json<unknown[]>(this.sheet(name), { header: 1, raw: true, defval: null });
  }
  col(name: string, header: string): number {
    const c = (this.rows(name)[0] ?? []).indexOf(header);
    if (c < 0) throw new Error(`no column ${header}`);
    return c;
  }
  /** Excel row (2 = first data row) of the record with this id. */
  rowOf(name: string, id: string): number {
    return this.rows(name).findIndex((r) => r[0] === id) + 1;
  }
  set(name: string, row: number, header: string, cell: XLSX.CellObject | string | number): this {
    const ws = this.sheet(name);
    const addr = XLSX.utils.encode_cell({ r: row - 1, c: this.col(name, header) });
    ws[addr] = typeof cell === 'object' ? cell : typeof cell === 'number' ? { t: 'n', v: cell } : { t: 's', v: cell };
    const range = XLSX.utils.decode_range(ws['!ref']!);
    range.e.r = Math.max(range.e.r, row - 1);
    ws['!ref'] = XLSX.utils.encode_range(range);
    return this;
  }
  /** Appends a row: header -> value. */
  add(name: string, values: Record<string, string | number>): number {
    const row = this.rows(name).length + 1;
    for (const [h, v] of Object.entries(values)) this.set(name, row, h, v);
    return row;
  }
  /** Deletes a row by shifting the rows below it up (what "Delete row" does). */
  deleteRow(name: string, row: number): this {
    const data = this.rows(name);
    data.splice(row - 1, 1);
    const ws = XLSX.utils.aoa_to_sheet(data);
    this.wb.Sheets[name] = ws;
    return this;
  }
  addColumn(name: string, header: string, value: string): this {
    const data = this.rows(name);
    const c = (data[0] ?? []).length;
    const ws = this.sheet(name);
    ws[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: header };
    ws[XLSX.utils.encode_cell({ r: 1, c })] = { t: 's', v: value };
    const range = XLSX.utils.decode_range(ws['!ref']!);
    range.e.c = Math.max(range.e.c, c);
    ws['!ref'] = XLSX.utils.encode_range(range);
    return this;
  }
  save(): Uint8Array {
    return new Uint8Array(XLSX.write(this.wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  }
}
