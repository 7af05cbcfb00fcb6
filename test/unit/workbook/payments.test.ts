import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { contentHash } from '../../../shared/merge/content-hash';
import { applyMergePlan, planMerge } from '../../../shared/merge';
import { readPortfolioWorkbook } from '../../../shared/workbook/read';
import { PAYMENT_SHEET } from '../../../shared/workbook/columns';
import { exportWorkbook, ID, PersonEdit, smallPortfolio, T0 } from './fixtures';

const read = (bytes: Uint8Array) => {
  const r = readPortfolioWorkbook(bytes);
  if (!r.ok) throw new Error(r.fatal.message);
  return r;
};

describe('payments and the receivables columns in the workbook', () => {
  it('a workbook written before the Payments sheet and the new invoice columns reads as before: the same invoice, same Version', () => {
    const p = smallPortfolio();
    const edit = new PersonEdit(exportWorkbook(p, 'en'));
    delete edit.wb.Sheets.Payments;
    edit.wb.SheetNames = edit.wb.SheetNames.filter((n) => n !== 'Payments');
    const back = read(edit.save());
    expect(back.portfolio.payments).toEqual([]);
    expect(back.errors).toEqual([]);
    const inv = back.portfolio.invoices[0]!;
    expect(Object.keys(inv)).not.toContain('terms');
    expect(contentHash(inv)).toBe(contentHash(p.invoices[0]!));
  });

  it('a partial payment travels on its own sheet and merges like any record', () => {
    const base = smallPortfolio();
    const payment = { id: ID(51), createdAt: T0, updatedAt: T0, author: 'Анна', syncBase: '', dossierId: ID(1), invoiceId: ID(41), amount: 25000.5, paidOn: '2026-11-20' };
    const theirs = { ...base, invoices: [{ ...base.invoices[0]!, syncBase: contentHash(base.invoices[0]!), terms: '30 дней', ladderLevel: 'reminder' as const, instalments: [{ dueOn: '2026-12-15', amount: 50000 }] }], payments: [payment] };
    const bytes = exportWorkbook(theirs, 'ru');
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toContain(PAYMENT_SHEET.ru);
    const back = read(bytes).portfolio;
    expect(back.payments).toEqual([{ ...payment, syncBase: contentHash(payment) }]);
    expect(back.invoices[0]).toMatchObject({ terms: '30 дней', ladderLevel: 'reminder', instalments: [{ dueOn: '2026-12-15', amount: 50000 }] });
    const plan = planMerge(base, back);
    expect(plan.created.map((e) => e.kind)).toEqual(['payments']);
    expect(plan.updated.map((e) => e.kind)).toEqual(['invoices']);
    expect(applyMergePlan(base, plan).changes.payments).toHaveLength(1);
  });

  it('reads a payment schedule typed by hand in any day format', () => {
    const edit = new PersonEdit(exportWorkbook(smallPortfolio(), 'en'));
    edit.set('Invoices', 2, 'Instalments', '15.12.2026 1 000,50; 2027-01-15 2000');
    expect(read(edit.save()).portfolio.invoices[0]!.instalments).toEqual([{ dueOn: '2026-12-15', amount: 1000.5 }, { dueOn: '2027-01-15', amount: 2000 }]);
  });
});
