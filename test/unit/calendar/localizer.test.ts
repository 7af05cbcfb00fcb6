import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, getDay, parse, startOfWeek } from 'date-fns';
import { dateFnsLocalizer } from 'react-big-calendar';
import { inEventRange, isSameDate, localizer } from '../../../renderer/features/calendar/localizer';

/** A localizer left with the library's own inEventRange: the rule the fast one must keep. */
const library = dateFnsLocalizer({ format, parse, startOfWeek, getDay, locales: {} }) as unknown as {
  inEventRange(a: { event: { start: Date; end: Date }; range: { start: Date; end: Date } }): boolean;
  isSameDate(a: Date, b: Date): boolean;
};

// Minutes around November 2026 (and the March/October clock changes of zones that have them).
const instant = fc.integer({ min: Date.UTC(2026, 1, 1), max: Date.UTC(2027, 1, 1) }).map((ms) => new Date(Math.floor(ms / 60_000) * 60_000 + (ms % 3) * 17_000));

describe('the calendar localizer', () => {
  it('says whether an event touches a range exactly as the library does', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 3 * 24 * 60 }), instant, fc.integer({ min: 0, max: 9 * 24 * 60 }), (start, minutes, rangeStart, rangeMinutes) => {
        const event = { start, end: new Date(start.getTime() + minutes * 60_000) };
        const range = { start: rangeStart, end: new Date(rangeStart.getTime() + rangeMinutes * 60_000) };
        expect(inEventRange({ event, range })).toBe(library.inEventRange({ event, range }));
      }),
      { numRuns: 5000 },
    );
  });

  it('edge cases: an all-day item on the range’s first and last day, a zero-length item at the range’s start', () => {
    const day = (d: number, h = 0, m = 0) => new Date(2026, 10, d, h, m);
    const week = { start: day(23), end: day(29, 23, 59) };
    for (const event of [
      { start: day(23), end: day(23) },
      { start: day(29), end: day(29) },
      { start: day(22, 23, 30), end: day(23) },
      { start: day(22, 23, 30), end: day(22, 23, 59) },
      { start: day(30), end: day(30) },
    ]) {
      expect(inEventRange({ event, range: week })).toBe(library.inEventRange({ event, range: week }));
    }
  });

  it('says whether two instants fall on the same local day exactly as the library does', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -2 * 24 * 60, max: 2 * 24 * 60 }), (a, minutes) => {
        const b = new Date(a.getTime() + minutes * 60_000);
        expect(isSameDate(a, b)).toBe(library.isSameDate(a, b));
      }),
      { numRuns: 5000 },
    );
  });

  it('are the ones the calendar hands to react-big-calendar', () => {
    const handed = localizer as unknown as { inEventRange: unknown; isSameDate: unknown };
    expect(handed.inEventRange).toBe(inEventRange);
    expect(handed.isSameDate).toBe(isSameDate);
  });
});
