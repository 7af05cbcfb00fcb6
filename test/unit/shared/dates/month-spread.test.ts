import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spreadOverMonth } from '../../../../shared/dates/month-spread';
import { isWorkingDay, workingDaysInMonth } from '../../../../shared/dates/working-days';
import { calendarArb, monFri } from './arbitraries';

const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `d${i}` }));

function loadOf(assignments: Map<string, string>, existing = new Map<string, number>()): Map<string, number> {
  const load = new Map(existing);
  for (const day of assignments.values()) load.set(day, (load.get(day) ?? 0) + 1);
  return load;
}

describe('spreadOverMonth', () => {
  it('spreads evenly over the working days, lightest first', () => {
    const r = spreadOverMonth(ids(42), '2026-05', monFri, 30, new Map());
    expect(r.overflow).toEqual([]);
    const load = loadOf(r.assignments);
    expect([...load.keys()].sort()).toEqual(workingDaysInMonth('2026-05', monFri));
    expect(new Set(load.values())).toEqual(new Set([2]));
  });

  it('property: from an empty month, day loads differ by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), calendarArb, (n, cal) => {
        const days = workingDaysInMonth('2026-09', cal);
        fc.pre(days.length > 0);
        const load = loadOf(spreadOverMonth(ids(n), '2026-09', cal, 1000, new Map()).assignments);
        const values = days.map((d) => load.get(d) ?? 0);
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('fills the light days around the existing load', () => {
    const existing = new Map([['2026-05-04', 5], ['2026-05-05', 1]]);
    const r = spreadOverMonth(ids(3), '2026-05', monFri, 30, existing);
    expect([...r.assignments.values()]).toEqual(['2026-05-01', '2026-05-06', '2026-05-07']);
  });

  it('starts from today in the current month', () => {
    const r = spreadOverMonth(ids(10), '2026-05', monFri, 30, new Map(), '2026-05-25');
    expect([...new Set(r.assignments.values())].sort()).toEqual(['2026-05-25', '2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29']);
  });

  it('reports what does not fit and still places it', () => {
    const r = spreadOverMonth(ids(7), '2026-05', monFri, 2, new Map(), '2026-05-27');
    expect(r.assignments.size).toBe(7);
    expect(r.overflow).toEqual(['d6']);
  });

  it('places everything on the next working day when the month is over', () => {
    const r = spreadOverMonth(ids(2), '2026-04', monFri, 30, new Map(), '2026-05-16');
    expect([...r.assignments.values()]).toEqual(['2026-05-18', '2026-05-18']);
  });

  it('property: every item placed on a working day, capacity kept except for reported overflow, deterministic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('2026-02', '2026-05', '2028-02', '2026-12'),
        calendarArb,
        fc.dictionary(fc.integer({ min: 1, max: 28 }).map(String), fc.integer({ min: 0, max: 10 })),
        (n, capacity, month, cal, loads) => {
          const existing = new Map(Object.entries(loads).map(([d, c]) => [`${month}-${d.padStart(2, '0')}`, c]));
          const items = ids(n);
          const r = spreadOverMonth(items, month, cal, capacity, existing);
          expect(r.assignments.size).toBe(n);
          const load = loadOf(r.assignments, existing);
          const hasDays = workingDaysInMonth(month, cal).length > 0;
          for (const day of new Set(r.assignments.values())) {
            if (hasDays) expect(day.startsWith(month)).toBe(true);
            expect(isWorkingDay(day, cal)).toBe(true);
          }
          const placedOver = new Set(r.overflow);
          const withoutOverflow = loadOf(new Map([...r.assignments].filter(([id]) => !placedOver.has(id))), existing);
          for (const [day, c] of withoutOverflow) expect(c).toBeLessThanOrEqual(Math.max(existing.get(day) ?? 0, capacity));
          // Overflow only once every day of the month is full.
          if (r.overflow.length > 0 && hasDays) {
            for (const day of workingDaysInMonth(month, cal)) expect(load.get(day) ?? 0).toBeGreaterThanOrEqual(capacity);
          }
          expect(spreadOverMonth(items, month, cal, capacity, existing)).toEqual(r);
        },
      ),
    );
  });
});
