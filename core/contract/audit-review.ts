import { z } from 'zod';
import { IdSchema, IsoDateSchema, text } from './casework-common';
import { EmptyInput } from './common';
import { caseChannel, channel } from './channel-access';
import { CASEWORK, LOG_REVIEWERS } from './roles';

/** Every action the audit log records (db/repositories/audit-log.ts AuditAction has the same list). */
export const AUDIT_ACTIONS = [
  'read',
  'export',
  'create',
  'update',
  'disable',
  'setup',
  'unlock',
  'failed_unlock',
  'lock',
  'change_passphrase',
  'recover',
  'failed_recover',
  'verify',
  'migrate',
  'delete',
  'sign',
  'close',
  'reopen',
  'transition',
  'backup',
  'restore',
  'print',
  'reveal',
  'share',
  'unshare',
  'review',
  'purge',
  'rollback_detected',
  'acknowledge',
] as const;
export type AuditActionName = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;

/** Rows per page of a log search, and the most a sample may draw. */
export const AUDIT_PAGE_MAX = 500;
export const AUDIT_SAMPLE_DEFAULT = 20;
export const AUDIT_SAMPLE_MAX = 500;

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month_format' });

const periodOk = (p: { from?: string | undefined; to?: string | undefined }) => p.from === undefined || p.to === undefined || p.from <= p.to;
const PERIOD_ISSUE = { message: 'period_order', path: ['to'] };

/** What a reviewer filters the log by; dates are local calendar days, both ends included. */
export const AuditFiltersSchema = z
  .object({
    userId: IdSchema.optional(),
    caseId: IdSchema.optional(),
    caseNumber: z.string().trim().min(1, { message: 'required' }).max(64, { message: 'text_too_long' }).optional(),
    actions: z.array(z.enum(AUDIT_ACTIONS)).max(AUDIT_ACTIONS.length).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    /** true: only rows already marked reviewed; false: only rows not yet marked. */
    reviewed: z.boolean().optional(),
  })
  .strict();
export type AuditFilters = z.output<typeof AuditFiltersSchema>;

const PageFields = {
  /** Cursor: only rows with a lower sequence number (the previous page's `nextBefore`). */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
};

export const AuditSearchInputSchema = AuditFiltersSchema.extend(PageFields)
  .strict()
  .refine(periodOk, PERIOD_ISSUE)
  .refine((f) => f.caseId === undefined || f.caseNumber === undefined, { message: 'case_twice', path: ['caseNumber'] });
export type AuditSearchInput = z.input<typeof AuditSearchInputSchema>;

export const AuditProtectedInputSchema = z
  .object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional(), reviewed: z.boolean().optional(), ...PageFields })
  .strict()
  .refine(periodOk, PERIOD_ISSUE);
export type AuditProtectedInput = z.input<typeof AuditProtectedInputSchema>;

export const AuditSampleInputSchema = z
  .object({ month: MonthSchema, size: z.number().int().min(1).max(AUDIT_SAMPLE_MAX).default(AUDIT_SAMPLE_DEFAULT) })
  .strict();
export type AuditSampleInput = z.input<typeof AuditSampleInputSchema>;

export const AuditReviewSchema = z.object({
  by: z.object({ id: z.number().int(), displayName: z.string() }),
  at: z.string(),
  comment: z.string(),
});
export type AuditReview = z.infer<typeof AuditReviewSchema>;

/** One audit row as a reviewer sees it: who, as what, when, which action on which thing; never content. */
export const AuditRowSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  user: z.object({ id: z.number().int(), displayName: z.string(), username: z.string() }).nullable(),
  role: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  caseId: z.number().int().nullable(),
  /** Null when the row concerns no case, or its case has been purged. */
  caseNumber: z.string().nullable(),
  /** The case's protection level now ('none' when unprotected); null without a case. */
  protectionLevel: z.string().nullable(),
  outcome: z.string(),
  /** The user's written reason for a reveal or an override. */
  reason: z.string().nullable(),
  review: AuditReviewSchema.nullable(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

export const AuditPageSchema = z.object({ rows: z.array(AuditRowSchema), nextBefore: z.number().int().nullable() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditSampleSchema = z.object({
  month: z.string(),
  size: z.number().int(),
  /** How many case reads the month holds, the population the sample is drawn from. */
  population: z.number().int(),
  rows: z.array(AuditRowSchema),
});
export type AuditSample = z.infer<typeof AuditSampleSchema>;

export const AuditMarkReviewedInputSchema = z
  .object({
    seqs: z
      .array(z.number().int().positive())
      .min(1, { message: 'required' })
      .max(AUDIT_PAGE_MAX)
      .refine((s) => new Set(s).size === s.length, { message: 'duplicate' }),
    comment: text(1000),
  })
  .strict();
export type AuditMarkReviewedInput = z.input<typeof AuditMarkReviewedInputSchema>;

export const AuditUserSchema = z.object({ id: z.number().int(), displayName: z.string(), username: z.string(), role: z.string(), disabled: z.boolean() });
export type AuditUser = z.infer<typeof AuditUserSchema>;

export const AUDIT_EXPORT_FORMATS = ['csv', 'pdf'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];
const ExportFields = { format: z.enum(AUDIT_EXPORT_FORMATS), language: z.enum(['sv', 'en']) };

/** The rows a review export holds: the same choice as on screen (a search, a month's sample, or protected-case access). */
export const AuditExportInputSchema = z.discriminatedUnion('view', [
  z
    .object({ view: z.literal('search'), filters: AuditFiltersSchema, ...ExportFields })
    .strict()
    .refine((i) => periodOk(i.filters), { message: 'period_order', path: ['filters', 'to'] })
    .refine((i) => i.filters.caseId === undefined || i.filters.caseNumber === undefined, { message: 'case_twice', path: ['filters', 'caseNumber'] }),
  z
    .object({
      view: z.literal('sample'),
      month: MonthSchema,
      size: z.number().int().min(1).max(AUDIT_SAMPLE_MAX).default(AUDIT_SAMPLE_DEFAULT),
      ...ExportFields,
    })
    .strict(),
  z
    .object({ view: z.literal('protected'), from: IsoDateSchema.optional(), to: IsoDateSchema.optional(), reviewed: z.boolean().optional(), ...ExportFields })
    .strict()
    .refine(periodOk, PERIOD_ISSUE),
]);
export type AuditExportInput = z.input<typeof AuditExportInputSchema>;

export const AuditFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
export type AuditFile = z.infer<typeof AuditFileSchema>;

export const ChainHeadSchema = z.object({ seq: z.number().int(), hash: z.string() });
export type ChainHead = z.infer<typeof ChainHeadSchema>;

/** One line of a case's log extract: who did what to the case, when; never content. */
export const CaseLogEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  /** Display name only: the survivor learns who, not the user's login. Null for a system row. */
  userName: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  outcome: z.string(),
  /** Only for reveals: the worker's written justification for seeing the protected identity. */
  reason: z.string().nullable(),
});
export type CaseLogEntry = z.infer<typeof CaseLogEntrySchema>;

export const CaseLogExtractSchema = z.object({
  caseId: z.number().int(),
  caseNumber: z.string(),
  generatedAt: z.string(),
  chainHead: ChainHeadSchema.nullable(),
  entries: z.array(CaseLogEntrySchema),
});
export type CaseLogExtract = z.infer<typeof CaseLogExtractSchema>;

export const CaseExtractInputSchema = z.object({ caseId: IdSchema }).strict();
export const CaseExtractExportInputSchema = z.object({ caseId: IdSchema, ...ExportFields }).strict();
export type CaseExtractExportInput = z.input<typeof CaseExtractExportInputSchema>;

/** What is printed: the renderer says so just before it opens the print dialog. */
export const PRINT_ENTITIES = ['report', 'case_log_extract', 'audit_review', 'recovery_key'] as const;
export const RecordPrintInputSchema = z
  .object({
    entity: z.enum(PRINT_ENTITIES),
    entityId: z.string().trim().max(100).optional(),
    caseId: IdSchema.optional(),
  })
  .strict();
export type RecordPrintInput = z.input<typeof RecordPrintInputSchema>;

export const auditReviewChannels = {
  'audit:users': channel({ input: EmptyInput, output: z.array(AuditUserSchema), access: LOG_REVIEWERS }),
  'audit:search': channel({ input: AuditSearchInputSchema, output: AuditPageSchema, access: LOG_REVIEWERS }),
  'audit:sample': channel({ input: AuditSampleInputSchema, output: AuditSampleSchema, access: LOG_REVIEWERS }),
  'audit:protected-access': channel({ input: AuditProtectedInputSchema, output: AuditPageSchema, access: LOG_REVIEWERS }),
  'audit:mark-reviewed': channel({ input: AuditMarkReviewedInputSchema, output: z.object({ marked: z.number().int() }), access: LOG_REVIEWERS }),
  'audit:export': channel({ input: AuditExportInputSchema, output: AuditFileSchema, access: LOG_REVIEWERS }),
  'audit:case-extract': caseChannel({ input: CaseExtractInputSchema, output: CaseLogExtractSchema, access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'audit:case-extract-export': caseChannel({
    input: CaseExtractExportInputSchema,
    output: AuditFileSchema,
    access: CASEWORK,
    caseScope: (i) => ({ case: i.caseId }),
  }),
  'audit:record-print': channel({ input: RecordPrintInputSchema, output: z.object({ ok: z.literal(true) }), access: 'unlocked' }),
} as const;
