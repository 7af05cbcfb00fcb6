import { describe, expect, it } from 'vitest';
import { salvageSettings } from '../../../../shared/model/settings-salvage';
import { defaultSettings, settingsPatchSchema } from '../../../../shared/model/settings';

describe('portfolio settings', () => {
  it('defaults: roubles, the SME law bounds, B2B targets of 1-2 meetings a day', () => {
    const s = defaultSettings();
    expect(s.currency).toBe('RUB');
    expect(s.segmentThresholds).toEqual({ smallMaxRevenue: 800_000_000, mediumMaxRevenue: 2_000_000_000, smallMaxHeadcount: 100, mediumMaxHeadcount: 250 });
    expect(s.kpiTargets.meetingsPerDay).toBeGreaterThanOrEqual(1);
    expect(s.kpiTargets.meetingsPerDay).toBeLessThanOrEqual(2);
  });

  it('refuses a small bound at or above the medium one, an unknown currency and a negative target', () => {
    const th = defaultSettings().segmentThresholds;
    expect(settingsPatchSchema.safeParse({ segmentThresholds: { ...th, smallMaxHeadcount: 250 } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ segmentThresholds: { ...th, smallMaxHeadcount: 249 } }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ currency: 'rub' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ currency: 'RON' }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ kpiTargets: { callsPerDay: -1, meetingsPerDay: 2, requestsPerWeek: 5 } }).success).toBe(false);
  });

  it('a stored bad bound falls back alone; the other settings stay', () => {
    const stored = { ...defaultSettings(), onboarded: true, currency: 'EUR', segmentThresholds: { smallMaxRevenue: 5, mediumMaxRevenue: 1 } };
    const r = salvageSettings(stored);
    expect(r.dropped).toEqual(['segmentThresholds']);
    expect(r.settings).toMatchObject({ onboarded: true, currency: 'EUR', segmentThresholds: defaultSettings().segmentThresholds });
  });
});
