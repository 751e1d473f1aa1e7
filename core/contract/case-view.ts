import { z } from 'zod';
import { CaseSharesSchema } from './access';
import { CaseDetailSchema } from './cases';
import { ByIdInput } from './casework-common';
import { HousingStepSchema } from './housing';
import { KompottenRequestSchema } from './kompotten';
import { MoveSchema } from './moves';
import { AssessmentSummarySchema } from './risk';
import { JournalNoteSchema, ReminderSchema, SupportItemSchema } from './support-journal';
import { caseChannel } from './channel-access';
import { CASEWORK } from './roles';

/**
 * Everything the case view shows when a case is opened, read in one transaction: each part is
 * what its own list channel answers, masked the same way, and each read has its own audit row.
 */
export const CaseViewSchema = z
  .object({
    detail: CaseDetailSchema,
    assessments: z.array(AssessmentSummarySchema),
    moves: z.array(MoveSchema),
    kompottenRequests: z.array(KompottenRequestSchema),
    housing: z.array(HousingStepSchema),
    support: z.array(SupportItemSchema),
    journal: z.array(JournalNoteSchema),
    reminders: z.array(ReminderSchema),
    shares: CaseSharesSchema,
  })
  .strict();
export type CaseView = z.infer<typeof CaseViewSchema>;

/** The parts of an opened case that its sections load again by themselves after a change. */
export type CaseViewSections = Omit<CaseView, 'detail'>;

export const caseViewChannels = {
  'cases:open': caseChannel({ input: ByIdInput, output: CaseViewSchema, access: CASEWORK, caseScope: (i) => ({ case: i.id }) }),
} as const;
