import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  dayInMonth,
  daysInMonth,
  diffDays,
  eachDay,
  isoWeekday,
  isValidDay,
  isValidMonth,
  lastDayOfMonth,
  makeDay,
  monthOf,
  parseDay,
  startOfIsoWeek,
  todayKey,
} from '../../../../shared/dates/calendar-day';
import { dayArb } from './arbitraries';

describe('day keys', () => {
  it('parses real dates only', () => {
    expect(parseDay('2026-05-12')).toEqual({ year: 2026, month: 5, day: 12 });
    expect(isValidDay('2028-02-29')).toBe(true);
    expect(isValidDay('2026-02-29')).toBe(false);
    expect(isValidDay('2000-02-29')).toBe(true);
    expect(isValidDay('2100-02-29')).toBe(false);
    expect(isValidDay('2026-04-31')).toBe(false);
    expect(isValidDay('2026-13-01')).toBe(false);
    expect(isValidDay('2026-5-1')).toBe(false);
    expect(isValidMonth('2026-12')).toBe(true);
    expect(isValidMonth('2026-00')).toBe(false);
  });

  it('knows month lengths, leap years included', () => {
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2026-04')).toBe(30);
    expect(daysInMonth('2026-12')).toBe(31);
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(dayInMonth('2026-02', 30)).toBeUndefined();
    expect(dayInMonth('2026-03', 30)).toBe('2026-03-30');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    // The Russian and Romanian DST changes once lived on these weekends.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('adds months clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsToMonth('2026-11', 3)).toBe('2027-02');
    expect(addMonthsToMonth('2026-01', -1)).toBe('2025-12');
  });

  it('knows ISO weekdays and weeks', () => {
    expect(isoWeekday('2026-05-11')).toBe(1);
    expect(isoWeekday('2026-05-17')).toBe(7);
    expect(startOfIsoWeek('2027-01-03')).toBe('2026-12-28');
  });

  it('builds keys from parts and from local time', () => {
    expect(makeDay(2026, 13, 1)).toBe('2027-01-01');
    expect(todayKey(new Date(2026, 0, 31, 23, 59))).toBe('2026-01-31');
    expect(todayKey(new Date(2026, 1, 1, 0, 1))).toBe('2026-02-01');
  });

  it('property: addDays and diffDays are inverse', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
        const e = addDays(d, n);
        expect(isValidDay(e)).toBe(true);
        expect(diffDays(e, d)).toBe(n);
        expect(addDays(e, -n)).toBe(d);
      }),
    );
  });

  it('property: the next day is the next weekday and key order is date order', () => {
    fc.assert(
      fc.property(dayArb, (d) => {
        const next = addDays(d, 1);
        expect(isoWeekday(next)).toBe((isoWeekday(d) % 7) + 1);
        expect(next > d).toBe(true);
      }),
    );
  });

  it('property: addMonths keeps the day number unless the month is too short', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -24, max: 24 }), (d, n) => {
        const e = addMonths(d, n);
        expect(monthOf(e)).toBe(addMonthsToMonth(monthOf(d), n));
        expect(Number(e.slice(8))).toBe(Math.min(Number(d.slice(8)), daysInMonth(monthOf(e))));
      }),
    );
  });

  it('property: eachDay lists every day once', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 400 }), (d, n) => {
        const days = eachDay(d, addDays(d, n));
        expect(days).toHaveLength(n + 1);
        expect(new Set(days).size).toBe(n + 1);
      }),
    );
    expect(eachDay('2026-05-02', '2026-05-01')).toEqual([]);
    expect(eachDay('not a day', 'not a day')).toEqual([]);
  });
});
