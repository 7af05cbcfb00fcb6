import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paymentReminderDay } from '../../../../shared/dates/receivables';
import { isWorkingDay, workingDaysBetween, type WorkCalendar } from '../../../../shared/dates/working-days';
import type { Invoice, Payment, Step } from '../../../../shared/model/records';
import {
  ageingTotals, checkMove, DEFAULT_LADDER, derivedId, followPlan, movedInvoice, nextLevel, nextStepDay, normalizeLadder,
  openAmount, plannedPayments, previousLevel, suggestedLevel,
} from '../../../../shared/receivables';
import { calendarArb, dayArb, monFri, ruNov2025 } from '../dates/arbitraries';

const meta = { createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', author: 'Anna', syncBase: '' };
const D = '00000000-0000-4000-8000-000000000001';
let n = 100;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const inv = (over: Partial<Invoice> = {}): Invoice => ({
  ...meta, id: id(), dossierId: D, number: 'A-1', basis: '', amount: 1000, currency: 'RUB', issuedOn: '', dueOn: '2026-05-18', paidOn: '', ...over,
});
const pay = (invoice: Invoice, amount: number, paidOn = '2026-05-10'): Payment => ({ ...meta, id: id(), dossierId: D, invoiceId: invoice.id, amount, paidOn });

describe('open amount', () => {
  it('is the amount less the payments, to the cent', () => {
    const i = inv({ amount: 0.3 });
    expect(openAmount(i, [pay(i, 0.1), pay(i, 0.2)])).toBe(0);
    const j = inv({ amount: 1000 });
    expect(openAmount(j, [pay(j, 250.5)])).toBe(749.5);
  });
  it('is 0 for an invoice marked paid in full, whatever the payments (older workbooks)', () => {
    expect(openAmount(inv({ paidOn: '2026-05-01' }), [])).toBe(0);
  });
  it('never goes below 0 on an overpayment', () => {
    const i = inv({ amount: 100 });
    expect(openAmount(i, [pay(i, 150)])).toBe(0);
  });
});

describe('ageing totals', () => {
  const today = '2026-08-17';
  it('puts open amounts into buckets by currency, at the edges of each bucket', () => {
    const invoices = [
      inv({ dueOn: '2026-08-20', amount: 1 }), // Thursday: reminder Monday 17th -> due-soon
      inv({ dueOn: '2026-08-21', amount: 2 }), // Friday: reminder Tuesday 18th -> current
      inv({ dueOn: '2026-08-17', amount: 4 }), // due today -> due-soon
      inv({ dueOn: '2026-08-16', amount: 8 }), // 1 day -> 1-30
      inv({ dueOn: '2026-07-18', amount: 16 }), // 30 days -> 1-30
      inv({ dueOn: '2026-07-17', amount: 32 }), // 31 -> 31-60
      inv({ dueOn: '2026-05-19', amount: 64 }), // 90 -> 61-90
      inv({ dueOn: '2026-05-18', amount: 128, currency: 'eur' }), // 91 -> 90+
    ];
    const partly = invoices[4]!;
    expect(ageingTotals(invoices, [pay(partly, 6)], today, monFri)).toEqual({
      EUR: { current: 0, 'due-soon': 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 128 },
      RUB: { current: 2, 'due-soon': 5, '1-30': 18, '31-60': 32, '61-90': 64, '90+': 0 },
    });
  });
  it('leaves out closed invoices', () => {
    const i = inv({ amount: 10 });
    expect(ageingTotals([i, inv({ paidOn: '2026-05-01' })], [pay(i, 10)], today, monFri)).toEqual({});
  });
  it('property: the buckets add up to the open amounts', () => {
    fc.assert(fc.property(fc.array(fc.tuple(dayArb, fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e6 })), { maxLength: 20 }), dayArb, (rows, today) => {
      const invoices = rows.map(([dueOn, cents]) => inv({ dueOn, amount: cents / 100 }));
      const payments = rows.map(([, , paid], i) => pay(invoices[i]!, paid / 100));
      const totals = ageingTotals(invoices, payments, today, monFri);
      const sum = Object.values(totals.RUB ?? {}).reduce((a, b) => a + b, 0);
      const open = rows.reduce((a, [, c, p]) => a + Math.max(0, c - p), 0) / 100;
      expect(Math.round(sum * 100)).toBe(Math.round(open * 100));
    }));
  });
});

describe('the payment step that follows an invoice', () => {
  const now = '2026-05-01T10:00:00.000Z';
  const stepOf = (changes: Step[]) => changes.find((s) => s.kind === 'payment');
  it('files an open invoice on its reminder day, 3 working days before due, with the amount and due date in its title', () => {
    const i = inv({ dueOn: '2025-11-06', amount: 5000, number: '17' });
    const [s] = followPlan([], plannedPayments(i, [], ruNov2025), D, now, 'Anna');
    expect(s).toMatchObject({ id: derivedId(i.id, 'payment'), kind: 'payment', date: '2025-10-31', done: false });
    expect(s!.title).toContain('5000');
    expect(s!.title).toContain('2025-11-06');
  });
  it('moves with a new due date, closes when paid in full, and a partial payment keeps it open for the rest', () => {
    const i = inv({ dueOn: '2026-05-18', amount: 1000 });
    const [filed] = followPlan([], plannedPayments(i, [], monFri), D, now, 'Anna');
    const moved = followPlan([filed!], plannedPayments({ ...i, dueOn: '2026-05-25' }, [], monFri), D, now, 'Anna');
    expect(stepOf(moved)?.date).toBe('2026-05-20');
    const partly = followPlan([filed!], plannedPayments(i, [pay(i, 400)], monFri), D, now, 'Anna');
    expect(stepOf(partly)).toMatchObject({ done: false, date: '2026-05-13' });
    expect(stepOf(partly)!.title).toContain('600');
    const paid = followPlan([filed!], plannedPayments(i, [pay(i, 400), pay(i, 600)], monFri), D, now, 'Anna');
    expect(stepOf(paid)).toMatchObject({ done: true });
  });
  it('moves when a new holiday falls between the reminder and the due date', () => {
    const i = inv({ dueOn: '2026-05-18' });
    const [filed] = followPlan([], plannedPayments(i, [], monFri), D, now, 'Anna');
    const withHoliday: WorkCalendar = { ...monFri, holidays: ['2026-05-14'] };
    expect(stepOf(followPlan([filed!], plannedPayments(i, [], withHoliday), D, now, 'Anna'))?.date).toBe('2026-05-12');
  });
  it('a reminder the manager closed on its day stays closed; a new due date files it again', () => {
    const i = inv({ dueOn: '2026-05-18' });
    const [filed] = followPlan([], plannedPayments(i, [], monFri), D, now, 'Anna');
    const done = { ...filed!, done: true, doneAt: now };
    expect(followPlan([done], plannedPayments(i, [], monFri), D, now, 'Anna')).toEqual([]);
    expect(stepOf(followPlan([done], plannedPayments({ ...i, dueOn: '2026-06-01' }, [], monFri), D, now, 'Anna'))).toMatchObject({ done: false, date: '2026-05-27' });
  });
  it('on hold, nothing is chased', () => {
    const i = inv();
    const [filed] = followPlan([], plannedPayments(i, [], monFri), D, now, 'Anna');
    expect(stepOf(followPlan([filed!], plannedPayments({ ...i, holdReason: 'disputed delivery' }, [], monFri), D, now, 'Anna'))?.done).toBe(true);
  });
  it('a payment schedule files each unpaid instalment, paid in order', () => {
    const i = inv({ amount: 900, instalments: [{ dueOn: '2026-06-15', amount: 300 }, { dueOn: '2026-07-15', amount: 600 }] });
    const plan = plannedPayments(i, [pay(i, 400)], monFri);
    expect(plan.map((p) => [p.date, p.amount, p.open])).toEqual([
      ['2026-05-13', 0, false], ['2026-06-10', 0, false], ['2026-07-10', 500, true],
    ]);
  });
  it('property: every open invoice has exactly one open payment step, 3 working days before due, on a working day', () => {
    fc.assert(fc.property(dayArb, calendarArb, fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (dueOn, cal, cents, paidCents) => {
      const i = inv({ dueOn, amount: cents / 100 });
      const payments = paidCents ? [pay(i, paidCents / 100)] : [];
      const open = followPlan([], plannedPayments(i, payments, cal), D, now, 'Anna').filter((s) => !s.done);
      if (cents <= paidCents) {
        expect(open).toEqual([]);
        return;
      }
      expect(open).toHaveLength(1);
      expect(open[0]!.date).toBe(paymentReminderDay(dueOn, cal));
      expect(workingDaysBetween(dueOn, open[0]!.date, cal)).toBe(-3);
      expect(isWorkingDay(open[0]!.date, cal)).toBe(true);
    }));
  });
  it('derived ids are UUIDs, stable and distinct per salt', () => {
    const a = derivedId(D, 'payment');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedId(D, 'payment')).toBe(a);
    expect(derivedId(D, 'instalment-0')).not.toBe(a);
  });
});

describe('the ladder', () => {
  const today = '2026-06-30';
  it('suggests the level the days overdue reached', () => {
    expect(suggestedLevel(0)).toBeUndefined();
    expect(suggestedLevel(1)).toBe('reminder');
    expect(suggestedLevel(7)).toBe('reminder');
    expect(suggestedLevel(8)).toBe('negotiation');
    expect(suggestedLevel(31)).toBe('claim');
    expect(suggestedLevel(200)).toBe('court');
  });
  it('moves up one level at a time, asks the negotiation for its reason and the solution for its kind', () => {
    const i = inv({ dueOn: '2026-05-01' });
    expect(checkMove(i, 'negotiation', {}, today)).toBe('skips-level');
    expect(checkMove(i, 'reminder', {}, today)).toBeUndefined();
    const r = movedInvoice(i, 'reminder', {});
    expect(checkMove(r, 'negotiation', {}, today)).toBe('needs-reason');
    const ng = movedInvoice(r, 'negotiation', { reason: 'difficulty' });
    expect(ng).toMatchObject({ ladderLevel: 'negotiation', negotiationReason: 'difficulty' });
    expect(checkMove(ng, 'solution', {}, today)).toBe('needs-solution');
    const so = movedInvoice(ng, 'solution', { solution: 'schedule' });
    expect(checkMove(so, 'claim', {}, today)).toBeUndefined();
    expect(checkMove(so, 'reminder', {}, today)).toBeUndefined();
    expect(nextLevel(so.ladderLevel)).toBe('claim');
    expect(previousLevel('claim')).toBe('solution');
    expect(nextLevel('court')).toBeUndefined();
  });
  it('refuses to move a debt on hold or not yet overdue', () => {
    expect(checkMove(inv({ dueOn: '2026-05-01', holdReason: 'court of arbitration' }), 'reminder', {}, today)).toBe('on-hold');
    expect(checkMove(inv({ dueOn: today }), 'reminder', {}, today)).toBe('not-overdue');
  });
  it('files the next step on a working day, for a negotiation not before the solution is due', () => {
    expect(nextStepDay(inv({ dueOn: '2026-06-26' }), 'reminder', '2026-06-26', monFri)).toBe('2026-06-29');
    // negotiation: the solution is due from 15 days overdue: 2026-06-16 + 15 = 2026-07-01
    expect(nextStepDay(inv({ dueOn: '2026-06-16' }), 'negotiation', '2026-06-24', monFri)).toBe('2026-07-01');
  });
  it('property: a configured ladder has rising thresholds whatever the form sent', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -5, max: 400 }), { minLength: 5, maxLength: 5 }), (days) => {
      const ladder = normalizeLadder(DEFAULT_LADDER.map((r, i) => ({ level: r.level, fromDays: days[i] })));
      for (let i = 1; i < ladder.length; i++) expect(ladder[i]!.fromDays).toBeGreaterThan(ladder[i - 1]!.fromDays);
      expect(ladder[0]!.fromDays).toBeGreaterThanOrEqual(1);
      for (let d = 0; d < 400; d += 13) {
        const level = suggestedLevel(d, ladder);
        if (level) expect(ladder.find((r) => r.level === level)!.fromDays).toBeLessThanOrEqual(d);
      }
    }));
  });
});

describe('reminder day over moved working days', () => {
  it('counts a worked Saturday as a working day', () => {
    // Due Wednesday 5 Nov 2025: Monday 3 and Tuesday 4 are off, Saturday 1 is worked.
    expect(paymentReminderDay('2025-11-05', ruNov2025)).toBe('2025-10-30');
    expect(paymentReminderDay('2025-11-05', monFri)).toBe('2025-10-31');
  });
});
