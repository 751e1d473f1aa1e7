import { z } from 'zod';
import { RefusalParamsSchema, RefusalReasonSchema } from './refusals';

/** Inputs of channels that take no arguments: an empty object, nothing more. */
export const EmptyInput = z.object({}).strict();

/** The roles a user can hold; access rules per role grow with later features. */
export const ROLES = ['administrator', 'team_lead', 'caseworker', 'auditor'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Login names: short, ASCII, no spaces, so they are easy to type on any keyboard. */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, { message: 'username_too_short' })
  .max(64, { message: 'username_too_long' })
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'username_format' });

export const PASSPHRASE_MIN_LENGTH = 12;

/** A new passphrase: long enough to resist guessing; strength beyond length is a hint, not a rule. */
export const NewPassphraseSchema = z.string().min(PASSPHRASE_MIN_LENGTH, { message: 'passphrase_too_short' }).max(1024, { message: 'passphrase_too_long' });

/** A passphrase being checked: any non-empty string of sane length. */
export const PassphraseSchema = z.string().min(1, { message: 'required' }).max(1024, { message: 'passphrase_too_long' });

export const DisplayNameSchema = z.string().trim().min(1, { message: 'required' }).max(120, { message: 'text_too_long' });

export const TeamNameSchema = z.string().trim().min(1, { message: 'required' }).max(120, { message: 'text_too_long' });

export const IsoDateTimeSchema = z.string().max(40);

/** Error codes that cross the API boundary; the renderer translates each. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'not_set_up',
  'already_set_up',
  'locked',
  'forbidden',
  'wrong_credentials',
  'wrong_recovery_key',
  'too_many_attempts',
  'user_exists',
  'not_found',
  'last_administrator',
  'database_from_future',
  'database_damaged',
  'weak_key_settings',
  /** A workflow refused the change; the message says why and what is allowed. */
  'not_allowed',
  /** A warning was overridden without the written reason it needs. */
  'reason_required',
  /** A housing-chain step overlaps another that is not marked parallel. */
  'overlap',
  /** A protected field was sent for a case whose protected fields this session has not revealed. */
  'reveal_required',
  /** The disk holding the data folder is full: nothing more can be written until space is freed. */
  'disk_full',
  /** A backup's copy of the key file is damaged: restoring it would lock users out. */
  'backup_keyfile_damaged',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

/** The one error shape every channel answers with. */
export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  issues: z.array(ApiIssueSchema).optional(),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  /** With disk_full: the free space Fristad needs on that disk, and what is free now when known. */
  neededBytes: z.number().int().nonnegative().optional(),
  freeBytes: z.number().int().nonnegative().optional(),
  /** Why, as a key the renderer says in the user's language; `message` is English for developers. */
  reason: RefusalReasonSchema.optional(),
  params: RefusalParamsSchema.optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type ApiResult<T> = { ok: true; result: T } | { ok: false; error: ApiError };
