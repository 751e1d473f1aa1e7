import { z } from 'zod';
import { EmptyInput } from './common';
import { ByCaseInput, IdSchema, IsoDateSchema, MoneySchema, PlaceRefSchema, PlaceSchema, requiredText, text } from './casework-common';
import { maskable } from './protection';
import { caseChannel, channel } from './channel-access';
import { CASEWORK } from './roles';

export const STEP_KINDS = ['protected_shelter', 'transitional', 'social_contract', 'priority_housing', 'own_lease', 'other'] as const;
export const OBSTACLES = ['debts', 'rent_guarantee', 'waiting_priority_decision', 'no_suitable_size', 'other'] as const;
export const STEP_OUTCOMES = ['ongoing', 'moved_on', 'own_lease', 'returned', 'ended_other'] as const;

const StepFields = z.object({
  childId: IdSchema.nullable(),
  kind: z.enum(STEP_KINDS),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema.nullable(),
  provider: text(200),
  shelterId: IdSchema.nullable(),
  place: PlaceRefSchema.nullable(),
  costPerDay: MoneySchema.nullable(),
  outcome: z.enum(STEP_OUTCOMES),
  obstacles: z.array(z.enum(OBSTACLES)).max(OBSTACLES.length),
  obstacleNote: text(500),
  parallel: z.boolean(),
  /** Required when the chosen shelter's IVO permit is missing or expired on the start date. */
  permitOverrideReason: text(1000).optional(),
});

export const AddStepInputSchema = StepFields.extend({ caseId: IdSchema }).strict();
/** Provider, shelter and place may be left out (unchanged): a form that saw them masked leaves them out. */
export const UpdateStepInputSchema = StepFields.extend({
  id: IdSchema,
  provider: text(200).optional(),
  shelterId: IdSchema.nullable().optional(),
  place: PlaceRefSchema.nullable().optional(),
}).strict();
export type AddStepInput = z.input<typeof AddStepInputSchema>;

export const HousingStepSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  childId: z.number().int().nullable(),
  childName: z.string().nullable(),
  kind: z.enum(STEP_KINDS),
  startDate: z.string(),
  endDate: z.string().nullable(),
  provider: maskable(z.string()),
  shelterId: maskable(z.number().int().nullable()),
  shelterName: maskable(z.string().nullable()),
  place: maskable(PlaceSchema.nullable()),
  costPerDay: z.number().nullable(),
  outcome: z.enum(STEP_OUTCOMES),
  obstacles: z.array(z.enum(OBSTACLES)),
  obstacleNote: z.string(),
  parallel: z.boolean(),
  permitOverrideReason: z.string().nullable(),
});
export type HousingStep = z.infer<typeof HousingStepSchema>;

export const SPECIALISATIONS = ['honour_violence', 'accessibility', 'men', 'teenage_boys', 'pets', 'languages'] as const;
export const IVO_KINDS = ['permit', 'registration', 'none'] as const;

export const ShelterInputSchema = z
  .object({
    name: requiredText(200),
    operator: text(200),
    municipalityCode: z.string().regex(/^\d{4}$/, { message: 'municipality_required' }),
    ivoKind: z.enum(IVO_KINDS),
    ivoNumber: text(100),
    ivoValidUntil: IsoDateSchema.nullable(),
    capacityAdults: z.number().int().min(0).max(500),
    capacityChildren: z.number().int().min(0).max(500),
    specialisations: z.array(z.enum(SPECIALISATIONS)).max(SPECIALISATIONS.length),
    languages: text(300),
    contact: text(500),
  })
  .strict();
export type ShelterInput = z.input<typeof ShelterInputSchema>;

export const ShelterSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  operator: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  ivoKind: z.enum(IVO_KINDS),
  ivoNumber: z.string(),
  ivoValidUntil: z.string().nullable(),
  /** valid: a permit valid today; expired; missing: no permit (registration only, or none). */
  permitStatus: z.enum(['valid', 'expired', 'missing']),
  capacityAdults: z.number().int(),
  capacityChildren: z.number().int(),
  specialisations: z.array(z.enum(SPECIALISATIONS)),
  languages: z.string(),
  contact: z.string(),
  occupancy: z.object({ adults: z.number().int(), children: z.number().int() }),
});
export type Shelter = z.infer<typeof ShelterSchema>;

export const housingChannels = {
  'housing:list': caseChannel({ input: ByCaseInput, output: z.array(HousingStepSchema), access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'housing:add-step': caseChannel({ input: AddStepInputSchema, output: HousingStepSchema, access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'housing:update-step': caseChannel({ input: UpdateStepInputSchema, output: HousingStepSchema, access: CASEWORK, caseScope: (i) => ({ step: i.id }) }),
  'shelters:list': channel({ input: EmptyInput, output: z.array(ShelterSchema), access: CASEWORK }),
  'shelters:create': channel({ input: ShelterInputSchema, output: ShelterSchema, access: CASEWORK }),
  'shelters:update': channel({ input: ShelterInputSchema.extend({ id: IdSchema }).strict(), output: ShelterSchema, access: CASEWORK }),
} as const;
