import { z } from 'zod';
import { checkPersonalIdentityNumber } from '../rules/personal-identity-number';
import { ByIdInput, IdSchema, IsoDateSchema, requiredText, text } from './casework-common';
import { CaseRevealSchema, maskable } from './protection';
import { caseChannel, channel } from './channel-access';
import { CASEWORK } from './roles';

export const PROTECTION_LEVELS = ['none', 'sekretessmarkering', 'skyddad_folkbokforing', 'fingerade_personuppgifter'] as const;
export const VULNERABILITIES = ['disability', 'hbtqi', 'substance_use', 'economic_violence', 'other'] as const;
export const GENDERS = ['woman', 'man', 'non_binary', 'unknown'] as const;
export const CASE_STATUSES = ['open', 'closed'] as const;
export const RELATIONS = ['partner', 'former_partner', 'parent', 'sibling', 'relative', 'in_law', 'other'] as const;

const currentYear = new Date().getFullYear();
const BirthYearSchema = z
  .number({ message: 'number_required' })
  .int({ message: 'number_required' })
  .min(1900, { message: 'birth_year_range' })
  .max(currentYear, { message: 'birth_year_range' });

/** Optional personal identity number: when given, the check digit must be right. Stored normalised. */
export const PersonalIdentityNumberSchema = z
  .string()
  .trim()
  .max(20, { message: 'pin_invalid' })
  .transform((s, ctx) => {
    if (s === '') return null;
    const r = checkPersonalIdentityNumber(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.reason === 'check_digit' ? 'pin_check_digit' : 'pin_invalid' });
      return z.NEVER;
    }
    return r.normalized;
  })
  .nullable();

export const SurvivorInputSchema = z
  .object({
    name: requiredText(200),
    personalIdentityNumber: PersonalIdentityNumberSchema,
    gender: z.enum(GENDERS),
    birthYear: BirthYearSchema.nullable(),
    language: text(80),
    interpreterNeeded: z.boolean(),
    /** How to reach her without putting her at risk (e.g. "only via the shelter's phone"). */
    safeContact: text(500),
  })
  .strict();
export type SurvivorInput = z.input<typeof SurvivorInputSchema>;

export const ChildInputSchema = z
  .object({
    name: requiredText(200),
    birthYear: BirthYearSchema.nullable(),
    school: text(200),
    needs: text(1000),
    placement: text(300),
  })
  .strict();
export type ChildInput = z.input<typeof ChildInputSchema>;

export const AreaInputSchema = z
  .object({
    municipalityCode: z
      .string()
      .trim()
      .regex(/^\d{4}$/, { message: 'municipality_required' })
      .nullable(),
    districtSlug: z.string().trim().min(1).max(64).nullable(),
    description: text(200),
  })
  .strict()
  .refine((a) => a.municipalityCode !== null || a.districtSlug !== null, { message: 'area_place_required', path: ['municipalityCode'] });
export type AreaInput = z.input<typeof AreaInputSchema>;

export const PerpetratorInputSchema = z
  .object({
    name: text(200),
    relation: z.enum(RELATIONS),
    /** Part of a collective acting together (honour context). */
    collective: z.boolean(),
    notes: text(2000),
    areas: z.array(AreaInputSchema).max(10, { message: 'too_many' }),
  })
  .strict();
export type PerpetratorInput = z.input<typeof PerpetratorInputSchema>;

const CaseFieldsSchema = z.object({
  survivor: SurvivorInputSchema,
  protectionLevel: z.enum(PROTECTION_LEVELS),
  honourContext: z.boolean(),
  vulnerabilities: z
    .array(z.enum(VULNERABILITIES))
    .max(VULNERABILITIES.length)
    .refine((v) => new Set(v).size === v.length, { message: 'duplicate' }),
  vulnerabilityNote: text(500),
  districtSlug: z.string().trim().min(1).max(64).nullable(),
  assignedUserId: IdSchema.nullable(),
});

export const CreateCaseInputSchema = CaseFieldsSchema.extend({
  children: z.array(ChildInputSchema).max(20, { message: 'too_many' }),
  perpetrators: z.array(PerpetratorInputSchema).max(30, { message: 'too_many' }),
}).strict();
export type CreateCaseInput = z.input<typeof CreateCaseInputSchema>;

/**
 * A change to a case. The protected fields (safe contact, district) may be left out: left out
 * means "unchanged", which is how a form saves a case whose protected fields it never saw.
 */
export const UpdateCaseInputSchema = CaseFieldsSchema.extend({
  id: IdSchema,
  survivor: SurvivorInputSchema.extend({ safeContact: text(500).optional() }).strict(),
  districtSlug: z.string().trim().min(1).max(64).nullable().optional(),
}).strict();
export type UpdateCaseInput = z.input<typeof UpdateCaseInputSchema>;

export const CloseCaseInputSchema = z.object({ id: IdSchema, reason: requiredText(500) }).strict();

export const ChildSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  name: z.string(),
  birthYear: z.number().int().nullable(),
  school: maskable(z.string()),
  needs: z.string(),
  placement: maskable(z.string()),
});
export type Child = z.infer<typeof ChildSchema>;

export const AreaSchema = z.object({
  id: z.number().int(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  districtSlug: z.string().nullable(),
  districtName: z.string().nullable(),
  description: z.string(),
});
export type Area = z.infer<typeof AreaSchema>;

export const PerpetratorSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  name: z.string(),
  relation: z.enum(RELATIONS),
  collective: z.boolean(),
  notes: z.string(),
  areas: z.array(AreaSchema),
});
export type Perpetrator = z.infer<typeof PerpetratorSchema>;

export const CaseDetailSchema = z.object({
  id: z.number().int(),
  caseNumber: z.string(),
  status: z.enum(CASE_STATUSES),
  closedReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  survivor: z.object({
    name: z.string(),
    personalIdentityNumber: z.string().nullable(),
    gender: z.enum(GENDERS),
    birthYear: z.number().int().nullable(),
    language: z.string(),
    interpreterNeeded: z.boolean(),
    safeContact: maskable(z.string()),
  }),
  protectionLevel: z.enum(PROTECTION_LEVELS),
  honourContext: z.boolean(),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)),
  vulnerabilityNote: z.string(),
  districtSlug: maskable(z.string().nullable()),
  districtName: maskable(z.string().nullable()),
  assignedUser: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  children: z.array(ChildSchema),
  perpetrators: z.array(PerpetratorSchema),
  /** The latest completed judgement of the survivor's risk, shown in the case header. */
  latestRisk: z
    .object({ assessmentId: z.number().int(), level: z.enum(['low', 'medium', 'high']), assessedAt: z.string(), nextReviewDate: z.string().nullable() })
    .nullable(),
  /** Whether its protected fields are masked in this answer, and until when they are revealed. */
  reveal: CaseRevealSchema,
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const CASE_SORTS = ['case_number', 'name', 'district', 'updated', 'next_due', 'risk_level', 'next_review'] as const;

/** The longest sort key a cursor carries (a survivor's name is at most 200 characters). */
export const CASE_LIST_CURSOR_KEY_MAX = 500;

/**
 * A row's place in the case list's order: its value of the sort key, as the list gave it in
 * `bounds`, and its id (every order ends on the id). Only the list makes these; a client passes
 * them back unchanged.
 */
export const CaseListCursorSchema = z
  .object({
    key: z.string().max(CASE_LIST_CURSOR_KEY_MAX).nullable(),
    id: IdSchema,
  })
  .strict();
export type CaseListCursor = z.infer<typeof CaseListCursorSchema>;

export const ListCasesInputSchema = z
  .object({
    query: text(100),
    status: z.enum(['open', 'closed', 'all']),
    assignedUserId: IdSchema.nullable(),
    districtSlug: z.string().max(64).nullable(),
    protectedOnly: z.boolean(),
    honourOnly: z.boolean(),
    openRemindersOnly: z.boolean(),
    /** The case's current judged risk level (latest completed assessment of the survivor). */
    riskLevel: z.enum(['low', 'medium', 'high']).nullable().default(null),
    overdueReviewOnly: z.boolean().default(false),
    sort: z.enum(CASE_SORTS),
    direction: z.enum(['asc', 'desc']),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(500),
    /**
     * Count the cases that match (`total`). Counting reads every matching case (~50 ms at 120 000),
     * so a list asks once, with its first page, and not for each page after.
     */
    withTotal: z.boolean().default(true),
    /**
     * The page starts right after (or ends right before) this row, a bound of a page already
     * loaded: the list then finds it through its order's index instead of walking past `offset`
     * rows. `offset` must still be the page's own: it is used where the order has no bounds.
     */
    cursor: CaseListCursorSchema.extend({ side: z.enum(['after', 'before']) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type ListCasesInput = z.input<typeof ListCasesInputSchema>;

export const CaseListRowSchema = z.object({
  id: z.number().int(),
  caseNumber: z.string(),
  survivorName: z.string(),
  status: z.enum(CASE_STATUSES),
  districtName: maskable(z.string().nullable()),
  assignedUserName: z.string().nullable(),
  protectionLevel: z.enum(PROTECTION_LEVELS),
  honourContext: z.boolean(),
  openReminders: z.number().int(),
  nextDue: IsoDateSchema.nullable(),
  updatedAt: z.string(),
  riskLevel: z.enum(['low', 'medium', 'high']).nullable(),
  nextReviewDate: z.string().nullable(),
  reviewOverdue: z.boolean(),
});
export type CaseListRow = z.infer<typeof CaseListRowSchema>;

/** A protected-identity case a team lead is not named on: its number only, and it cannot be opened. */
export const ProtectedNotNamedSchema = z.object({ id: z.number().int(), caseNumber: z.string() });
export type ProtectedNotNamed = z.infer<typeof ProtectedNotNamedSchema>;

/**
 * A search counts its matches only this far: counting every case that holds one letter meant
 * reading all 200 000 of them on each key press. Beyond it the list shows the newest
 * matches and asks for more letters.
 */
export const CASE_SEARCH_CAP = 200;

/**
 * A team lead's list names at most this many protected cases they are not named on, and only with
 * its first page: sending all of them with every page (80 000 at city scale) blocked the host.
 */
export const PROTECTED_NOT_NAMED_SHOWN = 100;

export const CaseListSchema = z.object({
  /** The number of cases matching the filters; for a search, at most CASE_SEARCH_CAP. Absent when not asked for (`withTotal`). */
  total: z.number().int().optional(),
  /** True when a search matched more than CASE_SEARCH_CAP cases: `total` is then the cap and the rows stop there. */
  capped: z.boolean().optional(),
  rows: z.array(CaseListRowSchema),
  /**
   * The first and last row's place in the order, for the `cursor` of the page before or after;
   * absent where the order takes no cursor (a search; the district and next_due sorts) and on an
   * empty page.
   */
  bounds: z.object({ first: CaseListCursorSchema, last: CaseListCursorSchema }).optional(),
  /**
   * Present only on the first page for a team lead when there are protected cases they are not
   * named on (and no filter but the status is set): the first PROTECTED_NOT_NAMED_SHOWN by number.
   */
  protectedNotNamed: z.array(ProtectedNotNamedSchema).optional(),
  /** How many such cases there are in all (with protectedNotNamed). */
  protectedNotNamedTotal: z.number().int().optional(),
});

export const AddChildInputSchema = ChildInputSchema.extend({ caseId: IdSchema }).strict();
/** School and placement may be left out (unchanged), as for the case's protected fields. */
export const UpdateChildInputSchema = ChildInputSchema.extend({ id: IdSchema, school: text(200).optional(), placement: text(300).optional() }).strict();
export const AddPerpetratorInputSchema = PerpetratorInputSchema.extend({ caseId: IdSchema }).strict();
export const UpdatePerpetratorInputSchema = PerpetratorInputSchema.extend({ id: IdSchema }).strict();

export const casesChannels = {
  'cases:list': channel({ input: ListCasesInputSchema, output: CaseListSchema, access: CASEWORK }),
  'cases:get': caseChannel({ input: ByIdInput, output: CaseDetailSchema, access: CASEWORK, caseScope: (i) => ({ case: i.id }) }),
  'cases:create': channel({ input: CreateCaseInputSchema, output: CaseDetailSchema, access: CASEWORK }),
  'cases:update': caseChannel({ input: UpdateCaseInputSchema, output: CaseDetailSchema, access: CASEWORK, caseScope: (i) => ({ case: i.id }) }),
  'cases:close': caseChannel({ input: CloseCaseInputSchema, output: CaseDetailSchema, access: CASEWORK, caseScope: (i) => ({ case: i.id }) }),
  'cases:reopen': caseChannel({ input: ByIdInput, output: CaseDetailSchema, access: CASEWORK, caseScope: (i) => ({ case: i.id }) }),
  'people:add-child': caseChannel({ input: AddChildInputSchema, output: CaseDetailSchema, access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'people:update-child': caseChannel({ input: UpdateChildInputSchema, output: CaseDetailSchema, access: CASEWORK, caseScope: (i) => ({ child: i.id }) }),
  'people:remove-child': caseChannel({ input: ByIdInput, output: CaseDetailSchema, access: CASEWORK, caseScope: (i) => ({ child: i.id }) }),
  'people:add-perpetrator': caseChannel({
    input: AddPerpetratorInputSchema,
    output: CaseDetailSchema,
    access: CASEWORK,
    caseScope: (i) => ({ case: i.caseId }),
  }),
  'people:update-perpetrator': caseChannel({
    input: UpdatePerpetratorInputSchema,
    output: CaseDetailSchema,
    access: CASEWORK,
    caseScope: (i) => ({ perpetrator: i.id }),
  }),
  'people:remove-perpetrator': caseChannel({ input: ByIdInput, output: CaseDetailSchema, access: CASEWORK, caseScope: (i) => ({ perpetrator: i.id }) }),
} as const;
