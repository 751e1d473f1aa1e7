import { z } from 'zod';
import { ByCaseInput, IdSchema } from './casework-common';
import { RoleSchema } from './common';
import { caseChannel } from './channel-access';
import { CASEWORK } from './roles';

/** Names a colleague on a case, or takes the name off again. */
export const ShareInputSchema = z.object({ caseId: IdSchema, userId: IdSchema }).strict();
export type ShareInput = z.input<typeof ShareInputSchema>;

const PersonSchema = z.object({ id: z.number().int(), displayName: z.string() });

export const CaseShareSchema = z.object({
  userId: z.number().int(),
  displayName: z.string(),
  role: RoleSchema,
  grantedByName: z.string(),
  grantedAt: z.string(),
});
export type CaseShare = z.infer<typeof CaseShareSchema>;

/** Who is named on a case, and so may open it. */
export const CaseSharesSchema = z.object({
  assignee: PersonSchema.nullable(),
  /** The case's creator, named only while the case has no assignee. */
  creator: PersonSchema.nullable(),
  shares: z.array(CaseShareSchema),
});
export type CaseShares = z.infer<typeof CaseSharesSchema>;

export const accessChannels = {
  'cases:shares': caseChannel({ input: ByCaseInput, output: CaseSharesSchema, access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'cases:share': caseChannel({ input: ShareInputSchema, output: CaseSharesSchema, access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'cases:unshare': caseChannel({ input: ShareInputSchema, output: CaseSharesSchema, access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
} as const;
