import { z } from 'zod';
import { DAY_RE, TIME_RE } from './records';
import { emptyRequisites, requisitesSchema } from './requisites';

/** Currencies offered as the main one: the markets' own and the two every contract uses. */
export const MAIN_CURRENCIES = ['RUB', 'RON', 'MDL', 'EUR', 'USD'] as const;

const bound = z.number().int().min(1).max(1e15);
/**
 * The size segment's upper bounds (shared/portfolio/profile.ts reads them): small up to,
 * medium up to; above is large. A small bound at or above the medium one would leave the
 * medium segment empty, so it is refused.
 */
export const segmentThresholdsSchema = z
  .object({ smallMaxRevenue: bound, mediumMaxRevenue: bound, smallMaxHeadcount: bound, mediumMaxHeadcount: bound })
  .refine((t) => t.smallMaxRevenue < t.mediumMaxRevenue && t.smallMaxHeadcount < t.mediumMaxHeadcount, 'small must be below medium');

/** Activity targets: B2B 1-2 meetings a day is good; calls fill the other days. */
export const kpiTargetsSchema = z.object({
  callsPerDay: z.number().int().min(0).max(1000),
  meetingsPerDay: z.number().int().min(0).max(100),
  requestsPerWeek: z.number().int().min(0).max(10000),
});

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
  /** The main currency: revenue, ABC and the size segment's revenue bounds are in it. */
  currency: z.enum(MAIN_CURRENCIES).default('RUB'),
  /** Defaults after Russia's SME law (209-ФЗ): small up to 800 M and 100 people, medium up to 2 bn and 250. */
  segmentThresholds: segmentThresholdsSchema.default({ smallMaxRevenue: 800_000_000, mediumMaxRevenue: 2_000_000_000, smallMaxHeadcount: 100, mediumMaxHeadcount: 250 }),
  kpiTargets: kpiTargetsSchema.default({ callsPerDay: 20, meetingsPerDay: 2, requestsPerWeek: 5 }),
  /**
   * The manager's and the company's requisites for the receivables documents. One value:
   * a patch replaces it whole, so the form sends every field with the one it changed.
   */
  requisites: requisitesSchema.default(emptyRequisites),
  /**
   * The overdue ladder's thresholds: from which day overdue each level applies (reminder,
   * negotiation, solution, claim, court), as normalizeLadder reads them.
   */
  ladderDays: z.array(z.number().int().min(1).max(3650)).max(5).default([1, 8, 15, 31, 61]),
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
