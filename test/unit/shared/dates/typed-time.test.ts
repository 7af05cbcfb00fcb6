import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTypedTime } from '../../../../shared/dates/typed-time';
import { TIME_RE } from '../../../../shared/model/records';

describe('parseTypedTime', () => {
  it.each([
    ['', ''],
    ['9', '09:00'],
    ['09', '09:00'],
    ['930', '09:30'],
    ['0930', '09:30'],
    ['1430', '14:30'],
    ['9:30', '09:30'],
    ['9.30', '09:30'],
    ['9-30', '09:30'],
    ['9 30', '09:30'],
    ['9ч', '09:00'],
    ['9h30', '09:30'],
    ['14:05', '14:05'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['9pm', '21:00'],
    ['9:30 PM', '21:30'],
    ['12 am', '00:00'],
    ['12:15 pm', '12:15'],
  ])('%j is %s', (text, time) => {
    expect(parseTypedTime(text)).toEqual({ time });
  });

  it.each([
    ['24:00', 'invalid'],
    ['9:60', 'invalid'],
    ['13pm', 'invalid'],
    ['99', 'invalid'],
    ['9:3', 'format'],
    ['nine', 'format'],
    ['09:00 AM tomorrow', 'format'],
    ['12345', 'format'],
  ])('%j is refused (%s)', (text, error) => {
    expect(parseTypedTime(text)).toEqual({ error });
  });

  it('property: every time written as HH:MM, H:MM, HHMM or 12-hour parses back to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const h12 = h % 12 === 0 ? 12 : h % 12;
        const mm = String(m).padStart(2, '0');
        for (const form of [time, `${h}:${mm}`, `${h}.${mm}`, time.replace(':', ''), `${h12}:${mm} ${h < 12 ? 'AM' : 'PM'}`]) {
          const r = parseTypedTime(form);
          expect(r, form).toEqual({ time });
          expect(TIME_RE.test(time)).toBe(true);
        }
      }),
    );
  });
});
