import { z } from 'zod';
import { DAY_RE, TIME_RE } from './records';
import { emptyRequisites, requisitesSchema } from './requisites';

/**
 * User settings. Stored by electron-store (validated with the JSON schema derived from
 * this) in Electron and in localStorage in web mode, both behind the Bridge.
 */
export const settingsSchema = z.object({
  managerName: z.string().max(200).default(''),
  /** Dossiers a manager can work in a day. */
  capacity: z.number().int().min(1).max(1000).default(30),
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  workingWeek: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
  /** Non-working days (public holidays) on otherwise working weekdays. */
  holidays: z.array(z.string().regex(DAY_RE)).default([]),
  /** Weekend days moved to be working days (the production calendar's transfers). */
  extraWorkingDays: z.array(z.string().regex(DAY_RE)).default([]),
  /**
   * Whose statutory holidays apply (generated for any year); `null` until chosen: follows
   * the language (ru: Russia, ro: Romania, otherwise none).
   */
  holidayCountry: z.enum(['ro', 'ru', 'none']).nullable().default(null),
  /** Years whose calendar the manager has checked (the decree's moves entered). */
  confirmedCalendarYears: z.array(z.number().int().min(1900).max(2200)).default([]),
  /** Working-dates binder: months of day folders ahead (the method's 1-3). */
  binderMonthsAhead: z.number().int().min(1).max(3).default(2),
  /** `null` until chosen: the first run follows the system locale. */
  language: z.enum(['ru', 'en', 'ro']).nullable().default(null),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** The paper method's variant: all day folders 1-31, or working dates only. */
  binderVariant: z.enum(['all-days', 'working-days']).default('all-days'),
  /** Default reminder for timed steps, minutes before; -1 for none. */
  reminderMinutes: z.number().int().min(-1).max(24 * 60).default(15),
  /** Morning summary time 'HH:mm', or '' for none. */
  morningSummaryTime: z.string().regex(TIME_RE).or(z.literal('')).default('09:00'),
  /** First run done: the user chose the empty binder or the demo. */
  onboarded: z.boolean().default(false),
  currency: z.string().default('RUB'),
  /**
   * The manager's and the company's requisites for the receivables documents. One value:
   * a patch replaces it whole, so the form sends every field with the one it changed.
   */
  requisites: requisitesSchema.default(emptyRequisites),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings = (): Settings => settingsSchema.parse({});

type SettingsShape = typeof settingsSchema.shape;
/**
 * Validates a partial update; unknown keys are rejected rather than stored. Built from the
 * fields without their defaults: zod 4's `.partial()` keeps them, so a patch would come
 * back with every setting it does not name reset to its default.
 */
export const settingsPatchSchema = z
  .object({
    ...(Object.fromEntries(Object.entries(settingsSchema.shape).map(([k, s]) => [k, s.unwrap().optional()])) as {
      [K in keyof SettingsShape]: z.ZodOptional<ReturnType<SettingsShape[K]['unwrap']>>;
    }),
    // Every record, print and export is signed with it: it can be changed, never emptied
    // (only a binder that has not been through the first run has no name yet).
    managerName: z.string().trim().min(1, 'the manager name cannot be empty').max(200).optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
