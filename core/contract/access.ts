import { z } from 'zod';
import { ByCaseInput, IdSchema } from './casework-common';
import { RoleSchema } from './common';

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
  'cases:shares': { input: ByCaseInput, output: CaseSharesSchema },
  'cases:share': { input: ShareInputSchema, output: CaseSharesSchema },
  'cases:unshare': { input: ShareInputSchema, output: CaseSharesSchema },
} as const;
