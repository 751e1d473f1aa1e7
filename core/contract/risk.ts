import { z } from 'zod';
import { EmptyInput } from './common';
import { ByCaseInput, ByIdInput, IdSchema, IsoDateSchema, text } from './casework-common';
import { INSTRUMENT_FILE_MAX_CHARS } from './request-size';
import { caseChannel, channel } from './channel-access';
import { CASEWORK, INSTRUMENT_ADMINS, INSTRUMENT_READERS } from './roles';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RiskLevelSchema = z.enum(RISK_LEVELS);

/** Text in one or more languages; the app shows the user's language, else the first given. */
export const LocalizedTextSchema = z
  .object({ sv: z.string().trim().min(1).max(2000).optional(), en: z.string().trim().min(1).max(2000).optional() })
  .strict()
  .refine((t) => t.sv !== undefined || t.en !== undefined, { message: 'text_missing_language' });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

const TemplateId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'template_id_format' });
const ItemId = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, { message: 'item_id_format' });

export const ITEM_KINDS = ['yes_no_unknown', 'scale', 'text'] as const;

export const ScaleOptionSchema = z.object({ value: ItemId, label: LocalizedTextSchema, score: z.number().min(0).max(100).optional() }).strict();

export const TemplateItemSchema = z
  .object({
    id: ItemId,
    kind: z.enum(ITEM_KINDS),
    label: LocalizedTextSchema,
    help: LocalizedTextSchema.optional(),
    /** Answered once for each known perpetrator (honour contexts with several perpetrators). */
    perPerpetrator: z.boolean(),
    /** Optional weight used only for the supporting summary, never for the judgement. */
    weight: z.number().min(0).max(10).optional(),
    options: z.array(ScaleOptionSchema).min(2).max(10).optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.kind === 'scale' && !item.options) ctx.addIssue({ code: 'custom', message: 'scale_needs_options', path: ['options'] });
    if (item.kind !== 'scale' && item.options) ctx.addIssue({ code: 'custom', message: 'options_only_for_scale', path: ['options'] });
  });
export type TemplateItem = z.infer<typeof TemplateItemSchema>;

export const OUTPUT_KINDS = ['level', 'text'] as const;

export const OutputFieldSchema = z
  .object({
    id: ItemId,
    kind: z.enum(OUTPUT_KINDS),
    label: LocalizedTextSchema,
    help: LocalizedTextSchema.optional(),
    /** The level shown in the case header and used for the review date; one level output may carry it. */
    headline: z.boolean().optional(),
  })
  .strict();
export type OutputField = z.infer<typeof OutputFieldSchema>;

/** An instrument template: data, not code. Wording is ours or an organisation's licensed wording. */
export const RiskTemplateSchema = z
  .object({
    format: z.literal('fristad-risk-instrument'),
    id: TemplateId,
    version: z.string().regex(/^\d{1,4}(\.\d{1,4}){0,2}$/, { message: 'version_format' }),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    /** Whom it assesses: the adult survivor's situation, or one child's. */
    target: z.enum(['adult', 'child']),
    sections: z
      .array(z.object({ id: ItemId, title: LocalizedTextSchema, items: z.array(TemplateItemSchema).min(1).max(100) }).strict())
      .min(1)
      .max(30),
    outputs: z.array(OutputFieldSchema).min(1).max(20),
  })
  .strict()
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    t.sections.forEach((s, si) =>
      s.items.forEach((item, ii) => {
        if (ids.has(item.id)) ctx.addIssue({ code: 'custom', message: 'duplicate_item_id', path: ['sections', si, 'items', ii, 'id'] });
        ids.add(item.id);
      }),
    );
    const outputIds = new Set<string>();
    t.outputs.forEach((o, oi) => {
      if (outputIds.has(o.id)) ctx.addIssue({ code: 'custom', message: 'duplicate_output_id', path: ['outputs', oi, 'id'] });
      outputIds.add(o.id);
      if (o.headline && o.kind !== 'level') ctx.addIssue({ code: 'custom', message: 'headline_must_be_level', path: ['outputs', oi, 'headline'] });
    });
    if (!t.outputs.some((o) => o.kind === 'level')) ctx.addIssue({ code: 'custom', message: 'needs_level_output', path: ['outputs'] });
    if (t.outputs.filter((o) => o.headline).length > 1) ctx.addIssue({ code: 'custom', message: 'one_headline_only', path: ['outputs'] });
  });
export type RiskTemplate = z.infer<typeof RiskTemplateSchema>;

export const InstrumentSummarySchema = z.object({
  templateId: z.string(),
  version: z.string(),
  title: LocalizedTextSchema,
  target: z.enum(['adult', 'child']),
  source: z.enum(['builtin', 'imported']),
  /** The newest version of this template: new assessments start on it. */
  latest: z.boolean(),
});
export type InstrumentSummary = z.infer<typeof InstrumentSummarySchema>;

export const AnswerSchema = z
  .object({
    itemId: ItemId,
    /** Set for items answered per perpetrator. */
    perpetratorId: IdSchema.nullable(),
    /** 'yes' | 'no' | 'unknown', a scale option's value, or free text. */
    value: text(4000),
  })
  .strict();
export type Answer = z.infer<typeof AnswerSchema>;

export const JudgementSchema = z
  .object({
    outputId: ItemId,
    level: RiskLevelSchema.nullable(),
    text: text(4000),
    reason: text(4000),
  })
  .strict();
export type Judgement = z.infer<typeof JudgementSchema>;

export const AssessmentSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  childId: z.number().int().nullable(),
  childName: z.string().nullable(),
  templateId: z.string(),
  templateVersion: z.string(),
  templateTitle: LocalizedTextSchema,
  status: z.enum(['draft', 'completed']),
  startedAt: z.string(),
  startedByName: z.string(),
  completedAt: z.string().nullable(),
  completedByName: z.string().nullable(),
  copiedFromId: z.number().int().nullable(),
  answers: z.array(AnswerSchema),
  judgements: z.array(JudgementSchema),
  /** The survivor's own view of her risk, in her words, recorded apart from the judgement. */
  survivorView: z.string(),
  headlineLevel: RiskLevelSchema.nullable(),
  nextReviewDate: z.string().nullable(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const AssessmentSummarySchema = AssessmentSchema.omit({ answers: true, judgements: true }).extend({
  levels: z.array(z.object({ outputId: z.string(), label: LocalizedTextSchema, level: RiskLevelSchema.nullable() })),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const StartAssessmentInputSchema = z
  .object({
    caseId: IdSchema,
    childId: IdSchema.nullable(),
    templateId: TemplateId,
    /** Start as a copy of an earlier assessment of the same person (answers and judgements copied, reasons kept). */
    copyFromId: IdSchema.nullable(),
  })
  .strict();

export const SaveDraftInputSchema = z
  .object({
    id: IdSchema,
    answers: z.array(AnswerSchema).max(2000),
    judgements: z.array(JudgementSchema).max(50),
    survivorView: text(4000),
    nextReviewDate: IsoDateSchema.nullable(),
  })
  .strict();

export const CompareResultSchema = z.object({
  left: AssessmentSummarySchema,
  right: AssessmentSummarySchema,
  rows: z.array(
    z.object({
      itemId: z.string(),
      perpetratorId: z.number().int().nullable(),
      label: LocalizedTextSchema,
      left: z.string().nullable(),
      right: z.string().nullable(),
      changed: z.boolean(),
    }),
  ),
  judgements: z.array(
    z.object({ outputId: z.string(), label: LocalizedTextSchema, left: RiskLevelSchema.nullable(), right: RiskLevelSchema.nullable(), changed: z.boolean() }),
  ),
});

export const riskChannels = {
  'risk:instruments': channel({ input: EmptyInput, output: z.array(InstrumentSummarySchema), access: INSTRUMENT_READERS }),
  'risk:instrument': channel({
    input: z.object({ templateId: TemplateId, version: z.string().max(20) }).strict(),
    output: RiskTemplateSchema,
    access: INSTRUMENT_READERS,
  }),
  /** The text of an instrument file chosen by the user; parsed and validated in main. */
  'risk:import-instrument': channel({
    input: z.object({ json: z.string().max(INSTRUMENT_FILE_MAX_CHARS) }).strict(),
    output: InstrumentSummarySchema,
    access: INSTRUMENT_ADMINS,
  }),
  'risk:list': caseChannel({ input: ByCaseInput, output: z.array(AssessmentSummarySchema), access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'risk:get': caseChannel({ input: ByIdInput, output: AssessmentSchema, access: CASEWORK, caseScope: (i) => ({ assessment: i.id }) }),
  'risk:start': caseChannel({ input: StartAssessmentInputSchema, output: AssessmentSchema, access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'risk:save-draft': caseChannel({ input: SaveDraftInputSchema, output: AssessmentSchema, access: CASEWORK, caseScope: (i) => ({ assessment: i.id }) }),
  'risk:complete': caseChannel({ input: ByIdInput, output: AssessmentSchema, access: CASEWORK, caseScope: (i) => ({ assessment: i.id }) }),
  'risk:compare': caseChannel({
    input: z.object({ leftId: IdSchema, rightId: IdSchema }).strict(),
    output: CompareResultSchema,
    access: CASEWORK,
    caseScope: (i) => ({ assessment: i.leftId }),
  }),
} as const;
