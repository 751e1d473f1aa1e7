import { z } from 'zod';
import { BackupEntrySchema, BackupFileNameSchema, BackupFolderSchema } from './backup';
import { PassphraseSchema, UsernameSchema } from './common';
import { SessionStatusSchema } from './session';
import { channel } from './channel-access';

/**
 * Restoring a damaged database happens while it is locked, so the user proves who they are with
 * the key file (separate from the database) instead of a session. `folder` is needed only when the
 * backups are not in the default folder: the setting that names it lives in the damaged file.
 */
const DamagedCredentials = z.object({
  username: UsernameSchema,
  passphrase: PassphraseSchema,
  folder: BackupFolderSchema.nullable().optional(),
});

export const DamagedBackupsInputSchema = DamagedCredentials.strict();
export const RestoreDamagedInputSchema = DamagedCredentials.extend({ fileName: BackupFileNameSchema }).strict();
export type RestoreDamagedInput = z.input<typeof RestoreDamagedInputSchema>;

export const DamagedBackupsSchema = z.object({
  folder: z.string(),
  /** Newest first. */
  backups: z.array(BackupEntrySchema),
});
export type DamagedBackups = z.infer<typeof DamagedBackupsSchema>;

export const damagedChannels = {
  /** The backups a damaged database can be restored from (credentials checked, throttled like unlocking). */
  'session:damaged-backups': channel({ input: DamagedBackupsInputSchema, output: DamagedBackupsSchema, access: 'public' }),
  /** Verifies and restores a backup over a damaged database; afterwards the app is locked. */
  'session:restore-damaged': channel({ input: RestoreDamagedInputSchema, output: SessionStatusSchema, access: 'public' }),
} as const;
