import { z } from 'zod';
import { IsoDateSchema } from './casework-common';
import { EmptyInput } from './common';
import { channel } from './channel-access';
import { REPORTERS } from './roles';

export const REPORT_PERIOD_KINDS = ['year', 'tertial', 'quarter', 'custom'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

/** The lowest suppression threshold the app accepts, whatever the setting says. */
export const REPORT_THRESHOLD_MIN = 3;
export const REPORT_THRESHOLD_DEFAULT = 5;
/** A custom period may span at most this many days (about five years). */
export const REPORT_CUSTOM_MAX_DAYS = 1830;

const YearSchema = z
  .number({ message: 'number_required' })
  .int({ message: 'number_required' })
  .min(2000, { message: 'year_range' })
  .max(2100, { message: 'year_range' });

/**
 * The period a report covers: a calendar year, a tertial (four months, 1–3), a quarter (1–4), or
 * custom dates (inclusive). The previous period is the one of the same kind and length just before.
 */
export const ReportPeriodSchema = z
  .object({
    kind: z.enum(REPORT_PERIOD_KINDS),
    year: YearSchema.optional(),
    index: z.number().int().min(1).max(4).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (message: string, path: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
    if (p.kind === 'custom') {
      if (p.from === undefined) issue('required', 'from');
      if (p.to === undefined) issue('required', 'to');
      if (p.year !== undefined || p.index !== undefined) issue('period_fields', 'kind');
      if (p.from !== undefined && p.to !== undefined) {
        if (p.from > p.to) issue('period_order', 'to');
        else if ((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000 + 1 > REPORT_CUSTOM_MAX_DAYS)
          issue('period_too_long', 'to');
      }
      return;
    }
    if (p.from !== undefined || p.to !== undefined) issue('period_fields', 'kind');
    if (p.year === undefined) issue('required', 'year');
    if (p.kind === 'year' && p.index !== undefined) issue('period_fields', 'index');
    if (p.kind === 'tertial' && (p.index === undefined || p.index > 3)) issue('period_index', 'index');
    if (p.kind === 'quarter' && p.index === undefined) issue('period_index', 'index');
  });
export type ReportPeriod = z.output<typeof ReportPeriodSchema>;

export const ReportInputSchema = z
  .object({
    period: ReportPeriodSchema,
    /** Districts (slugs) in scope; empty means the whole team, including cases without a district. */
    districtSlugs: z
      .array(z.string().trim().min(1).max(64))
      .max(50, { message: 'too_many' })
      .refine((s) => new Set(s).size === s.length, { message: 'duplicate' }),
  })
  .strict();
export type ReportInput = z.input<typeof ReportInputSchema>;

/**
 * One figure of a table. A count under the threshold (and any cell hidden so that it cannot be
 * recomputed) is `suppressed`, shown as "<threshold". A measure over too few cases has value null.
 */
export const ReportCellSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), value: z.number().int().min(0) }),
  z.object({ kind: z.literal('suppressed') }),
  z.object({ kind: z.literal('measure'), value: z.number().nullable(), unit: z.enum(['days', 'sek']) }),
]);
export type ReportCell = z.infer<typeof ReportCellSchema>;

export const ReportColumnSchema = z.object({ key: z.string(), labelKey: z.string() });
export type ReportColumn = z.infer<typeof ReportColumnSchema>;

/** A row: its label is an i18n key, or a reference name (a municipality's) — never personal data. */
export const ReportRowSchema = z.object({
  key: z.string(),
  labelKey: z.string().optional(),
  label: z.string().optional(),
  /** The row of column totals. */
  total: z.boolean().optional(),
  cells: z.array(ReportCellSchema),
});
export type ReportRow = z.infer<typeof ReportRowSchema>;

export const ReportTableSchema = z.object({
  id: z.string(),
  /** Which period the figures are for; every table comes once for each. */
  period: z.enum(['current', 'previous']),
  titleKey: z.string(),
  columns: z.array(ReportColumnSchema),
  rows: z.array(ReportRowSchema),
  /** The key of the column that holds row totals, when there is one. */
  totalColumnKey: z.string().optional(),
});
export type ReportTable = z.infer<typeof ReportTableSchema>;

export const ReportSchema = z.object({
  period: z.object({ kind: z.enum(REPORT_PERIOD_KINDS), from: z.string(), to: z.string(), previousFrom: z.string(), previousTo: z.string() }),
  /** Empty: the whole team. */
  districtSlugs: z.array(z.string()),
  threshold: z.number().int(),
  generatedOn: z.string(),
  tables: z.array(ReportTableSchema),
});
export type Report = z.infer<typeof ReportSchema>;

export const REPORT_EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];
export const REPORT_EXPORT_MAX_LABELS = 2000;

/**
 * Export a report to a file. The worker regenerates the report (figures from the renderer are
 * never trusted); the renderer sends only the translated texts for the label keys, which the
 * worker cannot read (the i18n tables live in the renderer).
 */
export const ReportExportInputSchema = z
  .object({
    ...ReportInputSchema.shape,
    format: z.enum(REPORT_EXPORT_FORMATS),
    language: z.enum(['sv', 'en']),
    labels: z.record(z.string().min(1).max(200), z.string().max(300)).refine((r) => Object.keys(r).length <= REPORT_EXPORT_MAX_LABELS, { message: 'too_many' }),
  })
  .strict();
export type ReportExportInput = z.input<typeof ReportExportInputSchema>;

export const ReportExportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  /** The line naming the log chain head at the export, as the file has it; a host that makes its own PDF stamps it on. */
  chainHeadLine: z.string().optional(),
});
export type ReportExportFile = z.infer<typeof ReportExportFileSchema>;

/** Whether a report will read on two threads: the second reader's connection is open. */
export const ReportPrepareSchema = z.object({ ready: z.boolean() });

export const reportsChannels = {
  // Asked when the reports view opens, so the first report does not wait for the second reader.
  'reports:prepare': channel({ input: EmptyInput, output: ReportPrepareSchema, access: REPORTERS }),
  'reports:generate': channel({ input: ReportInputSchema, output: ReportSchema, access: REPORTERS }),
  'reports:export': channel({ input: ReportExportInputSchema, output: ReportExportFileSchema, access: REPORTERS }),
} as const;
