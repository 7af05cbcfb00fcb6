import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dayOfMonth, monthOf } from '../../../../shared/dates/calendar-day';
import {
  aggregateFolderCounts,
  binderDayFolders,
  binderMonthFolders,
  windowMonthsOf,
  dayFolderRange,
  folderOfKey,
  monthFolderRange,
} from '../../../../shared/dates/binder-folders';
import { isWorkingDay, workCalendarFrom } from '../../../../shared/dates/working-days';
import { defaultSettings } from '../../../../shared/model/settings';
import { calendarArb, dayArb, monFri, ruNewYear2027 } from './arbitraries';

const numbers = (today: string) => binderDayFolders(today, 'all-days', monFri).map((f) => f.dayNumber);
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('binderDayFolders, all days', () => {
  it('runs from today to the day before the same number next month', () => {
    const folders = binderDayFolders('2026-05-12', 'all-days', monFri);
    expect(folders[0]).toEqual({ key: '2026-05-12', dayNumber: 12, isToday: true, isWorking: true });
    expect(folders.at(-1)!.key).toBe('2026-06-11');
    expect(numbers('2026-05-12')).toEqual([...range(12, 31), ...range(1, 11)]);
    expect(folders.find((f) => f.key === '2026-05-16')).toMatchObject({ isWorking: false, isToday: false });
  });

  it('leaves out insert 31 when the window passes through a 30-day month', () => {
    expect(numbers('2026-06-10')).toEqual([...range(10, 30), ...range(1, 9)]);
  });

  it('goes through February in a common year: 29, 30, 31 have no date', () => {
    expect(numbers('2026-01-31')).toEqual([31, ...range(1, 28)]);
    expect(numbers('2026-02-01')).toEqual(range(1, 28));
    expect(numbers('2026-02-15')).toEqual([...range(15, 28), ...range(1, 14)]);
  });

  it('has 29 February in a leap year', () => {
    expect(numbers('2028-01-30')).toEqual([30, 31, ...range(1, 29)]);
    expect(numbers('2028-02-15')).toEqual([...range(15, 29), ...range(1, 14)]);
  });

  it('crosses the year end', () => {
    const folders = binderDayFolders('2026-12-20', 'all-days', monFri);
    expect(folders.at(-1)!.key).toBe('2027-01-19');
    expect(binderMonthFolders('2026-12-20', 2)).toEqual(['2027-01', '2027-02']);
  });

  it('property: dates are consecutive from today, each insert number at most once, about a month', () => {
    fc.assert(
      fc.property(dayArb, (today) => {
        const folders = binderDayFolders(today, 'all-days', monFri);
        expect(folders[0]!.key).toBe(today);
        folders.forEach((f, i) => {
          expect(f.key).toBe(addDays(today, i));
          expect(f.dayNumber).toBe(dayOfMonth(f.key));
        });
        expect(new Set(folders.map((f) => f.dayNumber)).size).toBe(folders.length);
        expect(folders.length).toBeGreaterThanOrEqual(28);
        expect(folders.length).toBeLessThanOrEqual(31);
        // The month folders start right where the day folders end.
        expect(binderMonthFolders(today, 1)[0]).toBe(monthOf(addDays(folders.at(-1)!.key, 1)));
      }),
    );
  });
});

describe('binderDayFolders, working days 1-3 months ahead', () => {
  const ru = workCalendarFrom({ ...defaultSettings(), holidayCountry: 'ru' });

  it('covers the months the setting asks for, and the month folders start after them', () => {
    // 1 December 2026, two months ahead: to 31 January, with the law's New Year holidays left out.
    const two = binderDayFolders('2026-12-01', 'working-days', ru, 2);
    expect(two[0]!.key).toBe('2026-12-01');
    expect(two.at(-1)!.key).toBe('2027-01-29'); // Friday; 30-31 January are a weekend
    expect(two.map((f) => f.key)).not.toContain('2027-01-04');
    expect(two.map((f) => f.key).filter((k) => k.startsWith('2027-01'))[0]).toBe('2027-01-11');
    expect(aggregateFolderCounts(new Map(), '2026-12-01', 'working-days', ru, 2, 2).months.map((m) => m.key)).toEqual(['2027-02', '2027-03']);
    expect(binderDayFolders('2026-12-01', 'working-days', ru, 3).at(-1)!.key).toBe('2027-02-26');
    expect(binderDayFolders('2026-12-01', 'working-days', ru, 1).at(-1)!.key).toBe('2026-12-31');
  });

  it('adds next month’s working dates as time goes', () => {
    const on = (today: string) => binderDayFolders(today, 'working-days', ru, 2).at(-1)!.key;
    expect(on('2026-12-14')).toBe('2027-02-12');
    expect(on('2026-12-15')).toBe('2027-02-12'); // 13-14 February are a weekend
    expect(on('2026-12-17')).toBe('2027-02-16');
  });

  it('keeps the 31-insert cycle to one month in the all-days variant', () => {
    expect(binderDayFolders('2026-12-01', 'all-days', ru, 3)).toHaveLength(31);
  });

  it('files a dossier due in the second month under its working-date folder, not the month folder', () => {
    const days = binderDayFolders('2026-12-01', 'working-days', ru, 2);
    expect(folderOfKey('2027-01-20', '2026-12-01', days, 2)).toEqual({ kind: 'day', key: '2027-01-20' });
    expect(folderOfKey('2027-01-03', '2026-12-01', days, 2)).toEqual({ kind: 'day', key: '2027-01-11' });
    expect(folderOfKey('2027-02-01', '2026-12-01', days, 2)).toEqual({ kind: 'month', key: '2027-02' });
  });
});

describe('binderDayFolders, working days', () => {
  it('shows the working dates of the month ahead only', () => {
    const folders = binderDayFolders('2026-05-12', 'working-days', monFri);
    expect(folders).toHaveLength(23);
    expect(folders.every((f) => f.isWorking)).toBe(true);
  });

  it('skips holidays over New Year', () => {
    const keys = binderDayFolders('2026-12-28', 'working-days', ruNewYear2027).map((f) => f.key);
    expect(keys.slice(0, 4)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2027-01-11']);
  });

  it('always shows today, even on a day off', () => {
    const folders = binderDayFolders('2026-05-16', 'working-days', monFri);
    expect(folders[0]).toMatchObject({ key: '2026-05-16', isToday: true, isWorking: false });
    expect(folders[1]!.key).toBe('2026-05-18');
  });

  it('property: exactly the working days of the all-days window, plus today', () => {
    fc.assert(
      fc.property(dayArb, calendarArb, (today, cal) => {
        const all = binderDayFolders(today, 'all-days', cal);
        const working = binderDayFolders(today, 'working-days', cal);
        expect(working.map((f) => f.key)).toEqual(all.filter((f) => f.isToday || isWorkingDay(f.key, cal)).map((f) => f.key));
      }),
    );
  });
});

describe('folderOfKey', () => {
  const today = '2026-05-12';
  const days = binderDayFolders(today, 'working-days', monFri);

  it('puts earlier days and past months into overdue', () => {
    expect(folderOfKey('2026-05-11', today, days)).toEqual({ kind: 'overdue' });
    expect(folderOfKey('2026-04', today, days)).toEqual({ kind: 'overdue' });
    expect(folderOfKey('garbage', today, days)).toEqual({ kind: 'overdue' });
  });

  it('puts days of the window into their folder, a day off into the next working folder', () => {
    expect(folderOfKey('2026-05-12', today, days)).toEqual({ kind: 'day', key: '2026-05-12' });
    expect(folderOfKey('2026-05-16', today, days)).toEqual({ kind: 'day', key: '2026-05-18' });
  });

  it('puts later days and months into month folders; the current month stays until opened', () => {
    expect(folderOfKey('2026-06-12', today, days)).toEqual({ kind: 'month', key: '2026-06' });
    expect(folderOfKey('2026-07', today, days)).toEqual({ kind: 'month', key: '2026-07' });
    expect(folderOfKey('2026-05', today, days)).toEqual({ kind: 'month', key: '2026-05' });
  });
});

describe('aggregateFolderCounts', () => {
  it('sums keys into overdue, day and month folders without losing any dossier', () => {
    const counts = new Map([
      ['2026-05-01', 2],
      ['2026-04', 1],
      ['2026-05-13', 4],
      ['2026-05-16', 1],
      ['2026-05', 3],
      ['2026-06-20', 5],
      ['2026-06', 1],
      ['2028-01-05', 1],
    ]);
    const r = aggregateFolderCounts(counts, '2026-05-12', 'working-days', monFri, 3);
    expect(r.overdue).toBe(3);
    expect(r.days.find((d) => d.key === '2026-05-13')!.count).toBe(4);
    expect(r.days.find((d) => d.key === '2026-05-18')!.count).toBe(1);
    expect(r.months).toEqual([
      { key: '2026-05', count: 3 },
      { key: '2026-06', count: 6 },
      { key: '2026-07', count: 0 },
      { key: '2026-08', count: 0 },
      { key: '2028-01', count: 1 },
    ]);
    const total = r.overdue + r.days.reduce((s, d) => s + d.count, 0) + r.months.reduce((s, m) => s + m.count, 0);
    expect(total).toBe([...counts.values()].reduce((a, b) => a + b, 0));
  });
});

describe('folder ranges', () => {
  it('a Monday folder in the working-days variant also holds the weekend before it', () => {
    const days = binderDayFolders('2026-05-12', 'working-days', monFri);
    expect(dayFolderRange('2026-05-18', days)).toEqual({ from: '2026-05-16', to: '2026-05-18' });
    expect(dayFolderRange('2026-05-12', days)).toEqual({ from: '2026-05-12', to: '2026-05-12' });
  });

  it('a month folder holds its days after the day window', () => {
    expect(monthFolderRange('2026-06', '2026-05-12')).toEqual({ from: '2026-06-12', to: '2026-06-30' });
    expect(monthFolderRange('2026-07', '2026-05-12')).toEqual({ from: '2026-07-01', to: '2026-07-31' });
    expect(monthFolderRange('2026-05', '2026-05-12')).toBeUndefined();
    expect(monthFolderRange('2026-02', '2026-01-31')).toBeUndefined();
  });

  it('the first month folder takes the days off after the last working folder', () => {
    // Window 1-31 May 2026; Sunday 31 May has no working folder after it.
    const days = binderDayFolders('2026-05-01', 'working-days', monFri);
    expect(folderOfKey('2026-05-31', '2026-05-01', days)).toEqual({ kind: 'month', key: '2026-06' });
    expect(monthFolderRange('2026-06', '2026-05-01', days)).toEqual({ from: '2026-05-30', to: '2026-06-30' });
  });

  it('property: ranges agree with folderOfKey for every day of the next four months, whatever the window', () => {
    fc.assert(
      fc.property(dayArb, calendarArb, fc.constantFrom('all-days' as const, 'working-days' as const), fc.integer({ min: 1, max: 3 }), (today, cal, variant, ahead) => {
        const days = binderDayFolders(today, variant, cal, ahead);
        const n = windowMonthsOf(variant, ahead);
        for (let i = 0; i < 123; i++) {
          const key = addDays(today, i);
          const place = folderOfKey(key, today, days, n);
          if (place.kind === 'day') {
            const r = dayFolderRange(place.key, days);
            expect(key >= r.from && key <= r.to).toBe(true);
          } else if (place.kind === 'month') {
            const r = monthFolderRange(place.key, today, days, n);
            expect(r !== undefined && key >= r.from && key <= r.to).toBe(true);
          } else {
            throw new Error(`${key} is not overdue on ${today}`);
          }
        }
      }),
    );
  });
});
