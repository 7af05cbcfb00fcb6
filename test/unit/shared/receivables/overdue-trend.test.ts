import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, isoWeekday } from '../../../../shared/dates/calendar-day';
import type { Invoice, Payment } from '../../../../shared/model/records';
import { ageingTotals } from '../../../../shared/receivables';
import { overdueTrend, trendDays } from '../../../../shared/receivables/overdue-trend';
import { dayArb, monFri } from '../dates/arbitraries';

const meta = { createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', author: 'Anna', syncBase: '' };
const D = '00000000-0000-4000-8000-000000000001';
let n = 100;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const inv = (over: Partial<Invoice> = {}): Invoice => ({
  ...meta, id: id(), dossierId: D, number: 'A-1', basis: '', amount: 1000, currency: 'RUB', issuedOn: '', dueOn: '2026-11-02', paidOn: '', ...over,
});
const pay = (invoice: Invoice, amount: number, paidOn: string): Payment => ({ ...meta, id: id(), dossierId: D, invoiceId: invoice.id, amount, paidOn });

describe('the weekly trend of the overdue', () => {
  it('reads on the last Sundays and today, oldest first', () => {
    // Tuesday 1 December 2026.
    expect(trendDays('2026-12-01', 3)).toEqual(['2026-11-22', '2026-11-29', '2026-12-01']);
    // On a Sunday the week before ended a week ago: today is its own point.
    expect(trendDays('2026-11-29', 2)).toEqual(['2026-11-22', '2026-11-29']);
  });

  it('counts an invoice from the day after it is due, less what was paid by each day, until it is paid', () => {
    const a = inv({ dueOn: '2026-11-10', amount: 500 });
    const b = inv({ dueOn: '2026-11-20', amount: 200, currency: 'eur', paidOn: '2026-11-28' });
    const days = ['2026-11-10', '2026-11-11', '2026-11-21', '2026-11-28', '2026-12-01'];
    expect(overdueTrend([a, b], [pay(a, 100, '2026-11-21'), pay(a, 400, '2026-11-30')], days)).toEqual({
      RUB: [0, 500, 400, 400, 0],
      EUR: [0, 0, 200, 0, 0],
    });
  });

  it('leaves out an invoice issued after the day', () => {
    expect(overdueTrend([inv({ issuedOn: '2026-11-15', dueOn: '2026-11-01' })], [], ['2026-11-14', '2026-11-16'])).toEqual({ RUB: [0, 1000] });
  });

  it('property: every point but today is a Sunday, a week apart, and the days rise', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: 2, max: 20 }), (today, weeks) => {
      const days = trendDays(today, weeks);
      expect(days).toHaveLength(weeks);
      expect(days.at(-1)).toBe(today);
      for (const d of days.slice(0, -1)) expect(isoWeekday(d)).toBe(7);
      for (let i = 1; i < days.length - 1; i++) expect(days[i]).toBe(addDays(days[i - 1]!, 7));
      expect(days.at(-2)! < today).toBe(true);
    }));
  });

  it("property: today's point is the overdue buckets of the ageing when every payment is dated by today", () => {
    const today = '2026-12-01';
    const row = fc.tuple(fc.integer({ min: -120, max: 40 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 200 }));
    fc.assert(fc.property(fc.array(row, { maxLength: 15 }), (rows) => {
      const invoices = rows.map(([due, cents]) => inv({ dueOn: addDays(today, due), amount: cents / 100 }));
      const payments = rows.map(([, , paid, ago], i) => pay(invoices[i]!, paid / 100, addDays(today, -ago)));
      const buckets = ageingTotals(invoices, payments, today, monFri).RUB;
      const overdue = buckets ? buckets['1-30'] + buckets['31-60'] + buckets['61-90'] + buckets['90+'] : 0;
      const point = overdueTrend(invoices, payments, [today]).RUB?.[0] ?? 0;
      expect(Math.round(point * 100)).toBe(Math.round(overdue * 100));
    }));
  });

  it('property: a payment lowers no point before its day and none after by more than its amount', () => {
    fc.assert(fc.property(fc.integer({ min: -60, max: 0 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 80 }), (due, cents, paid, at) => {
      const days = trendDays('2026-12-01', 12);
      const i = inv({ dueOn: addDays('2026-12-01', due), amount: cents / 100 });
      const p = pay(i, paid / 100, addDays('2026-12-01', -at));
      const without = overdueTrend([i], [], days).RUB ?? days.map(() => 0);
      const withIt = overdueTrend([i], [p], days).RUB ?? days.map(() => 0);
      days.forEach((d, k) => {
        if (d < p.paidOn) expect(withIt[k]).toBe(without[k]);
        else expect(without[k]! - withIt[k]!).toBeLessThanOrEqual(p.amount + 1e-9);
        expect(withIt[k]).toBeGreaterThanOrEqual(0);
      });
    }));
  });
});
