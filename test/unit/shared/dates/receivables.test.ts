import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agingBucket, paymentReminderDay } from '../../../../shared/dates/receivables';
import { workingDaysBetween } from '../../../../shared/dates/working-days';
import { calendarArb, dayArb, monFri, ruNewYear2027, ruNov2025 } from './arbitraries';

describe('paymentReminderDay', () => {
  it('is 3 working days before the due date', () => {
    expect(paymentReminderDay('2026-05-15', monFri)).toBe('2026-05-12'); // Friday -> Tuesday
    expect(paymentReminderDay('2026-05-18', monFri)).toBe('2026-05-13'); // Monday -> Wednesday
    expect(paymentReminderDay('2025-11-06', ruNov2025)).toBe('2025-10-31');
    expect(paymentReminderDay('2027-01-12', ruNewYear2027)).toBe('2026-12-29');
  });

  it('property: always 3 working days ahead of the due date', () => {
    fc.assert(
      fc.property(dayArb, calendarArb, (due, cal) => {
        expect(workingDaysBetween(due, paymentReminderDay(due, cal), cal)).toBe(-3);
      }),
    );
  });
});

describe('agingBucket', () => {
  const due = '2026-05-18'; // Monday; reminder on Wednesday 13th
  it.each([
    ['2026-05-12', 'current'],
    ['2026-05-13', 'due-soon'],
    ['2026-05-18', 'due-soon'],
    ['2026-05-19', '1-30'],
    ['2026-06-17', '1-30'],
    ['2026-06-18', '31-60'],
    ['2026-07-17', '31-60'],
    ['2026-07-18', '61-90'],
    ['2026-08-16', '61-90'],
    ['2026-08-17', '90+'],
  ])('on %s the invoice is %s', (today, bucket) => {
    expect(agingBucket(due, today, monFri)).toBe(bucket);
  });

  it('uses the holiday calendar for due-soon', () => {
    expect(agingBucket('2027-01-12', '2026-12-29', ruNewYear2027)).toBe('due-soon');
    expect(agingBucket('2027-01-12', '2026-12-29')).toBe('current');
  });
});
