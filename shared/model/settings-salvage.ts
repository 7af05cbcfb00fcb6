import { defaultSettings, settingsSchema, type Settings } from './settings';

/**
 * Reads stored settings field by field: a value that fails its schema falls back to its
 * default alone. Rejecting the whole object for one bad field would also reset
 * `onboarded`, and the first-run screen would then offer to load demo dossiers into the
 * manager's real binder.
 */
export function salvageSettings(raw: unknown): { settings: Settings; dropped: string[] } {
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data, dropped: [] };
  const settings = defaultSettings() as Record<string, unknown>;
  const dropped: string[] = [];
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (!Object.hasOwn(obj, key)) continue;
    const field = schema.safeParse(obj[key]);
    if (field.success) settings[key] = field.data;
    else dropped.push(key);
  }
  return { settings: settings as Settings, dropped };
}
