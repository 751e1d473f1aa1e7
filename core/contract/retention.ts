import { z } from 'zod';
import { EmptyInput } from './common';
import { text } from './casework-common';
import { channel } from './channel-access';
import { RETENTION_DECIDERS, RETENTION_PREVIEWERS } from './roles';

/** Records are purged this many years after a closed case's last entry unless a setting says otherwise. */
export const RETENTION_YEARS_DEFAULT = 5;
export const RETENTION_YEARS_MIN = 1;
export const RETENTION_YEARS_MAX = 50;
/** Days of the month whose people (dagbarn) are kept for research when the setting is on. */
export const RETENTION_BIRTH_DAYS = [5, 15, 25] as const;

/**
 * Why a case is kept: still open, the municipality keeps everything for research, not due yet,
 * the survivor was born on a kept day, or a team lead decided to keep it.
 */
export const RETENTION_KEEP_REASONS = ['open', 'research_municipality', 'not_due', 'birth_day', 'decided_keep'] as const;
export type RetentionKeepReason = (typeof RETENTION_KEEP_REASONS)[number];

/** Why a due case needs a team lead's decision before it may be purged. */
export const RETENTION_MANUAL_REASONS = ['birth_day_unknown', 'child_placed'] as const;
export type RetentionManualReason = (typeof RETENTION_MANUAL_REASONS)[number];

const CaseNumberSchema = z.string().trim().min(1, { message: 'required' }).max(40, { message: 'text_too_long' });

/** A case that may be purged now. Dates are YYYY-MM-DD; `deadline` is when it must be gone by. */
export const RetentionPurgeItemSchema = z.object({
  caseNumber: z.string(),
  closedAt: z.string().nullable(),
  lastEntryAt: z.string(),
  dueAt: z.string(),
  deadline: z.string(),
  /** Past its deadline: the purge is late. */
  overdue: z.boolean(),
  /** A team lead decided to purge this flagged case. */
  decided: z.boolean(),
});
export type RetentionPurgeItem = z.infer<typeof RetentionPurgeItemSchema>;

/** A due case that waits for a team lead's decision; case number and reasons only. */
export const RetentionManualItemSchema = z.object({
  caseNumber: z.string(),
  reasons: z.array(z.enum(RETENTION_MANUAL_REASONS)),
  lastEntryAt: z.string(),
  dueAt: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
});
export type RetentionManualItem = z.infer<typeof RetentionManualItemSchema>;

export const RetentionRulesSchema = z.object({
  retentionYears: z.number().int(),
  retentionKeepBirthDays: z.boolean(),
  researchMunicipality: z.boolean(),
});
export type RetentionRules = z.infer<typeof RetentionRulesSchema>;

const Count = z.number().int().min(0);

/** What a purge would delete today, what needs a decision, and how many are kept and why. Never a name. */
export const RetentionPreviewSchema = z.object({
  generatedAt: z.string(),
  /** The local date the rules were applied to. */
  today: z.string(),
  rules: RetentionRulesSchema,
  purge: z.array(RetentionPurgeItemSchema),
  manual: z.array(RetentionManualItemSchema),
  kept: z.object({
    open: Count,
    research_municipality: Count,
    not_due: Count,
    birth_day: Count,
    decided_keep: Count,
  }) satisfies z.ZodType<Record<RetentionKeepReason, number>>,
});
export type RetentionPreview = z.infer<typeof RetentionPreviewSchema>;

/** A team lead's decision on a flagged case; the comment stays with the case and goes when it is purged. */
export const RetentionDecideInputSchema = z
  .object({
    caseNumber: CaseNumberSchema,
    decision: z.enum(['purge', 'keep']),
    comment: text(500),
  })
  .strict();
export type RetentionDecideInput = z.input<typeof RetentionDecideInputSchema>;

/** The most cases one purge may name; far more than a team closes in a year. */
export const RETENTION_PURGE_MAX = 50_000;

/** The purge a team lead confirmed: exactly the case numbers of the current preview. */
export const RetentionPurgeInputSchema = z
  .object({
    caseNumbers: z
      .array(CaseNumberSchema)
      .min(1, { message: 'required' })
      .max(RETENTION_PURGE_MAX, { message: 'too_many' })
      .refine((s) => new Set(s).size === s.length, { message: 'duplicate' }),
    confirm: z.literal(true),
  })
  .strict();
export type RetentionPurgeInput = z.input<typeof RetentionPurgeInputSchema>;

export const RetentionPurgeResultSchema = z.object({
  purged: z.number().int().min(0),
  /** False when the cases are deleted but compacting the file (VACUUM) failed; the next purge compacts again. */
  compacted: z.boolean(),
});
export type RetentionPurgeResult = z.infer<typeof RetentionPurgeResultSchema>;

export const retentionChannels = {
  'retention:preview': channel({ input: EmptyInput, output: RetentionPreviewSchema, access: RETENTION_PREVIEWERS }),
  'retention:decide': channel({ input: RetentionDecideInputSchema, output: RetentionPreviewSchema, access: RETENTION_DECIDERS }),
  'retention:purge': channel({ input: RetentionPurgeInputSchema, output: RetentionPurgeResultSchema, access: RETENTION_DECIDERS }),
} as const;
