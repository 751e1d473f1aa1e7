import { z } from 'zod';
import { ByCaseInput, ByIdInput, IdSchema, IsoDateSchema, requiredText, text } from './casework-common';
import { maskable } from './protection';
import { caseChannel, channel } from './channel-access';
import { CASEWORK } from './roles';

export const SUPPORT_KINDS = ['protected_housing', 'school', 'psychiatry', 'addiction_care', 'healthcare', 'economy', 'legal', 'interpreter', 'other'] as const;
export const SUPPORT_STATUSES = ['needed', 'requested', 'in_progress', 'done', 'declined'] as const;

const SupportFields = z.object({
  kind: z.enum(SUPPORT_KINDS),
  agency: text(200),
  status: z.enum(SUPPORT_STATUSES),
  startDate: IsoDateSchema.nullable(),
  endDate: IsoDateSchema.nullable(),
  notes: text(2000),
});
export const AddSupportInputSchema = SupportFields.extend({ caseId: IdSchema }).strict();
/** The agency may be left out (unchanged): a form that saw it masked leaves it out. */
export const UpdateSupportInputSchema = SupportFields.extend({ id: IdSchema, agency: text(200).optional() }).strict();

export const SupportItemSchema = SupportFields.extend({
  id: z.number().int(),
  caseId: z.number().int(),
  agency: maskable(z.string()),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export type SupportItem = z.infer<typeof SupportItemSchema>;

export const JournalNoteSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  noteDate: z.string(),
  body: z.string(),
  status: z.enum(['draft', 'signed']),
  authorId: z.number().int(),
  authorName: z.string(),
  createdAt: z.string(),
  signedAt: z.string().nullable(),
  correctsNoteId: z.number().int().nullable(),
  correctedByNoteIds: z.array(z.number().int()),
});
export type JournalNote = z.infer<typeof JournalNoteSchema>;

export const CreateNoteInputSchema = z
  .object({ caseId: IdSchema, noteDate: IsoDateSchema, body: requiredText(20_000), correctsNoteId: IdSchema.nullable() })
  .strict();
export const UpdateDraftInputSchema = z.object({ id: IdSchema, noteDate: IsoDateSchema, body: requiredText(20_000) }).strict();

export const REMINDER_KINDS = ['follow_up', 'placement_end', 'review', 'other'] as const;

export const ReminderSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  kind: z.enum(REMINDER_KINDS),
  dueDate: z.string(),
  note: z.string(),
  doneAt: z.string().nullable(),
  createdByName: z.string(),
  assignedUserName: z.string().nullable(),
});
export type Reminder = z.infer<typeof ReminderSchema>;

export const CreateReminderInputSchema = z.object({ caseId: IdSchema, kind: z.enum(REMINDER_KINDS), dueDate: IsoDateSchema, note: text(500) }).strict();

export const supportJournalChannels = {
  'support:list': caseChannel({ input: ByCaseInput, output: z.array(SupportItemSchema), access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'support:add': caseChannel({ input: AddSupportInputSchema, output: SupportItemSchema, access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'support:update': caseChannel({ input: UpdateSupportInputSchema, output: SupportItemSchema, access: CASEWORK, caseScope: (i) => ({ supportItem: i.id }) }),
  'journal:list': caseChannel({ input: ByCaseInput, output: z.array(JournalNoteSchema), access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'journal:create': caseChannel({ input: CreateNoteInputSchema, output: JournalNoteSchema, access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'journal:update-draft': caseChannel({ input: UpdateDraftInputSchema, output: JournalNoteSchema, access: CASEWORK, caseScope: (i) => ({ note: i.id }) }),
  'journal:sign': caseChannel({ input: ByIdInput, output: JournalNoteSchema, access: CASEWORK, caseScope: (i) => ({ note: i.id }) }),
  'reminders:list': caseChannel({ input: ByCaseInput, output: z.array(ReminderSchema), access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'reminders:create': caseChannel({ input: CreateReminderInputSchema, output: ReminderSchema, access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
  'reminders:complete': caseChannel({ input: ByIdInput, output: ReminderSchema, access: CASEWORK, caseScope: (i) => ({ reminder: i.id }) }),
  'reminders:due': channel({
    input: z.object({ scope: z.enum(['mine', 'team']) }).strict(),
    output: z.object({ overdue: z.array(ReminderSchema), thisWeek: z.array(ReminderSchema) }),
    access: CASEWORK,
  }),
} as const;
