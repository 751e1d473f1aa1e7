import type { Reminder } from '../../core/contract';
import { accessibleCases, type CaseReader } from '../access/case-access';
import type { ReadDb, WriteDb } from '../handles';
import type { RemindersTable } from '../schema';

interface ReminderDbRow {
  id: number;
  case_id: number;
  case_number: string;
  kind: RemindersTable['kind'];
  due_date: string;
  note: string;
  done_at: string | null;
  created_by_name: string;
  assigned_user_name: string | null;
}

/** Maps a reminder row with its case number and people's names to the contract type. */
export function toReminder(r: ReminderDbRow): Reminder {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    kind: r.kind,
    dueDate: r.due_date,
    note: r.note,
    doneAt: r.done_at,
    createdByName: r.created_by_name,
    assignedUserName: r.assigned_user_name,
  };
}

function withNames(db: ReadDb) {
  return db
    .selectFrom('reminders as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('users as cb', 'cb.id', 'r.created_by')
    .leftJoin('users as au', 'au.id', 'c.assigned_user_id')
    .select([
      'r.id',
      'r.case_id',
      'c.case_number',
      'r.kind',
      'r.due_date',
      'r.note',
      'r.done_at',
      'cb.display_name as created_by_name',
      'au.display_name as assigned_user_name',
    ]);
}

/** One reminder, or undefined. */
export async function findReminder(db: ReadDb, id: number): Promise<Reminder | undefined> {
  const row = await withNames(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toReminder(row) : undefined;
}

/** A case's reminders: open ones first, then done ones, each by due date. */
export async function listRemindersForCase(db: ReadDb, caseId: number): Promise<Reminder[]> {
  const rows = await withNames(db)
    .where('r.case_id', '=', caseId)
    .orderBy((eb) => eb('r.done_at', 'is not', null))
    .orderBy('r.due_date')
    .orderBy('r.id')
    .execute();
  return rows.map(toReminder);
}

/**
 * Open reminders of open cases the reader may open, due on or before `until`, earliest first.
 * With `userId`, only those of cases assigned to that user or reminders the user created.
 */
export async function listOpenRemindersDueBy(db: ReadDb, until: string, userId: number | null, reader: CaseReader): Promise<Reminder[]> {
  let q = withNames(db).where('r.done_at', 'is', null).where('r.due_date', '<=', until).where('c.status', '=', 'open').where(accessibleCases(reader, 'c'));
  if (userId !== null) q = q.where((eb) => eb.or([eb('c.assigned_user_id', '=', userId), eb('r.created_by', '=', userId)]));
  const rows = await q.orderBy('r.due_date').orderBy('r.id').execute();
  return rows.map(toReminder);
}

/** Adds a reminder and returns its id. */
export async function insertReminder(
  db: ReadDb,
  r: { caseId: number; kind: Reminder['kind']; dueDate: string; note: string; createdBy: number; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('reminders')
    .values({ case_id: r.caseId, kind: r.kind, due_date: r.dueDate, note: r.note, done_at: null, created_by: r.createdBy, created_at: r.at.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks a reminder done; one already done keeps its first completion time. */
export async function completeReminder(db: WriteDb, id: number, at: Date): Promise<void> {
  await db.updateTable('reminders').set({ done_at: at.toISOString() }).where('id', '=', id).where('done_at', 'is', null).execute();
}
