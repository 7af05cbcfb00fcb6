import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, isoWeekday } from '../../../../shared/dates/calendar-day';
import { parseTypedDate, quickPicks } from '../../../../shared/dates/quick-picks';
import { isWorkingDay } from '../../../../shared/dates/working-days';
import { calendarArb, dayArb, monFri, ruNewYear2027 } from './arbitraries';

const pick = (today: string, id: string, cal = monFri) => quickPicks(today, cal).find((p) => p.id === id);

describe('quickPicks', () => {
  it('on an ordinary Wednesday', () => {
    expect(quickPicks('2026-05-13', monFri)).toEqual([
      { id: 'tomorrow', date: '2026-05-14' },
      { id: 'plus2', date: '2026-05-15' },
      { id: 'plus3', date: '2026-05-18' },
      { id: 'next-week', date: '2026-05-18' },
      { id: 'next-month', date: '2026-06-15' },
      { id: 'month:2026-06', month: '2026-06' },
      { id: 'month:2026-07', month: '2026-07' },
      { id: 'month:2026-08', month: '2026-08' },
      { id: 'month:2026-09', month: '2026-09' },
      { id: 'month:2026-10', month: '2026-10' },
      { id: 'month:2026-11', month: '2026-11' },
    ]);
  });

  it('at the year end, before the New Year holidays', () => {
    expect(pick('2026-12-30', 'tomorrow', ruNewYear2027)?.date).toBe('2027-01-11');
    expect(pick('2026-12-30', 'plus3', ruNewYear2027)?.date).toBe('2027-01-13');
    expect(pick('2026-12-30', 'next-week', ruNewYear2027)?.date).toBe('2027-01-11');
    expect(pick('2026-12-30', 'month:2027-01')?.month).toBe('2027-01');
    expect(pick('2026-12-30', 'month:2027-06')?.month).toBe('2027-06');
  });

  it('next month at a month end is clamped, then moved to a working day', () => {
    expect(pick('2026-01-30', 'next-month')?.date).toBe('2026-03-02'); // 28 Feb is a Saturday
    expect(pick('2028-01-31', 'next-month')?.date).toBe('2028-02-29');
  });

  it('on Friday, tomorrow is Monday', () => {
    expect(pick('2026-05-15', 'tomorrow')?.date).toBe('2026-05-18');
    expect(pick('2026-05-15', 'next-week')?.date).toBe('2026-05-18');
  });

  it('property: every date pick is a working day after today, in order', () => {
    fc.assert(
      fc.property(dayArb, calendarArb, (today, cal) => {
        const picks = quickPicks(today, cal);
        const dates = ['tomorrow', 'plus2', 'plus3'].map((id) => picks.find((p) => p.id === id)!.date!);
        for (const p of picks.filter((x) => x.date)) {
          expect(p.date! > today).toBe(true);
          expect(isWorkingDay(p.date!, cal)).toBe(true);
        }
        expect(dates[0]! < dates[1]! && dates[1]! < dates[2]!).toBe(true);
        expect(picks.find((p) => p.id === 'next-week')!.date! >= addDays(today, 8 - isoWeekday(today))).toBe(true);
        expect(picks.filter((p) => p.month)).toHaveLength(6);
      }),
    );
  });
});

describe('parseTypedDate', () => {
  const today = '2026-11-24'; // Tuesday
  it.each([
    ['25.12', { date: '2026-12-25' }],
    ['25/12', { date: '2026-12-25' }],
    ['10.01', { date: '2027-01-10' }],
    ['24.11', { date: '2026-11-24' }],
    ['29.02', { date: '2028-02-29' }],
    ['25.12.2026', { date: '2026-12-25' }],
    ['25.12.26', { date: '2026-12-25' }],
    ['2026-12-25', { date: '2026-12-25' }],
    [' +3 ', { date: '2026-11-27' }],
    ['+4', { date: '2026-11-30' }],
    ['+4d', { date: '2026-11-28' }],
    ['+4д', { date: '2026-11-28' }],
    ['+4 дн', { date: '2026-11-28' }],
    ['30', { date: '2026-11-30' }],
    ['24', { date: '2026-11-24' }],
    ['8', { date: '2026-12-08' }],
    ['m:7', { month: '2027-07' }],
    ['м:11', { month: '2026-11' }],
    ['m:12', { month: '2026-12' }],
    ['07.2027', { month: '2027-07' }],
    ['2027-07', { month: '2027-07' }],
    ['июль', { month: '2027-07' }],
    ['в декабре', { month: '2026-12' }],
    ['Iulie 2027', { month: '2027-07' }],
    ['sep', { month: '2027-09' }],
    ['сегодня', { date: '2026-11-24' }],
    ['Завтра', { date: '2026-11-25' }],
    ['mâine', { date: '2026-11-25' }],
    ['послезавтра', { date: '2026-11-26' }],
    ['в пятницу', { date: '2026-11-27' }],
    ['пн', { date: '2026-11-30' }],
    ['вторник', { date: '2026-12-01' }],
    ['Vineri', { date: '2026-11-27' }],
    ['on Saturday', { date: '2026-11-28' }],
    ['în iulie', { month: '2027-07' }],
    ['31.02.2027', { error: 'invalid' }],
    ['31.04', { error: 'invalid' }],
    ['32', { error: 'invalid' }],
    ['m:13', { error: 'invalid' }],
    ['13.2027', { error: 'invalid' }],
    ['23.11.2026', { error: 'past' }],
    ['10.2026', { error: 'past' }],
    ['июль 2025', { error: 'past' }],
    ['', { error: 'format' }],
    ['завтра бы', { error: 'format' }],
    ['marketing', { error: 'format' }],
    ['+99999', { error: 'invalid' }],
    ['+', { error: 'format' }],
  ])('%j', (text, expected) => {
    expect(parseTypedDate(text, today, monFri)).toEqual(expected);
  });

  it('reads a bare day number as the paper insert: on 30 January, 31 is tomorrow, 30 next is in March', () => {
    expect(parseTypedDate('31', '2026-01-30', monFri)).toEqual({ date: '2026-01-31' });
    expect(parseTypedDate('29', '2026-01-30', monFri)).toEqual({ date: '2026-03-29' });
    expect(parseTypedDate('29', '2028-01-30', monFri)).toEqual({ date: '2028-02-29' });
  });

  it('counts working days across holidays', () => {
    expect(parseTypedDate('+1', '2026-12-30', ruNewYear2027)).toEqual({ date: '2027-01-11' });
    expect(parseTypedDate('завтра', '2026-12-30', ruNewYear2027)).toEqual({ date: '2027-01-11' });
  });

  it('property: a typed weekday is the next such day, within a week', () => {
    const names = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 7 }), (t, wd) => {
        const r = parseTypedDate(names[wd - 1]!, t, monFri);
        if (!('date' in r)) throw new Error('no date');
        expect(isoWeekday(r.date)).toBe(wd);
        expect(r.date > t && r.date <= addDays(t, 7)).toBe(true);
      }),
    );
  });

  it('property: a typed insert number is the first date on or after today with that number', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 31 }), (t, n) => {
        const r = parseTypedDate(String(n), t, monFri);
        if (!('date' in r)) throw new Error(`no date for ${n} on ${t}`);
        expect(Number(r.date.slice(8))).toBe(n);
        expect(r.date >= t).toBe(true);
        for (let d = t; d < r.date; d = addDays(d, 1)) expect(Number(d.slice(8))).not.toBe(n);
      }),
    );
  });
});
