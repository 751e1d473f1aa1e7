import { z } from 'zod';
import { EmptyInput, IsoDateTimeSchema } from './common';
import { SessionStatusSchema } from './session';

/** How many backups are kept by default: one a day for a week. */
export const BACKUP_KEEP_DEFAULT = 7;
export const BACKUP_KEEP_MAX = 365;

/** `fristad-YYYYMMDD-HHMMSS.fbak`, the time in UTC; nothing else in a backup folder is touched. */
export const BACKUP_FILE_PATTERN = /^fristad-\d{8}-\d{6}\.fbak$/;

export const BackupFileNameSchema = z
  .string()
  .regex(BACKUP_FILE_PATTERN, { message: 'backup_file_name' });

export const AuditHeadSchema = z.object({ sequence: z.number().int().nonnegative(), hash: z.string() });
export type AuditHead = z.infer<typeof AuditHeadSchema>;

export const BackupEntrySchema = z.object({
  fileName: z.string(),
  createdAt: IsoDateTimeSchema,
  sizeBytes: z.number().int().nonnegative(),
  /** The audit chain's last row inside the backup: a restored log shorter than this was cut. */
  auditHead: AuditHeadSchema,
});
export type BackupEntry = z.infer<typeof BackupEntrySchema>;

/** The result of the last automatic (daily) backup; the message is the app's own, never data. */
export const AutomaticBackupResultSchema = z.object({
  at: IsoDateTimeSchema,
  ok: z.boolean(),
  fileName: z.string().nullable(),
  message: z.string().nullable(),
});
export type AutomaticBackupResult = z.infer<typeof AutomaticBackupResultSchema>;

export const BackupStatusSchema = z.object({
  folder: z.string(),
  keep: z.number().int(),
  lastBackupAt: IsoDateTimeSchema.nullable(),
  /** Newest first. */
  backups: z.array(BackupEntrySchema),
  lastAutomatic: AutomaticBackupResultSchema.nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

export const BackupFolderSchema = z
  .string()
  .trim()
  .min(1, { message: 'required' })
  .max(1000, { message: 'text_too_long' });

export const BackupKeepSchema = z
  .number({ message: 'number_required' })
  .int({ message: 'number_required' })
  .min(1, { message: 'backup_keep_range' })
  .max(BACKUP_KEEP_MAX, { message: 'backup_keep_range' });

export const CreateBackupInputSchema = z.object({ folder: BackupFolderSchema.nullable().optional() }).strict();
export const BackupSettingsInputSchema = z.object({ folder: BackupFolderSchema, keep: BackupKeepSchema }).strict();
export const BackupFileInputSchema = z.object({ fileName: BackupFileNameSchema }).strict();

export const BackupVerifyResultSchema = z.object({
  ok: z.literal(true),
  /** Rows in the backup, all tables together. */
  rows: z.number().int().nonnegative(),
  auditHead: AuditHeadSchema,
});
export type BackupVerifyResult = z.infer<typeof BackupVerifyResultSchema>;

export const backupChannels = {
  'backup:status': { input: EmptyInput, output: BackupStatusSchema },
  'backup:create': { input: CreateBackupInputSchema, output: BackupEntrySchema },
  'backup:settings': { input: BackupSettingsInputSchema, output: BackupStatusSchema },
  'backup:verify': { input: BackupFileInputSchema, output: BackupVerifyResultSchema },
  /** Afterwards the app is locked: unlock again with a passphrase that was valid when the backup was made. */
  'backup:restore': { input: BackupFileInputSchema, output: SessionStatusSchema },
} as const;
