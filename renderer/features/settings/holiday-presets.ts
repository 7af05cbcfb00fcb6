/**
 * Ready-made public holiday lists, so a manager does not type a production calendar by hand.
 * Russia 2026: the Labour Code's holidays plus the Government's transfer decree for 2026
 * (3-4 January moved to 9 January and 31 December; holidays on a weekend moved to Monday).
 * Romania 2026: Codul muncii art. 139, Orthodox Easter on 12 April, Pentecost on 31 May.
 * Weekend dates are listed too: harmless, and the list reads like the official one.
 */
export const HOLIDAY_PRESETS = {
  'ru-2026': [
    '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06',
    '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10', '2026-01-11',
    '2026-02-23', '2026-03-08', '2026-03-09', '2026-05-01', '2026-05-09', '2026-05-11',
    '2026-06-12', '2026-11-04', '2026-12-31',
  ],
  'ro-2026': [
    '2026-01-01', '2026-01-02', '2026-01-06', '2026-01-07', '2026-01-24', '2026-04-10',
    '2026-04-12', '2026-04-13', '2026-05-01', '2026-05-31', '2026-06-01', '2026-08-15',
    '2026-11-30', '2026-12-01', '2026-12-25', '2026-12-26',
  ],
} as const satisfies Record<string, readonly string[]>;

export type HolidayPresetId = keyof typeof HOLIDAY_PRESETS;
