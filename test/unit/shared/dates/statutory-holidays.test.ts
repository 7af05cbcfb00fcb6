import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eachDay, isoWeekday } from '../../../../shared/dates/calendar-day';
import { orthodoxEaster } from '../../../../shared/dates/orthodox-easter';
import { decreeMoveEffect, statutoryDaysOff, type HolidayCountry } from '../../../../shared/dates/statutory-holidays';
import { isWorkingDay, type WorkCalendar } from '../../../../shared/dates/working-days';

/**
 * Orthodox Easter Sunday 1990-2100 in the Gregorian calendar, as the churches' paschal
 * tables print it (the same list as python-dateutil's table for 1990-2050; 2100 falls on
 * 2 May because the Julian calendar lags 14 days from March 2100).
 */
const ORTHODOX_EASTER_1990_2100 = [
  '1990-04-15', '1991-04-07', '1992-04-26', '1993-04-18', '1994-05-01', '1995-04-23', '1996-04-14', '1997-04-27', '1998-04-19', '1999-04-11',
  '2000-04-30', '2001-04-15', '2002-05-05', '2003-04-27', '2004-04-11', '2005-05-01', '2006-04-23', '2007-04-08', '2008-04-27', '2009-04-19',
  '2010-04-04', '2011-04-24', '2012-04-15', '2013-05-05', '2014-04-20', '2015-04-12', '2016-05-01', '2017-04-16', '2018-04-08', '2019-04-28',
  '2020-04-19', '2021-05-02', '2022-04-24', '2023-04-16', '2024-05-05', '2025-04-20', '2026-04-12', '2027-05-02', '2028-04-16', '2029-04-08',
  '2030-04-28', '2031-04-13', '2032-05-02', '2033-04-24', '2034-04-09', '2035-04-29', '2036-04-20', '2037-04-05', '2038-04-25', '2039-04-17',
  '2040-05-06', '2041-04-21', '2042-04-13', '2043-05-03', '2044-04-24', '2045-04-09', '2046-04-29', '2047-04-21', '2048-04-05', '2049-04-25',
  '2050-04-17', '2051-05-07', '2052-04-21', '2053-04-13', '2054-05-03', '2055-04-18', '2056-04-09', '2057-04-29', '2058-04-14', '2059-05-04',
  '2060-04-25', '2061-04-10', '2062-04-30', '2063-04-22', '2064-04-13', '2065-04-26', '2066-04-18', '2067-04-10', '2068-04-29', '2069-04-14',
  '2070-05-04', '2071-04-19', '2072-04-10', '2073-04-30', '2074-04-22', '2075-04-07', '2076-04-26', '2077-04-18', '2078-05-08', '2079-04-23',
  '2080-04-14', '2081-05-04', '2082-04-19', '2083-04-11', '2084-04-30', '2085-04-15', '2086-04-07', '2087-04-27', '2088-04-18', '2089-05-01',
  '2090-04-23', '2091-04-08', '2092-04-27', '2093-04-19', '2094-04-11', '2095-04-24', '2096-04-15', '2097-05-05', '2098-04-27', '2099-04-12',
  '2100-05-02',
];

describe('orthodoxEaster', () => {
  it('matches the published table for every year 1990-2100', () => {
    ORTHODOX_EASTER_1990_2100.forEach((date, i) => expect(orthodoxEaster(1990 + i), String(1990 + i)).toBe(date));
  });

  it('is always a Sunday between 4 April and 8 May (1900-2099)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), (year) => {
        const e = orthodoxEaster(year);
        expect(isoWeekday(e)).toBe(7);
        expect(e >= `${year}-04-04` && e <= `${year}-05-08`).toBe(true);
      }),
    );
  });
});

/** The year's days off on a Monday-Friday week, and its Saturdays and Sundays worked. */
function yearShape(cal: WorkCalendar, year: number) {
  const days = eachDay(`${year}-01-01`, `${year}-12-31`);
  return {
    weekdaysOff: days.filter((d) => isoWeekday(d) <= 5 && !isWorkingDay(d, cal)),
    weekendsWorked: days.filter((d) => isoWeekday(d) >= 6 && isWorkingDay(d, cal)),
    workingDays: days.filter((d) => isWorkingDay(d, cal)).length,
  };
}

/** A calendar of one country with the decree's moves (from -> to) entered as the settings keep them. */
function withDecree(country: HolidayCountry, moves: [string, string][]): WorkCalendar {
  const holidays: string[] = [];
  const extraWorkingDays: string[] = [];
  for (const [from, to] of moves) {
    const e = decreeMoveEffect(from, to, country);
    holidays.push(...e.daysOff);
    extraWorkingDays.push(...e.workingDays);
  }
  return { workingWeek: [1, 2, 3, 4, 5], holidays, extraWorkingDays, country };
}

describe('Romania, Codul muncii art. 139', () => {
  // The official lists of zile libere legale.
  it('2024', () => {
    expect(statutoryDaysOff('ro', 2024)).toEqual([
      '2024-01-01', '2024-01-02', '2024-01-06', '2024-01-07', '2024-01-24', '2024-05-01', '2024-05-03', '2024-05-05',
      '2024-05-06', '2024-06-01', '2024-06-23', '2024-06-24', '2024-08-15', '2024-11-30', '2024-12-01', '2024-12-25', '2024-12-26',
    ]);
  });
  it('2025', () => {
    expect(statutoryDaysOff('ro', 2025)).toEqual([
      '2025-01-01', '2025-01-02', '2025-01-06', '2025-01-07', '2025-01-24', '2025-04-18', '2025-04-20', '2025-04-21',
      '2025-05-01', '2025-06-01', '2025-06-08', '2025-06-09', '2025-08-15', '2025-11-30', '2025-12-01', '2025-12-25', '2025-12-26',
    ]);
  });
  it('2026 (Pentecost Monday and Children’s Day are the same 1 June)', () => {
    expect(statutoryDaysOff('ro', 2026)).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-06', '2026-01-07', '2026-01-24', '2026-04-10', '2026-04-12', '2026-04-13',
      '2026-05-01', '2026-05-31', '2026-06-01', '2026-08-15', '2026-11-30', '2026-12-01', '2026-12-25', '2026-12-26',
    ]);
  });
  it('does not move a holiday that falls on a weekend', () => {
    const cal: WorkCalendar = { workingWeek: [1, 2, 3, 4, 5], holidays: [], extraWorkingDays: [], country: 'ro' };
    // 24 January 2026 is a Saturday; Monday 26 January is an ordinary working day.
    expect(isWorkingDay('2026-01-26', cal)).toBe(true);
  });
});

describe('Russia, Labour Code art. 112 and the yearly decree', () => {
  it('2024 (decree No. 1314 of 10.08.2023): 248 working days', () => {
    // No holiday outside January fell on a weekend: the law moves nothing.
    expect(statutoryDaysOff('ru', 2024)).toEqual([
      '2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06', '2024-01-07', '2024-01-08',
      '2024-02-23', '2024-03-08', '2024-05-01', '2024-05-09', '2024-06-12', '2024-11-04',
    ]);
    const cal = withDecree('ru', [
      ['2024-01-06', '2024-05-10'], ['2024-01-07', '2024-12-31'], ['2024-04-27', '2024-04-29'],
      ['2024-11-02', '2024-04-30'], ['2024-12-28', '2024-12-30'],
    ]);
    expect(yearShape(cal, 2024)).toEqual({
      weekdaysOff: [
        '2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08', '2024-02-23', '2024-03-08',
        '2024-04-29', '2024-04-30', '2024-05-01', '2024-05-09', '2024-05-10', '2024-06-12', '2024-11-04', '2024-12-30', '2024-12-31',
      ],
      weekendsWorked: ['2024-04-27', '2024-11-02', '2024-12-28'],
      workingDays: 248,
    });
  });

  it('2025 (decree No. 1335 of 04.10.2024): the decree moves the days the law had moved, 247 working days', () => {
    // 23 February is a Sunday and 8 March a Saturday: the law alone gives Monday 24 Feb and Monday 10 March.
    expect(statutoryDaysOff('ru', 2025)).toEqual([
      '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05', '2025-01-06', '2025-01-07', '2025-01-08',
      '2025-02-23', '2025-02-24', '2025-03-08', '2025-03-10', '2025-05-01', '2025-05-09', '2025-06-12', '2025-11-04',
    ]);
    const cal = withDecree('ru', [
      ['2025-01-04', '2025-05-02'], ['2025-01-05', '2025-12-31'], ['2025-02-23', '2025-05-08'],
      ['2025-03-08', '2025-06-13'], ['2025-11-01', '2025-11-03'],
    ]);
    expect(yearShape(cal, 2025)).toEqual({
      weekdaysOff: [
        '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08', '2025-05-01', '2025-05-02',
        '2025-05-08', '2025-05-09', '2025-06-12', '2025-06-13', '2025-11-03', '2025-11-04', '2025-12-31',
      ],
      weekendsWorked: ['2025-11-01'],
      workingDays: 247,
    });
  });

  it('2026 (decree of 24.09.2025): the law moves 8 March to 9 March and 9 May to 11 May, 247 working days', () => {
    expect(statutoryDaysOff('ru', 2026)).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08',
      '2026-02-23', '2026-03-08', '2026-03-09', '2026-05-01', '2026-05-09', '2026-05-11', '2026-06-12', '2026-11-04',
    ]);
    const cal = withDecree('ru', [['2026-01-03', '2026-01-09'], ['2026-01-04', '2026-12-31']]);
    expect(yearShape(cal, 2026)).toEqual({
      weekdaysOff: [
        '2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-02-23',
        '2026-03-09', '2026-05-01', '2026-05-11', '2026-06-12', '2026-11-04', '2026-12-31',
      ],
      weekendsWorked: [],
      workingDays: 247,
    });
  });

  it('moves a weekend holiday past the next weekend and holidays (9 May 2027 is a Sunday, 1 May a Saturday)', () => {
    const days = statutoryDaysOff('ru', 2027);
    expect(days).toContain('2027-05-03');
    expect(days).toContain('2027-05-10');
  });

  it('a decree line from an ordinary Saturday makes that Saturday a working day', () => {
    expect(decreeMoveEffect('2025-11-01', '2025-11-03', 'ru')).toEqual({ daysOff: ['2025-11-03'], workingDays: ['2025-11-01'] });
    expect(decreeMoveEffect('2025-01-04', '2025-05-02', 'ru')).toEqual({ daysOff: ['2025-05-02'], workingDays: [] });
    expect(decreeMoveEffect('2025-02-23', '2025-05-08', 'ru')).toEqual({ daysOff: ['2025-05-08'], workingDays: ['2025-02-24'] });
  });
});
