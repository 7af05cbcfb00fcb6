import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareFileKeys, earliestOpenStep, fileKeyOf, isDayKey, isMonthKey } from '../../../../shared/model/filing';

const day = (date: string, done = false) => ({ date, month: '', done });
const month = (m: string, done = false) => ({ date: '', month: m, done });

describe('fileKeyOf', () => {
  it('files under the earliest open day step', () => {
    expect(fileKeyOf([day('2026-05-20'), day('2026-05-12'), day('2026-06-01')])).toBe('2026-05-12');
  });

  it('ignores done steps', () => {
    expect(fileKeyOf([day('2026-05-01', true), day('2026-05-12')])).toBe('2026-05-12');
  });

  it('lets an exact day in the same month beat the month step', () => {
    expect(fileKeyOf([month('2026-07'), day('2026-07-25')])).toBe('2026-07-25');
  });

  it('files under a month before later days and after earlier ones', () => {
    expect(fileKeyOf([month('2026-07'), day('2026-08-01')])).toBe('2026-07');
    expect(fileKeyOf([month('2026-07'), day('2026-06-30')])).toBe('2026-06-30');
    expect(fileKeyOf([month('2026-09'), month('2026-07')])).toBe('2026-07');
  });

  it('is undefined when nothing is open', () => {
    expect(fileKeyOf([])).toBeUndefined();
    expect(fileKeyOf([day('2026-05-01', true)])).toBeUndefined();
  });

  it('returns the step object itself', () => {
    const steps = [{ ...day('2026-05-12'), id: 'a' }, { ...day('2026-05-10'), id: 'b' }];
    expect(earliestOpenStep(steps)?.id).toBe('b');
  });

  it('never depends on the order of the steps', () => {
    const step = fc.oneof(
      fc.date({ min: new Date('2025-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => day(d.toISOString().slice(0, 10))),
      fc.date({ min: new Date('2025-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => month(d.toISOString().slice(0, 7))),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const key = fileKeyOf(steps)!;
        expect(fileKeyOf([...steps].reverse())).toBe(key);
        for (const s of steps) expect(compareFileKeys(key, s.date || s.month)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('key kinds', () => {
  it('tells day keys from month keys', () => {
    expect(isDayKey('2026-05-12')).toBe(true);
    expect(isDayKey('2026-05')).toBe(false);
    expect(isMonthKey('2026-05')).toBe(true);
    expect(isMonthKey('2026-05-12')).toBe(false);
  });
});
