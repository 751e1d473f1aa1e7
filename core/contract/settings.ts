import { z } from 'zod';
import { EmptyInput, TeamNameSchema } from './common';

export const IDLE_LOCK_MINUTES_DEFAULT = 10;

export const SettingsSchema = z.object({
  teamName: z.string(),
  idleLockMinutes: z.number().int(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const IdleLockMinutesSchema = z
  .number({ message: 'number_required' })
  .int({ message: 'number_required' })
  .min(1, { message: 'idle_lock_range' })
  .max(240, { message: 'idle_lock_range' });

export const UpdateSettingsInputSchema = z
  .object({
    teamName: TeamNameSchema.optional(),
    idleLockMinutes: IdleLockMinutesSchema.optional(),
  })
  .strict();

export const settingsChannels = {
  'settings:get': { input: EmptyInput, output: SettingsSchema },
  'settings:update': { input: UpdateSettingsInputSchema, output: SettingsSchema },
} as const;
