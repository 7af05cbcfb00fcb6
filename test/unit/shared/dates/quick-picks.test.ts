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

describe('parseTypedDate: dates as people write them', () => {
  const today = '2026-12-01'; // Tuesday
  it.each([
    // Russian
    ['5 дек', '2026-12-05'],
    ['5 декабря', '2026-12-05'],
    ['5-го декабря', '2026-12-05'],
    ['1 дек.', '2026-12-01'],
    ['30 ноября', '2027-11-30'],
    ['5 июля 2027', '2027-07-05'],
    ['через 3 дня', '2026-12-04'],
    ['через три дня', '2026-12-04'],
    ['через неделю', '2026-12-08'],
    ['через 2 недели', '2026-12-15'],
    ['через две недели', '2026-12-15'],
    ['через месяц', '2027-01-01'],
    ['через 3 рабочих дня', '2026-12-04'],
    ['через 4 рабочих дня', '2026-12-07'],
    ['на следующей неделе', '2026-12-07'],
    ['в следующем месяце', '2027-01-01'],
    ['в следующую пятницу', '2026-12-04'],
    // English
    ['next friday', '2026-12-04'],
    ['Next Friday', '2026-12-04'],
    ['this friday', '2026-12-04'],
    ['in 3 days', '2026-12-04'],
    ['in a week', '2026-12-08'],
    ['in 2 weeks', '2026-12-15'],
    ['in a month', '2027-01-01'],
    ['in 3 working days', '2026-12-04'],
    ['5 July', '2027-07-05'],
    ['July 5', '2027-07-05'],
    ['July 5, 2027', '2027-07-05'],
    ['5 Dec', '2026-12-05'],
    ['next week', '2026-12-07'],
    ['next month', '2027-01-01'],
    ['+2w', '2026-12-15'],
    // Romanian
    ['mâine', '2026-12-02'],
    ['maine', '2026-12-02'],
    ['poimâine', '2026-12-03'],
    ['vineri', '2026-12-04'],
    ['vinerea viitoare', '2026-12-04'],
    ['5 decembrie', '2026-12-05'],
    ['5 dec', '2026-12-05'],
    ['5 iulie 2027', '2027-07-05'],
    ['peste 3 zile', '2026-12-04'],
    ['peste o săptămână', '2026-12-08'],
    ['peste 2 săptămâni', '2026-12-15'],
    ['peste o lună', '2027-01-01'],
    ['peste 3 zile lucrătoare', '2026-12-04'],
    ['luna viitoare', '2027-01-01'],
    ['săptămâna viitoare', '2026-12-07'],
  ])('%j', (text, date) => {
    expect(parseTypedDate(text, today, monFri)).toEqual({ date });
  });

  it.each([
    ['next friday 5', 'format'],
    ['через', 'format'],
    ['через много дней', 'format'],
    ['in three apples', 'format'],
    ['32 декабря', 'invalid'],
    ['31 июня', 'invalid'],
    ['5 июля 2025', 'past'],
    ['через 9999 дней', 'invalid'],
    ['+3 apples', 'format'],
  ])('%j is refused (%s)', (text, error) => {
    expect(parseTypedDate(text, today, monFri)).toEqual({ error });
  });

  it('next month at a month end: the quick pick of the same name (clamped, then a working day)', () => {
    expect(parseTypedDate('next month', '2026-01-30', monFri)).toEqual({ date: pick('2026-01-30', 'next-month')!.date });
    expect(parseTypedDate('на следующей неделе', '2026-12-30', ruNewYear2027)).toEqual({ date: pick('2026-12-30', 'next-week', ruNewYear2027)!.date });
  });

  it('29 февраля without a year is the next leap day', () => {
    expect(parseTypedDate('29 февраля', today, monFri)).toEqual({ date: '2028-02-29' });
  });
});

// Written forms of a day, as a manager would type it in each language, for the round trips.
const RU_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_SHORT = ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const RO_MONTHS = ['ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie'];
const RO_SHORT = ['ian', 'feb', 'mar', 'apr', 'mai', 'iun', 'iul', 'aug', 'sep', 'oct', 'noi', 'dec'];

function writtenForms(date: string): string[] {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const i = mo - 1;
  return [
    `${d}.${mo}.${y}`,
    `${String(d).padStart(2, '0')}.${String(mo).padStart(2, '0')}.${String(y).slice(2)}`,
    date,
    `${d} ${RU_GENITIVE[i]} ${y}`,
    `${d} ${EN_MONTHS[i]} ${y}`,
    `${EN_MONTHS[i]} ${d}, ${y}`,
    `${d} ${EN_MONTHS[i]!.slice(0, 3)} ${y}`,
    `${d} ${RO_MONTHS[i]} ${y}`,
  ];
}

/** Forms without a year: they name the next such day, so they round-trip for dates within a year. */
function yearlessForms(date: string): string[] {
  const [, mo, d] = date.split('-').map(Number) as [number, number, number];
  const i = mo - 1;
  return [`${d}.${mo}`, `${d} ${RU_GENITIVE[i]}`, `${d} ${RU_SHORT[i]}`, `${d} ${EN_MONTHS[i]}`, `${EN_MONTHS[i]} ${d}`, `${d} ${RO_MONTHS[i]}`, `${d} ${RO_SHORT[i]}.`];
}

describe('parseTypedDate round trips', () => {
  it('property: a future day written in any accepted form with its year parses back to itself', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 3000 }), (today, ahead) => {
        const date = addDays(today, ahead);
        for (const form of writtenForms(date)) expect(parseTypedDate(form, today, monFri), form).toEqual({ date });
      }),
    );
  });

  it('property: a day within the coming year written without a year parses back to itself', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 364 }), (today, ahead) => {
        const date = addDays(today, ahead);
        // 29 February without a year is ambiguous only for the leap day itself; it still is the next one.
        for (const form of yearlessForms(date)) expect(parseTypedDate(form, today, monFri), form).toEqual({ date });
      }),
    );
  });

  it('property: "через N дней" / "in N days" / "peste N zile" is N calendar days ahead, and N weeks is 7N', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 50 }), (today, n, w) => {
        for (const form of [`через ${n} дней`, `in ${n} days`, `peste ${n} zile`, `+${n}d`]) {
          expect(parseTypedDate(form, today, monFri), form).toEqual({ date: addDays(today, n) });
        }
        for (const form of [`через ${w} недель`, `in ${w} weeks`, `peste ${w} săptămâni`]) {
          expect(parseTypedDate(form, today, monFri), form).toEqual({ date: addDays(today, 7 * w) });
        }
      }),
    );
  });

  it('property: "через N рабочих дней" is the +N pick on any work calendar', () => {
    fc.assert(
      fc.property(dayArb, calendarArb, fc.integer({ min: 1, max: 30 }), (today, cal, n) => {
        expect(parseTypedDate(`через ${n} рабочих дней`, today, cal)).toEqual(parseTypedDate(`+${n}`, today, cal));
      }),
    );
  });
});

describe('parseTypedDate looking back (report ranges, holidays)', () => {
  const today = '2026-12-01';
  it.each([
    ['1.11', { date: '2026-11-01' }],
    ['1 ноября', { date: '2026-11-01' }],
    ['15.06.2025', { date: '2025-06-15' }],
    ['8', { date: '2026-12-08' }],
    ['1', { date: '2026-12-01' }],
    ['июль', { month: '2026-07' }],
    ['завтра', { date: '2026-12-02' }],
  ])('%j', (text, expected) => {
    expect(parseTypedDate(text, today, monFri, { allowPast: true })).toEqual(expected);
  });
});
