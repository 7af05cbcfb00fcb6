import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/commands';
import { emptyPortfolio, type Portfolio } from '../../../shared/model/records';
import { ID, exportWorkbook, meta } from '../workbook/fixtures';
import { memoryIo } from './memory-io';

const lastJson = (lines: string[]) => JSON.parse(lines[lines.length - 1]!) as Record<string, Record<string, number>>;
const base = { industry: '', segment: '' as const, territory: '', vip: false, tags: [], customFields: {}, notes: '', status: 'active' as const, coveredFor: '', coveredUntil: '' };
const step = (n: number, dossier: number, date: string, month = '') => ({ ...meta(n), dossierId: ID(dossier), kind: 'call' as const, title: '', date, month, time: '', durationMin: 0, remindMin: -1, done: false, doneAt: '' });
const invoice = (n: number, dossier: number, amount: number, issuedOn: string, currency = 'RUB') => ({ ...meta(n), dossierId: ID(dossier), number: String(n), basis: '', amount, currency, issuedOn, dueOn: issuedOn || '2026-12-31', paidOn: '' });

function manager(owner: string, first: number, files: [string, string][]): Portfolio {
  const p = emptyPortfolio();
  files.forEach(([date, month], i) => {
    p.dossiers.push({ ...meta(first + i), ...base, company: `${owner} ${i}`, taxId: '', owner });
    p.steps.push(step(first + 100 + i, first + i, date, month));
  });
  return p;
}

describe('abc', () => {
  it('prints the classes by the last 365 days\' invoices in roubles as its last line', () => {
    const p = manager('Анна', 1, [['2026-12-01', ''], ['2026-12-01', ''], ['2026-12-01', ''], ['2026-12-01', '']]);
    p.invoices.push(invoice(201, 1, 700, '2026-06-01'), invoice(202, 2, 200, '2025-12-02'), invoice(203, 3, 100, '2026-12-01'));
    p.invoices.push(invoice(204, 3, 5000, '2025-12-01'), invoice(205, 4, 9000, '2026-11-01', 'EUR')); // out of the window, another currency
    const io = memoryIo({ 'p.xlsx': exportWorkbook(p, 'ru') });
    const out = runCli(['abc', 'p.xlsx', '--today', '2026-12-01'], io);
    expect(out.exitCode).toBe(0);
    expect(lastJson(out.lines)).toEqual({ A: { clients: 2, revenue: 900 }, B: { clients: 1, revenue: 100 }, C: { clients: 1, revenue: 0 } });
    expect(lastJson(runCli(['abc', 'p.xlsx', '--today', '2026-12-01', '--currency', 'EUR'], io).lines).A).toEqual({ clients: 1, revenue: 9000 });
  });
  it('refuses a bad --today and a missing file', () => {
    expect(runCli(['abc', 'p.xlsx', '--today', '2026-13-01'], memoryIo()).exitCode).toBe(2);
    expect(runCli(['abc', 'none.xlsx', '--today', '2026-12-01'], memoryIo()).exitCode).toBe(1);
  });
});

describe('workload', () => {
  it('per owner over several workbooks: each day of the window, and overdue; month folders not counted', () => {
    const anna = manager('Анна', 1, [['2026-12-01', ''], ['2026-12-01', ''], ['2026-11-20', ''], ['', '2026-12'], ['2026-12-20', '']]);
    const oleg = manager('Олег', 20, [['2026-12-02', ''], ['2026-12-14', '']]);
    const io = memoryIo({ 'a.xlsx': exportWorkbook(anna, 'ru'), 'b.xlsx': exportWorkbook(oleg, 'en') });
    const out = runCli(['workload', 'a.xlsx', 'b.xlsx', '--from', '2026-12-01', '--days', '14'], io);
    expect(out.exitCode).toBe(0);
    expect(lastJson(out.lines)).toEqual({ Анна: { overdue: 1, '2026-12-01': 2 }, Олег: { overdue: 0, '2026-12-02': 1, '2026-12-14': 1 } });
  });
  it('needs --from and a positive --days', () => {
    const io = memoryIo({ 'a.xlsx': exportWorkbook(emptyPortfolio(), 'en') });
    expect(runCli(['workload', 'a.xlsx', '--days', '14'], io).exitCode).toBe(2);
    expect(runCli(['workload', 'a.xlsx', '--from', '2026-12-01', '--days', '0'], io).exitCode).toBe(2);
    expect(lastJson(runCli(['workload', 'a.xlsx', '--from', '2026-12-01', '--days', '3'], io).lines)).toEqual({});
  });
});
