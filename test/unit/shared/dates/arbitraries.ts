import fc from 'fast-check';
import { addDays } from '../../../../shared/dates/calendar-day';
import type { WorkCalendar } from '../../../../shared/dates/working-days';

/** Any day from 2000 to about 2060. */
export const dayArb = fc.integer({ min: 0, max: 22_000 }).map((n) => addDays('2000-01-01', n));

/** A realistic calendar: a non-empty working week, some holidays and some weekend transfers. */
export const calendarArb: fc.Arbitrary<WorkCalendar> = fc.record({
  workingWeek: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
  holidays: fc.array(dayArb, { maxLength: 40 }),
  extraWorkingDays: fc.array(dayArb, { maxLength: 10 }),
});

/** Russia, November 2025: 3 and 4 November off, Saturday 1 November worked instead. */
export const ruNov2025: WorkCalendar = {
  workingWeek: [1, 2, 3, 4, 5],
  holidays: ['2025-11-03', '2025-11-04'],
  extraWorkingDays: ['2025-11-01'],
};

/** Russia, New Year 2027 (as a test calendar): 1-8 January off. */
export const ruNewYear2027: WorkCalendar = {
  workingWeek: [1, 2, 3, 4, 5],
  holidays: ['2026-12-31', '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'],
  extraWorkingDays: [],
};

export const monFri: WorkCalendar = { workingWeek: [1, 2, 3, 4, 5], holidays: [], extraWorkingDays: [] };
