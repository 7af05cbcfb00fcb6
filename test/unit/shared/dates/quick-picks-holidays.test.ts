import { describe, expect, it } from 'vitest';
import { quickPicks } from '../../../../shared/dates/quick-picks';
import { workCalendarFrom } from '../../../../shared/dates/working-days';
import { defaultSettings } from '../../../../shared/model/settings';

// Issue 15: on 1 December, with only a "Russia 2026" preset, "Next month" offered Friday 1 January.
describe('quick picks over the year end with the law’s holidays', () => {
  const pick = (id: string, settings: Parameters<typeof workCalendarFrom>[0]) =>
    quickPicks('2026-12-01', workCalendarFrom(settings)).find((p) => p.id === id)?.date;

  it('"Next month" on 1 December lands after the New Year holidays (Russia)', () => {
    expect(pick('next-month', { ...defaultSettings(), holidayCountry: 'ru' })).toBe('2027-01-11');
  });

  it('and after 1-2 January in Romania', () => {
    expect(pick('next-month', { ...defaultSettings(), holidayCountry: 'ro' })).toBe('2027-01-04');
  });

  it('a Russian-speaking manager who never chose a country gets Russia’s holidays', () => {
    expect(pick('next-month', { ...defaultSettings(), language: 'ru' })).toBe('2027-01-11');
  });
});
