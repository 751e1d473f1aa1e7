import { TEAM_OVERVIEW } from '../core/contract';
import type { ReadDb } from '../db/handles';
import type { z } from 'zod';
import { endOfIsoWeek, localIsoDate } from '../core/rules/calendar';
import type { ByCaseInput, ByIdInput, CreateReminderInputSchema, Reminder, supportJournalChannels } from '../core/contract';
import { DbError } from '../db/errors';
import type { WorkerState } from './state';
import { inTransaction } from './unit-of-work';
import { appendAudit, type AuditSink } from '../db/repositories/audit-log';
import { completeReminder, findReminder, insertReminder, listOpenRemindersDueBy, listRemindersForCase } from '../db/repositories/reminders';
import { requireCase, requireOpenCase } from './case-rules';

type DueInput = z.output<(typeof supportJournalChannels)['reminders:due']['input']>;

const NOT_FOUND = 'The reminder does not exist. Reload the case.';

/** A known case's reminders, with the read's audit row; inside the caller's transaction. */
export async function readRemindersOfCase(w: WorkerState, trx: ReadDb, caseId: number, audit: AuditSink = appendAudit): Promise<Reminder[]> {
  const s = w.active.requireSession();
  const reminders = await listRemindersForCase(trx, caseId);
  await audit(trx, { userId: s.user.id, role: s.user.role, action: 'read', entity: 'reminders', entityId: caseId });
  return reminders;
}

/** Reminders per case, and the deadlines due for the user or the team. */
export const remindersOps = {
  'reminders:list': inTransaction(async ({ w, trx }, input: z.output<typeof ByCaseInput>): Promise<Reminder[]> => {
    await requireCase(trx, input.caseId);
    return readRemindersOfCase(w, trx, input.caseId);
  }),

  'reminders:create': inTransaction(async ({ trx, user, audit }, input: z.output<typeof CreateReminderInputSchema>): Promise<Reminder> => {
    await requireOpenCase(trx, input.caseId);
    const id = await insertReminder(trx, { ...input, createdBy: user.id, at: new Date() });
    await audit({ action: 'create', entity: 'reminder', entityId: id });
    const created = await findReminder(trx, id);
    if (!created) throw new DbError('internal', 'The reminder was not saved. Try again.');
    return created;
  }),

  'reminders:complete': inTransaction(async ({ trx, audit }, input: z.output<typeof ByIdInput>): Promise<Reminder> => {
    const before = await findReminder(trx, input.id);
    if (!before) throw new DbError('not_found', NOT_FOUND).because('reminder_missing');
    // Completing twice answers with the reminder as it is; only a real change is audited as one.
    if (before.doneAt !== null) {
      await audit({ action: 'read', entity: 'reminder', entityId: input.id });
      return before;
    }
    await requireOpenCase(trx, before.caseId);
    await completeReminder(trx, input.id, new Date());
    await audit({ action: 'update', entity: 'reminder', entityId: input.id });
    const after = await findReminder(trx, input.id);
    if (!after) throw new DbError('not_found', NOT_FOUND).because('reminder_missing');
    return after;
  }),

  'reminders:due': inTransaction(
    async ({ trx, user, audit }, input: DueInput): Promise<{ overdue: Reminder[]; thisWeek: Reminder[] }> => {
      const today = localIsoDate(new Date());
      const due = await listOpenRemindersDueBy(trx, endOfIsoWeek(today), input.scope === 'mine' ? user.id : null, user);
      await audit({ action: 'read', entity: 'reminders_due' });
      return { overdue: due.filter((r) => r.dueDate < today), thisWeek: due.filter((r) => r.dueDate >= today) };
    },
    (input) => (input.scope === 'team' ? TEAM_OVERVIEW : undefined),
  ),
} as const;
