import { z } from 'zod';
import { MOVE_STATUSES } from '../rules/move-workflow';
import { ByCaseInput, IdSchema, IsoDateSchema, PlaceRefSchema, PlaceSchema, text } from './casework-common';
import { maskable } from './protection';
import { caseChannel } from './channel-access';
import { CASEWORK } from './roles';

export const MOVE_ROUTES = ['within_city', 'kompotten', 'own_application', 'self_arranged', 'other'] as const;
export type MoveRoute = (typeof MOVE_ROUTES)[number];

export const AreaCheckSchema = z.object({
  perpetratorId: z.number().int(),
  perpetratorName: z.string(),
  area: PlaceSchema,
  distanceKm: z.number(),
  sameMunicipality: z.boolean(),
  sameCounty: z.boolean(),
  warning: z.boolean(),
  reasons: z.array(z.enum(['same_municipality', 'same_district', 'too_close'])),
});

/** The safe-distance check of one destination against every known perpetrator area. */
export const SafeDistanceCheckSchema = z.object({
  destination: PlaceSchema,
  minimumKm: z.number(),
  checkedAt: z.string(),
  checks: z.array(AreaCheckSchema),
  warning: z.boolean(),
  nearestKm: z.number().nullable(),
});
export type SafeDistanceCheck = z.infer<typeof SafeDistanceCheckSchema>;

export const CheckDestinationInputSchema = z.object({ caseId: IdSchema, to: PlaceRefSchema }).strict();

export const CreateMoveInputSchema = z
  .object({
    caseId: IdSchema,
    from: PlaceRefSchema.nullable(),
    to: PlaceRefSchema,
    route: z.enum(MOVE_ROUTES),
    receivingContact: text(300),
    notes: text(2000),
    plannedDate: IsoDateSchema,
  })
  .strict();
export type CreateMoveInput = z.input<typeof CreateMoveInputSchema>;

export const TransitionMoveInputSchema = z
  .object({
    id: IdSchema,
    to: z.enum(MOVE_STATUSES),
    date: IsoDateSchema,
    /** Required when accepting a move whose destination check warns. */
    overrideReason: text(1000).optional(),
  })
  .strict();

export const MoveSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  from: maskable(PlaceSchema.nullable()),
  to: maskable(PlaceSchema),
  route: z.enum(MOVE_ROUTES),
  status: z.enum(MOVE_STATUSES),
  receivingContact: maskable(z.string()),
  notes: z.string(),
  /** Masked as a whole: its distances from known perpetrator areas would locate the destination. */
  check: maskable(SafeDistanceCheckSchema),
  overrideReason: z.string().nullable(),
  transitions: z.array(z.object({ status: z.enum(MOVE_STATUSES), date: z.string(), recordedBy: z.string(), recordedAt: z.string() })),
});
export type Move = z.infer<typeof MoveSchema>;

export const movesChannels = {
  'moves:list': caseChannel({ input: ByCaseInput, output: z.array(MoveSchema), access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'moves:check-destination': caseChannel({
    input: CheckDestinationInputSchema,
    output: SafeDistanceCheckSchema,
    access: CASEWORK,
    caseScope: (i) => ({ case: i.caseId }),
  }),
  'moves:create': caseChannel({ input: CreateMoveInputSchema, output: MoveSchema, access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'moves:transition': caseChannel({ input: TransitionMoveInputSchema, output: MoveSchema, access: CASEWORK, caseScope: (i) => ({ move: i.id }) }),
} as const;
