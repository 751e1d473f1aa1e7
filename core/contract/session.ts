import { z } from 'zod';
import { DisplayNameSchema, EmptyInput, IsoDateTimeSchema, NewPassphraseSchema, PassphraseSchema, RoleSchema, TeamNameSchema, UsernameSchema } from './common';
import { channel } from './channel-access';
import { ADMIN } from './roles';

export const SessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/**
 * The database's audit chain is older than the head witnessed outside the data folder (files put
 * back), has another history at the witnessed sequence, or the witness itself failed its signature.
 */
export const RollbackWarningSchema = z.object({
  kind: z.enum(['older', 'different', 'tampered']),
  /** The witnessed head; null when the witness could not be trusted. */
  witnessedSequence: z.number().int().nullable(),
  witnessedHash: z.string().nullable(),
  witnessedAt: IsoDateTimeSchema.nullable(),
  /** The head the database had when it was opened. */
  foundSequence: z.number().int(),
  detectedAt: IsoDateTimeSchema,
});
export type RollbackWarning = z.infer<typeof RollbackWarningSchema>;

/** What the app is showing: first run, locked, or unlocked as a user. */
export const SessionStatusSchema = z.object({
  state: z.enum(['new', 'locked', 'unlocked']),
  demo: z.boolean(),
  user: SessionUserSchema.nullable(),
  teamName: z.string().nullable(),
  idleLockMinutes: z.number().int().nullable(),
  /** Seconds before the next unlock attempt is accepted (after repeated failures). */
  retryAfterSeconds: z.number().int().nonnegative(),
  /** The fictional demo login, present only while the demo database is open: not a secret. */
  demoLogin: z.object({ username: z.string(), passphrase: z.string() }).nullable(),
  /** The database file was found damaged: the unlock screen offers to restore a backup. */
  damaged: z.boolean().optional(),
  /** Shown after unlock until an administrator acknowledges it (session:acknowledge-rollback). */
  rollbackWarning: RollbackWarningSchema.nullable().optional(),
});
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

export const SetupInputSchema = z
  .object({
    teamName: TeamNameSchema,
    username: UsernameSchema,
    displayName: DisplayNameSchema,
    passphrase: NewPassphraseSchema,
  })
  .strict();
export type SetupInput = z.infer<typeof SetupInputSchema>;

export const SetupResultSchema = z.object({
  /** The organisation recovery key, shown once and never stored in clear. */
  recoveryKey: z.string(),
  status: SessionStatusSchema,
});

export const UnlockInputSchema = z
  .object({
    username: UsernameSchema,
    passphrase: PassphraseSchema,
  })
  .strict();

export const ChangePassphraseInputSchema = z
  .object({
    currentPassphrase: PassphraseSchema,
    newPassphrase: NewPassphraseSchema,
  })
  .strict();

export const RecoverInputSchema = z
  .object({
    recoveryKey: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'text_too_long' }),
    username: UsernameSchema,
    newPassphrase: NewPassphraseSchema,
  })
  .strict();

export const DemoResultSchema = z.object({
  username: z.string(),
  passphrase: z.string(),
  status: SessionStatusSchema,
});

export const OkSchema = z.object({ ok: z.literal(true) });

export const sessionChannels = {
  'session:status': channel({ input: EmptyInput, output: SessionStatusSchema, access: 'public' }),
  'session:setup': channel({ input: SetupInputSchema, output: SetupResultSchema, access: 'public' }),
  'session:unlock': channel({ input: UnlockInputSchema, output: SessionStatusSchema, access: 'public' }),
  'session:lock': channel({ input: EmptyInput, output: SessionStatusSchema, access: 'public' }),
  'session:change-passphrase': channel({ input: ChangePassphraseInputSchema, output: OkSchema, access: 'unlocked' }),
  'session:recover': channel({ input: RecoverInputSchema, output: SessionStatusSchema, access: 'public' }),
  'session:open-demo': channel({ input: EmptyInput, output: DemoResultSchema, access: 'public' }),
  'session:leave-demo': channel({ input: EmptyInput, output: SessionStatusSchema, access: 'public' }),
  'session:acknowledge-rollback': channel({ input: EmptyInput, output: SessionStatusSchema, access: ADMIN }),
} as const;

export { IsoDateTimeSchema };
