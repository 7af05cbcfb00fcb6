import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { signalReport } from '../../../renderer/features/receivables/signal-report';
import type { ReceivableItem } from '../../../renderer/data/receivables-repo';
import { checkSchedule, DEFAULT_LADDER, ladderFromDays } from '../../../shared/receivables/ladder';
import { defaultSettings } from '../../../shared/model/settings';

const t = (k: string) => k.split('.').pop()!;
const item = (over: Partial<ReceivableItem>): ReceivableItem => ({
  id: crypto.randomUUID(), dossierId: crypto.randomUUID(), number: '1', currency: 'RUB', openCents: 150_000, dueOn: '2026-10-01', reminderDay: '',
  ladderLevel: 'claim', held: false, company: 'ООО Ромашка', taxId: '7707083893', owner: 'Anna', segment: '', vip: false, open: 1500, daysOverdue: 61, ...over,
});

describe('signal finance and legal', () => {
  it('writes the debts with text as text (a company "=1+1" is no formula), amounts and days as numbers, the due date as a date', () => {
    const bytes = signalReport([item({ company: '=1+1', taxId: '0012345678' })], t);
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellDates: false });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    expect(wb.SheetNames[0]).toBe('sheet');
    expect(ws.A2).toMatchObject({ t: 's', v: '=1+1' });
    expect(ws.A2.f).toBeUndefined();
    expect(ws.B2).toMatchObject({ t: 's', v: '0012345678' });
    expect(ws.F2).toMatchObject({ t: 'n', v: 1500 });
    expect(ws.G2).toMatchObject({ t: 'n' });
    expect(ws.H2).toMatchObject({ t: 'n', v: 61 });
    expect(ws.I2).toMatchObject({ t: 's', v: 'claim' });
    expect(ws['!autofilter']).toBeDefined();
  });
});

describe('the ladder thresholds of the settings', () => {
  it('default to the built-in ladder and always rise with the levels', () => {
    expect(ladderFromDays(defaultSettings().ladderDays)).toEqual(DEFAULT_LADDER);
    expect(ladderFromDays([5, 3, 3]).map((r) => r.fromDays)).toEqual([5, 6, 7, 31, 61]);
  });
  it('a schedule must be dated, above zero and add up to the open amount', () => {
    expect(checkSchedule([], 100)).toBe('invalid');
    expect(checkSchedule([{ dueOn: '2026-12-01', amount: 0 }], 0)).toBe('invalid');
    expect(checkSchedule([{ dueOn: '2026-12-01', amount: 0.1 }, { dueOn: '2026-12-08', amount: 0.2 }], 30)).toBeUndefined();
    expect(checkSchedule([{ dueOn: '2026-12-01', amount: 1 }], 30)).toBe('mismatch');
  });
});
