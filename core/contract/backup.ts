import { z } from 'zod';
import { EmptyInput, IsoDateTimeSchema } from './common';
import { RefusalReasonSchema } from './refusals';
import { SessionStatusSchema } from './session';
import { channel } from './channel-access';
import { ADMIN } from './roles';

/** How many backups are kept by default: one a day for a week. */
export const BACKUP_KEEP_DEFAULT = 7;
export const BACKUP_KEEP_MAX = 365;

/** `fristad-YYYYMMDD-HHMMSS.fbak`, the time in UTC; nothing else in a backup folder is touched. */
export const BACKUP_FILE_PATTERN = /^fristad-\d{8}-\d{6}\.fbak$/;

export const BackupFileNameSchema = z.string().regex(BACKUP_FILE_PATTERN, { message: 'backup_file_name' });

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
  /** Why it failed, for the user's catalogue; `message` is English for developers. */
  reason: RefusalReasonSchema.optional(),
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

export const BackupFolderSchema = z.string().trim().min(1, { message: 'required' }).max(1000, { message: 'text_too_long' });

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

/** The automatic backup running on its own thread, and the last automatic result. */
export const BackupProgressSchema = z.object({
  running: z
    .object({
      startedAt: IsoDateTimeSchema,
      phase: z.enum(['copying', 'verifying']),
      percent: z.number().int().min(0).max(100),
    })
    .nullable(),
  lastAutomatic: AutomaticBackupResultSchema.nullable(),
});
export type BackupProgress = z.infer<typeof BackupProgressSchema>;

/**
 * Files a backup, restore, set-up or upgrade left behind: a database-sized copy before a restore
 * (with its key file), a database from a set-up that did not finish, a copy from before a schema
 * upgrade, and temporary files of a backup that was stopped.
 */
export const LeftoverKindSchema = z.enum(['before_restore', 'orphan', 'pre_migration', 'backup_temp']);
export type LeftoverKind = z.infer<typeof LeftoverKindSchema>;

export const LeftoverSchema = z.object({
  /** The name the worker lists it by (a file name, never a path); removing it removes its group. */
  name: z.string(),
  kind: LeftoverKindSchema,
  place: z.enum(['data_folder', 'backup_folder']),
  /** How many files it groups (a before-restore copy: the database, its -wal/-shm and the key file). */
  files: z.number().int().positive(),
  sizeBytes: z.number().int().nonnegative(),
  modifiedAt: IsoDateTimeSchema,
});
export type Leftover = z.infer<typeof LeftoverSchema>;

/** A file name only: no folder separators; the worker resolves it from its own listing. */
export const LeftoverNameSchema = z
  .string()
  .min(1, { message: 'required' })
  .max(255, { message: 'text_too_long' })
  .regex(/^[^/\\]+$/, { message: 'leftover_name' });

export const RemoveLeftoverInputSchema = z
  .object({
    name: LeftoverNameSchema,
    /** Required for a copy from before a restore: the administrator has confirmed the restored data. */
    restoredDataConfirmed: z.boolean().optional(),
  })
  .strict();

export const backupChannels = {
  'backup:status': channel({ input: EmptyInput, output: BackupStatusSchema, access: ADMIN }),
  'backup:create': channel({ input: CreateBackupInputSchema, output: BackupEntrySchema, access: ADMIN }),
  'backup:settings': channel({ input: BackupSettingsInputSchema, output: BackupStatusSchema, access: ADMIN }),
  'backup:verify': channel({ input: BackupFileInputSchema, output: BackupVerifyResultSchema, access: ADMIN }),
  /** Afterwards the app is locked: unlock again with a passphrase that was valid when the backup was made. */
  'backup:restore': channel({ input: BackupFileInputSchema, output: SessionStatusSchema, access: ADMIN }),
  'backup:progress': channel({ input: EmptyInput, output: BackupProgressSchema, access: ADMIN }),
  'backup:leftovers': channel({ input: EmptyInput, output: z.array(LeftoverSchema), access: ADMIN }),
  /** Answers the leftovers that remain. */
  'backup:remove-leftover': channel({ input: RemoveLeftoverInputSchema, output: z.array(LeftoverSchema), access: ADMIN }),
} as const;
