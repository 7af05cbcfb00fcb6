import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../../shared/dates/calendar-day';
import {
  addWorkingDays,
  hasWorkingDayFrom,
  isWorkingDay,
  nextWorkingDay,
  nextWorkingDayAfter,
  previousWorkingDay,
  toggleDay,
  yearToConfirm,
  workCalendarFrom,
  workingDaysBetween,
  workingDaysInMonth,
  type WorkCalendar,
} from '../../../../shared/dates/working-days';
import { defaultSettings } from '../../../../shared/model/settings';
import { calendarArb, dayArb, monFri, ruNewYear2027, ruNov2025 } from './arbitraries';

describe('isWorkingDay', () => {
  it('follows the working week', () => {
    expect(isWorkingDay('2026-05-15', monFri)).toBe(true); // Friday
    expect(isWorkingDay('2026-05-16', monFri)).toBe(false); // Saturday
  });

  it('lets holidays beat the week and transfers make a Saturday working', () => {
    expect(isWorkingDay('2025-11-03', ruNov2025)).toBe(false);
    expect(isWorkingDay('2025-11-01', ruNov2025)).toBe(true);
  });

  it('treats a day listed both as holiday and as transfer as a holiday', () => {
    const cal: WorkCalendar = { workingWeek: [1, 2, 3, 4, 5], holidays: ['2026-05-16'], extraWorkingDays: ['2026-05-16'] };
    expect(isWorkingDay('2026-05-16', cal)).toBe(false);
  });

  it('reads the calendar from settings', () => {
    const cal = workCalendarFrom({ ...defaultSettings(), holidays: ['2026-06-12'] });
    expect(isWorkingDay('2026-06-12', cal)).toBe(false);
    expect(isWorkingDay('2026-06-11', cal)).toBe(true);
  });
});

describe('working-day steps', () => {
  it('skips weekends and holidays', () => {
    expect(nextWorkingDayAfter('2025-10-31', ruNov2025)).toBe('2025-11-01'); // worked Saturday
    expect(nextWorkingDayAfter('2025-11-01', ruNov2025)).toBe('2025-11-05');
    expect(nextWorkingDay('2027-01-01', ruNewYear2027)).toBe('2027-01-11');
    expect(nextWorkingDay('2026-05-15', monFri)).toBe('2026-05-15');
    expect(previousWorkingDay('2027-01-10', ruNewYear2027)).toBe('2026-12-30');
  });

  it('adds working days forwards and backwards', () => {
    expect(addWorkingDays('2026-05-15', 1, monFri)).toBe('2026-05-18');
    expect(addWorkingDays('2026-05-18', -3, monFri)).toBe('2026-05-13');
    expect(addWorkingDays('2025-11-06', -3, ruNov2025)).toBe('2025-10-31');
    expect(addWorkingDays('2026-05-16', 0, monFri)).toBe('2026-05-18');
    expect(addWorkingDays('2026-12-29', 2, ruNewYear2027)).toBe('2027-01-11');
  });

  it('never loops on a calendar without working days', () => {
    const none: WorkCalendar = { workingWeek: [], holidays: [], extraWorkingDays: [] };
    expect(hasWorkingDayFrom('2026-05-01', none)).toBe(false);
    expect(nextWorkingDay('2026-05-01', none)).toBe('2026-05-01');
    expect(nextWorkingDayAfter('2026-05-01', none)).toBe('2026-05-02');
    expect(addWorkingDays('2026-05-01', 3, none)).toBe('2026-05-04');
    expect(addWorkingDays('2026-05-01', -3, none)).toBe('2026-04-28');
    expect(workingDaysInMonth('2026-05', none)).toEqual([]);
  });

  it('works with only transfer days', () => {
    const only: WorkCalendar = { workingWeek: [], holidays: [], extraWorkingDays: ['2026-06-06'] };
    expect(nextWorkingDayAfter('2026-05-01', only)).toBe('2026-06-06');
    expect(addWorkingDays('2026-05-01', 2, only)).toBe('2026-05-03');
  });

  it('counts a month\'s working days', () => {
    expect(workingDaysInMonth('2026-05', monFri)).toHaveLength(21);
    expect(workingDaysInMonth('2025-11', ruNov2025)).toHaveLength(19);
    expect(workingDaysInMonth('2026-02', monFri)[0]).toBe('2026-02-02');
  });

  it('property: addWorkingDays lands on a working day, strictly in its direction', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -40, max: 40 }).filter((n) => n !== 0), calendarArb, (d, n, cal) => {
        const e = addWorkingDays(d, n, cal);
        expect(isWorkingDay(e, cal)).toBe(true);
        expect(n > 0 ? e > d : e < d).toBe(true);
      }),
    );
  });

  it('property: workingDaysBetween counts exactly the working days added', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -40, max: 40 }), calendarArb, (d, n, cal) => {
        const start = nextWorkingDay(d, cal);
        expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
      }),
    );
  });

  it('property: stepping n then -n from a working day comes back', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 40 }), calendarArb, (d, n, cal) => {
        const start = nextWorkingDay(d, cal);
        expect(addWorkingDays(addWorkingDays(start, n, cal), -n, cal)).toBe(start);
      }),
    );
  });

  it('property: no working day is skipped between a day and its next working day', () => {
    fc.assert(
      fc.property(dayArb, calendarArb, (d, cal) => {
        const next = nextWorkingDayAfter(d, cal);
        for (let x = addDays(d, 1); x < next; x = addDays(x, 1)) expect(isWorkingDay(x, cal)).toBe(false);
      }),
    );
  });
});

describe('moved working days in addWorkingDays', () => {
  const saturdayArb = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2000-01-01', n * 7)); // 2000-01-01 is a Saturday

  it('a Saturday worked in place of a bridge day is counted, and nothing else changes', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 40 }), saturdayArb, (day, n, saturday) => {
        const base: WorkCalendar = { workingWeek: [1, 2, 3, 4, 5], holidays: [], extraWorkingDays: [], country: 'ru' };
        const moved: WorkCalendar = { ...base, extraWorkingDays: [saturday] };
        const before = addWorkingDays(day, n, base);
        const after = addWorkingDays(day, n, moved);
        expect(isWorkingDay(after, moved)).toBe(true);
        if (saturday > day && saturday < before) {
          // The Saturday is one of the n days: the count ends on the (n-1)th old working day, or on the Saturday itself.
          const previous = n === 1 ? saturday : addWorkingDays(day, n - 1, base);
          expect(after).toBe(saturday > previous ? saturday : previous);
        } else {
          expect(after).toBe(before);
        }
        expect(workingDaysBetween(day, after, moved)).toBe(n);
      }),
    );
  });

  it('counts a moved working day backwards too (payment reminders)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 10 }), saturdayArb, (day, n, saturday) => {
        const moved: WorkCalendar = { workingWeek: [1, 2, 3, 4, 5], holidays: [], extraWorkingDays: [saturday] };
        const back = addWorkingDays(day, -n, moved);
        expect(isWorkingDay(back, moved)).toBe(true);
        expect(workingDaysBetween(day, back, moved)).toBe(-n);
      }),
    );
  });

  it('a statutory holiday the manager marks as worked is a working day, a listed day off still wins', () => {
    const cal: WorkCalendar = { workingWeek: [1, 2, 3, 4, 5], holidays: ['2026-06-11'], extraWorkingDays: ['2026-06-12'], country: 'ru' };
    expect(isWorkingDay('2026-06-12', cal)).toBe(true);
    expect(isWorkingDay('2026-06-11', cal)).toBe(false);
    expect(addWorkingDays('2026-06-10', 1, cal)).toBe('2026-06-12');
    expect(addWorkingDays('2026-06-10', 1, { ...cal, extraWorkingDays: [] })).toBe('2026-06-15');
  });

  it('the law’s holidays apply in any year without a list: 31 Dec 2026 + 1 working day is 11 Jan 2027', () => {
    const cal = workCalendarFrom({ ...defaultSettings(), holidayCountry: 'ru' });
    expect(addWorkingDays('2026-12-30', 1, cal)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-31', 1, cal)).toBe('2027-01-11');
    expect(addWorkingDays('2027-12-30', 1, workCalendarFrom({ ...defaultSettings(), holidayCountry: 'ro' }))).toBe('2027-12-31');
    expect(addWorkingDays('2027-12-31', 1, workCalendarFrom({ ...defaultSettings(), holidayCountry: 'ro' }))).toBe('2028-01-03');
  });

  it('follows the language until a country is chosen', () => {
    expect(workCalendarFrom({ ...defaultSettings(), language: 'ru' }).country).toBe('ru');
    expect(workCalendarFrom({ ...defaultSettings(), language: 'en' }).country).toBe('none');
    expect(workCalendarFrom({ ...defaultSettings(), language: 'ru', holidayCountry: 'none' }).country).toBe('none');
  });
});

describe('toggleDay (a click in the settings calendar)', () => {
  const ru: WorkCalendar = { workingWeek: [1, 2, 3, 4, 5], holidays: [], extraWorkingDays: [], country: 'ru' };

  it('property: a click flips the day and only that day; a second click restores it', () => {
    fc.assert(
      fc.property(calendarArb, fc.constantFrom<WorkCalendar['country']>('ru', 'ro', 'none'), dayArb, (base, country, day) => {
        const cal = { ...base, country, holidays: [...new Set(base.holidays)], extraWorkingDays: [...new Set(base.extraWorkingDays)] };
        const once = { ...cal, ...toggleDay(cal, day) };
        expect(isWorkingDay(day, once)).toBe(!isWorkingDay(day, cal));
        for (const other of [addDays(day, -1), addDays(day, 1), addDays(day, 7)]) expect(isWorkingDay(other, once)).toBe(isWorkingDay(other, cal));
        const twice = { ...once, ...toggleDay(once, day) };
        expect(isWorkingDay(day, twice)).toBe(isWorkingDay(day, cal));
      }),
    );
  });

  it('a Saturday becomes a moved working day, a statutory holiday a worked one, a weekday a day off', () => {
    expect(toggleDay(ru, '2025-11-01')).toEqual({ holidays: [], extraWorkingDays: ['2025-11-01'] });
    expect(toggleDay(ru, '2026-11-04')).toEqual({ holidays: [], extraWorkingDays: ['2026-11-04'] });
    expect(toggleDay(ru, '2026-01-09')).toEqual({ holidays: ['2026-01-09'], extraWorkingDays: [] });
  });
});

describe('yearToConfirm', () => {
  it('asks in December for next year, until it is confirmed', () => {
    expect(yearToConfirm('2026-12-01', 'ru', [])).toBe(2027);
    expect(yearToConfirm('2026-12-01', 'ru', [2027])).toBeUndefined();
    expect(yearToConfirm('2026-11-30', 'ru', [])).toBeUndefined();
    expect(yearToConfirm('2026-12-15', 'none', [])).toBeUndefined();
  });
});
