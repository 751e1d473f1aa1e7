import { z } from 'zod';
import { EmptyInput, TeamNameSchema } from './common';
import { RevealMinutesSchema } from './protection';
import { RETENTION_YEARS_MAX, RETENTION_YEARS_MIN } from './retention';
import { channel } from './channel-access';
import { ADMIN } from './roles';

export const IDLE_LOCK_MINUTES_DEFAULT = 10;

export const CASE_PREFIX_DEFAULT = 'RVT';
export const MINIMUM_DISTANCE_KM_DEFAULT = 100;
export const MINIMUM_DISTANCE_WITHIN_CITY_KM_DEFAULT = 5;
export const REVIEW_DAYS_DEFAULT = { high: 14, medium: 30, low: 90 } as const;

export const SettingsSchema = z.object({
  teamName: z.string(),
  idleLockMinutes: z.number().int(),
  /** Case numbers read PREFIX-YYYY-NNNN; never a personal identity number. */
  casePrefix: z.string(),
  /** Moves between municipalities closer than this to a perpetrator's area warn. */
  minimumDistanceKm: z.number(),
  /** Moves between Stockholm districts closer than this to a perpetrator's district warn. */
  minimumDistanceWithinCityKm: z.number(),
  /** Days until a risk assessment's review, by its judged headline level. */
  reviewDaysHigh: z.number().int(),
  reviewDaysMedium: z.number().int(),
  reviewDaysLow: z.number().int(),
  /** Counts under this are suppressed in reports ("<5"); never below 3. */
  reportThreshold: z.number().int(),
  /** How long a reveal of a protected case's masked fields lasts. */
  revealMinutes: z.number().int(),
  /** Gallring: a closed case is purged this many years after its last entry. */
  retentionYears: z.number().int(),
  /** Gallring: keep people born on the 5th, 15th and 25th of a month (dagbarn, for research). */
  retentionKeepBirthDays: z.boolean(),
  /** Gallring: a research municipality keeps everything; nothing is purged. */
  researchMunicipality: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const IdleLockMinutesSchema = z
  .number({ message: 'number_required' })
  .int({ message: 'number_required' })
  .min(1, { message: 'idle_lock_range' })
  .max(240, { message: 'idle_lock_range' });

const DistanceSchema = z.number({ message: 'number_required' }).min(0, { message: 'distance_range' }).max(2000, { message: 'distance_range' });

const ReviewDaysSchema = z
  .number({ message: 'number_required' })
  .int({ message: 'number_required' })
  .min(1, { message: 'review_days_range' })
  .max(365, { message: 'review_days_range' });

export const UpdateSettingsInputSchema = z
  .object({
    teamName: TeamNameSchema.optional(),
    idleLockMinutes: IdleLockMinutesSchema.optional(),
    casePrefix: z
      .string()
      .trim()
      .regex(/^[A-ZÅÄÖ]{1,8}$/, { message: 'case_prefix_format' })
      .optional(),
    minimumDistanceKm: DistanceSchema.optional(),
    minimumDistanceWithinCityKm: DistanceSchema.optional(),
    reviewDaysHigh: ReviewDaysSchema.optional(),
    reviewDaysMedium: ReviewDaysSchema.optional(),
    reviewDaysLow: ReviewDaysSchema.optional(),
    reportThreshold: z
      .number({ message: 'number_required' })
      .int({ message: 'number_required' })
      .min(3, { message: 'report_threshold_range' })
      .max(100, { message: 'report_threshold_range' })
      .optional(),
    revealMinutes: RevealMinutesSchema.optional(),
    retentionYears: z
      .number({ message: 'number_required' })
      .int({ message: 'number_required' })
      .min(RETENTION_YEARS_MIN, { message: 'retention_years_range' })
      .max(RETENTION_YEARS_MAX, { message: 'retention_years_range' })
      .optional(),
    retentionKeepBirthDays: z.boolean().optional(),
    researchMunicipality: z.boolean().optional(),
  })
  .strict();

export const settingsChannels = {
  'settings:get': channel({ input: EmptyInput, output: SettingsSchema, access: 'unlocked' }),
  'settings:update': channel({ input: UpdateSettingsInputSchema, output: SettingsSchema, access: ADMIN }),
} as const;
