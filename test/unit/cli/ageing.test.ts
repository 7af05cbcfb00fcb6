import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/commands';
import type { Invoice, Portfolio } from '../../../shared/model/records';
import { exportWorkbook, ID, PersonEdit, smallPortfolio, T0 } from '../workbook/fixtures';
import { memoryIo } from './memory-io';

const meta = (n: number) => ({ id: ID(n), createdAt: T0, updatedAt: T0, author: 'Анна', syncBase: '' });
const invoice = (n: number, dueOn: string, amount: number, over: Partial<Invoice> = {}): Invoice => ({
  ...meta(n), dossierId: ID(1), number: String(n), basis: '', amount, currency: 'RUB', issuedOn: '', dueOn, paidOn: '', ...over,
});

function portfolio(): Portfolio {
  const p = smallPortfolio();
  p.holidays = ['2026-12-03'];
  p.invoices = [
    invoice(41, '2026-12-07', 100), // Monday: 3 working days back skip the holiday on Thursday 3rd: Tuesday 1st -> due-soon
    invoice(42, '2026-12-09', 200), // Wednesday: reminder Friday 4th -> current
    invoice(43, '2026-11-30', 1000), // 1 day overdue, partly paid
    invoice(44, '2026-08-01', 50, { currency: 'EUR' }), // 122 days
    invoice(45, '2026-10-01', 999, { paidOn: '2026-10-05' }), // paid in full: not open
  ];
  p.payments = [{ ...meta(51), dossierId: ID(1), invoiceId: ID(43), amount: 250.25, paidOn: '2026-11-30' }];
  return p;
}

const lastJson = (lines: string[]) => JSON.parse(lines.at(-1)!) as unknown;

describe('tickler ageing', () => {
  it('prints the open amounts by currency and bucket as its last line, with the workbook\'s own holidays', () => {
    const out = runCli(['ageing', 'p.xlsx', '--today', '2026-12-01'], memoryIo({ 'p.xlsx': exportWorkbook(portfolio(), 'ru') }));
    expect(out.exitCode).toBe(0);
    expect(out.lines.at(-1)).toBe(
      '{"RUB":{"current":200,"due-soon":100,"1-30":749.75,"31-60":0,"61-90":0,"90+":0},"EUR":{"current":0,"due-soon":0,"1-30":0,"31-60":0,"61-90":0,"90+":50}}',
    );
  });

  it('without the holiday the same invoice is not yet due soon', () => {
    const p = { ...portfolio(), holidays: [] };
    const out = runCli(['ageing', 'p.xlsx', '--today', '2026-12-01'], memoryIo({ 'p.xlsx': exportWorkbook(p, 'en') }));
    expect(lastJson(out.lines)).toMatchObject({ RUB: { current: 300, 'due-soon': 0 } });
  });

  it('reads an older workbook (no Payments sheet): "Paid on" closes an invoice in full', () => {
    const edit = new PersonEdit(exportWorkbook(portfolio(), 'en'));
    delete edit.wb.Sheets.Payments;
    edit.wb.SheetNames = edit.wb.SheetNames.filter((n) => n !== 'Payments');
    const out = runCli(['ageing', 'p.xlsx', '--today', '2026-12-01'], memoryIo({ 'p.xlsx': edit.save() }));
    expect(lastJson(out.lines)).toMatchObject({ RUB: { '1-30': 1000 } });
  });

  it('refuses a bad --today and a missing file', () => {
    expect(runCli(['ageing', 'p.xlsx', '--today', '1.12.2026'], memoryIo({})).exitCode).toBe(2);
    expect(runCli(['ageing'], memoryIo({})).exitCode).toBe(2);
    expect(runCli(['ageing', 'none.xlsx'], memoryIo({})).exitCode).toBe(1);
  });
});
