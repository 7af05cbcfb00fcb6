import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCalendarList, parseHolidayList } from '../../../../shared/dates/holiday-list';
import { dayArb } from './arbitraries';

describe('parseHolidayList', () => {
  it('accepts day-first and ISO dates separated by lines, commas and semicolons', () => {
    const r = parseHolidayList('01.01.2026\n2.1.2026; 2026-01-07, 08/01/2026');
    expect(r).toEqual({ dates: ['2026-01-01', '2026-01-02', '2026-01-07', '2026-01-08'], errors: [] });
  });

  it('sorts, deduplicates, skips blank lines, comments and trailing names', () => {
    const r = parseHolidayList('# 2026\n\n12.06.2026 День России\n04.11.2026\r\n12.06.2026\n');
    expect(r).toEqual({ dates: ['2026-06-12', '2026-11-04'], errors: [] });
  });

  it('names the line of an impossible date and of text that is not a date', () => {
    const r = parseHolidayList('01.01.2026\n31.02.2026\nзавтра, 2026-13-01');
    expect(r.dates).toEqual(['2026-01-01']);
    expect(r.errors).toEqual([
      expect.objectContaining({ line: 2, text: '31.02.2026', code: 'invalid' }),
      expect.objectContaining({ line: 3, text: 'завтра', code: 'format' }),
      expect.objectContaining({ line: 3, text: '2026-13-01', code: 'invalid' }),
    ]);
    expect(r.errors[0]!.message).toContain('31.02.2026');
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseHolidayList('29.02.2028').dates).toEqual(['2028-02-29']);
    expect(parseHolidayList('29.02.2026').errors).toHaveLength(1);
  });

  it('gives nothing for empty text', () => {
    expect(parseHolidayList('')).toEqual({ dates: [], errors: [] });
  });

  it('property: any list of dates, written either way, reads back sorted and unique', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dayArb, fc.boolean()), { maxLength: 30 }), fc.constantFrom('\n', ', ', ';'), (items, sep) => {
        const text = items.map(([d, dmy]) => (dmy ? `${d.slice(8)}.${d.slice(5, 7)}.${d.slice(0, 4)}` : d)).join(sep);
        const expected = [...new Set(items.map(([d]) => d))].sort();
        expect(parseHolidayList(text)).toEqual({ dates: expected, errors: [] });
      }),
    );
  });
});

describe('parseCalendarList', () => {
  it('reads a line with two dates as a decree move, the rest as days off', () => {
    const r = parseCalendarList('04.01.2025 → 02.05.2025\n01.11.2025 на 03.11.2025\n2025-02-23 2025-05-08 День защитника\n31.12.2025\n32.01.2025');
    expect(r.moves).toEqual([
      { from: '2025-01-04', to: '2025-05-02' },
      { from: '2025-11-01', to: '2025-11-03' },
      { from: '2025-02-23', to: '2025-05-08' },
    ]);
    expect(r.dates).toEqual(['2025-12-31']);
    expect(r.errors).toEqual([expect.objectContaining({ line: 5, text: '32.01.2025' })]);
  });
});
