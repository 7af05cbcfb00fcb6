import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/model/settings';
import { salvageSettings } from '../../../../shared/model/settings-salvage';

describe('salvageSettings', () => {
  it('keeps every valid field when one fails its schema', () => {
    const { settings, dropped } = salvageSettings({ onboarded: true, managerName: 'Anna', capacity: 'lots', language: 'ru', theme: 'purple' });
    expect(settings).toMatchObject({ onboarded: true, managerName: 'Anna', language: 'ru', capacity: 30, theme: 'system' });
    expect(dropped.sort()).toEqual(['capacity', 'theme']);
  });

  it('reads anything that is not an object as the defaults', () => {
    for (const raw of [null, 42, 'x', [1, 2]]) expect(salvageSettings(raw).settings).toEqual(defaultSettings());
  });

  it('passes valid settings through untouched', () => {
    const valid = { ...defaultSettings(), onboarded: true, capacity: 45 };
    expect(salvageSettings(valid)).toEqual({ settings: valid, dropped: [] });
  });
});
