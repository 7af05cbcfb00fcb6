import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../../shared/dates/calendar-day';
import { lightestWorkingDays } from '../../../../shared/dates/lightest-days';
import { isWorkingDay } from '../../../../shared/dates/working-days';
import { calendarArb, dayArb, monFri } from './arbitraries';

describe('lightestWorkingDays', () => {
  it('offers the emptiest working days first, earlier first on ties, skipping full days', () => {
    const counts = new Map([
      ['2026-05-18', 30],
      ['2026-05-19', 3],
      ['2026-05-20', 0],
      ['2026-05-21', 3],
      ['2026-05-22', 1],
    ]);
    expect(lightestWorkingDays('2026-05-18', counts, monFri, 30, 3, 5)).toEqual([
      { day: '2026-05-20', count: 0, free: 30 },
      { day: '2026-05-22', count: 1, free: 29 },
      { day: '2026-05-19', count: 3, free: 27 },
    ]);
  });

  it('gives nothing when every day is full or nothing is asked', () => {
    const full = new Map(['2026-05-18', '2026-05-19'].map((d) => [d, 5] as [string, number]));
    expect(lightestWorkingDays('2026-05-18', full, monFri, 5, 3, 2)).toEqual([]);
    expect(lightestWorkingDays('2026-05-18', new Map(), monFri, 5, 0)).toEqual([]);
  });

  it('property: working days within the horizon, sorted by load, at most n', () => {
    fc.assert(
      fc.property(dayArb, calendarArb, fc.integer({ min: 1, max: 10 }), fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 40 }), (from, cal, n, loads) => {
        const counts = new Map(loads.map((c, i) => [addDays(from, i), c] as [string, number]));
        const r = lightestWorkingDays(from, counts, cal, 10, n, 20);
        expect(r.length).toBeLessThanOrEqual(n);
        r.forEach((x, i) => {
          expect(isWorkingDay(x.day, cal)).toBe(true);
          expect(x.day >= from && x.day < addDays(from, 20)).toBe(true);
          expect(x.free).toBe(10 - x.count);
          if (i > 0) expect(x.count).toBeGreaterThanOrEqual(r[i - 1]!.count);
        });
      }),
    );
  });
});
