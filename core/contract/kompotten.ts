import { z } from 'zod';
import { EmptyInput } from './common';
import { IdSchema, IsoDateSchema, text } from './casework-common';
import { maskable } from './protection';
import { caseChannel, channel } from './channel-access';
import { CASEWORK } from './roles';

export const KOMPOTTEN_OUTCOMES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;

export const KompottenMemberSchema = z.object({ municipalityCode: z.string(), municipalityName: z.string(), contact: z.string() });
export type KompottenMember = z.infer<typeof KompottenMemberSchema>;

export const SetMemberInputSchema = z
  .object({ municipalityCode: z.string().regex(/^\d{4}$/, { message: 'municipality_required' }), member: z.boolean(), contact: text(500) })
  .strict();

export const KompottenRequestSchema = z.object({
  id: z.number().int(),
  direction: z.enum(['sent', 'received']),
  /** Masked when the request belongs to a case with protected personal data: it names her new municipality. */
  counterpartCode: maskable(z.string()),
  counterpartName: maskable(z.string()),
  caseId: z.number().int().nullable(),
  caseNumber: z.string().nullable(),
  date: z.string(),
  outcome: z.enum(KOMPOTTEN_OUTCOMES),
  notes: z.string(),
});
export type KompottenRequest = z.infer<typeof KompottenRequestSchema>;

export const AddRequestInputSchema = z
  .object({
    direction: z.enum(['sent', 'received']),
    counterpartCode: z.string().regex(/^\d{4}$/, { message: 'municipality_required' }),
    caseId: IdSchema.nullable(),
    date: IsoDateSchema,
    outcome: z.enum(KOMPOTTEN_OUTCOMES),
    notes: text(1000),
  })
  .strict();

export const UpdateRequestInputSchema = z.object({ id: IdSchema, outcome: z.enum(KOMPOTTEN_OUTCOMES), notes: text(1000) }).strict();

export const kompottenChannels = {
  'kompotten:members': channel({ input: EmptyInput, output: z.array(KompottenMemberSchema), access: CASEWORK }),
  'kompotten:set-member': channel({ input: SetMemberInputSchema, output: z.array(KompottenMemberSchema), access: CASEWORK }),
  'kompotten:requests': caseChannel({
    input: z.object({ caseId: IdSchema.nullable() }).strict(),
    output: z.array(KompottenRequestSchema),
    access: CASEWORK,
    caseScope: (i) => (i.caseId === null ? null : { case: i.caseId }),
  }),
  'kompotten:add-request': caseChannel({
    input: AddRequestInputSchema,
    output: KompottenRequestSchema,
    access: CASEWORK,
    caseScope: (i) => (i.caseId === null ? null : { case: i.caseId }),
  }),
  'kompotten:update-request': caseChannel({
    input: UpdateRequestInputSchema,
    output: KompottenRequestSchema,
    access: CASEWORK,
    caseScope: (i) => ({ kompottenRequest: i.id }),
  }),
} as const;
