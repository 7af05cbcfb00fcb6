import { z } from 'zod';
import type { Schema } from 'conf';
import { settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../../shared/model/settings';
import { salvageSettings } from '../../shared/model/settings-salvage';

/**
 * What the service needs of electron-store (or `conf`, which it extends): the whole store
 * as one object. Writing it whole keeps a multi-key update a single file write.
 */
export interface SettingsStore {
  store: Record<string, unknown>;
}

/**
 * The per-key JSON schema electron-store validates every write with, derived from the zod
 * schema so the two can never disagree. electron-store takes the `properties` map.
 */
export function settingsJsonSchema(): Schema<Record<string, unknown>> {
  const json = z.toJSONSchema(settingsSchema) as unknown as { properties: Schema<Record<string, unknown>> };
  return json.properties;
}

/** electron-store options: its own file, schema-checked, a damaged file reset to defaults. */
export function settingsStoreOptions() {
  return {
    name: 'settings',
    schema: settingsJsonSchema(),
    clearInvalidConfig: true,
  } as const;
}

export function createSettingsService(store: SettingsStore, onChange: (s: Settings, patch: SettingsPatch) => void = () => {}) {
  function get(): Settings {
    // Field by field: one bad value must not reset `onboarded` (and with it offer the demo).
    return salvageSettings(store.store).settings;
  }
  /** Validates the patch (unknown keys and bad values refused), then stores the whole. */
  function set(patch: unknown): Settings {
    const valid = settingsPatchSchema.parse(patch);
    const next = settingsSchema.parse({ ...get(), ...valid });
    store.store = next;
    onChange(next, valid);
    return next;
  }
  return { get, set };
}
