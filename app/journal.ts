import type { ReadDb } from '../db/handles';
import type { z } from 'zod';
import type { ByCaseInput, ByIdInput, CreateNoteInputSchema, JournalNote, UpdateDraftInputSchema } from '../core/contract';
import { DbError } from '../db/errors';
import type { WorkerState } from './state';
import { inTransaction } from './unit-of-work';
import { appendAudit, type AuditSink } from '../db/repositories/audit-log';
import {
  correctionsOf,
  findNote,
  insertDraft,
  listNotes,
  signNote,
  toJournalNote,
  updateDraft,
  type JournalNoteRowWithAuthor,
} from '../db/repositories/journal-notes';
import { requireCase, requireOpenCase } from './case-rules';
import { remindersOps } from './reminders';

async function requireNote(db: ReadDb, id: number): Promise<JournalNoteRowWithAuthor> {
  const note = await findNote(db, id);
  if (!note) throw new DbError('not_found', 'The journal note does not exist. Reload the journal.').because('note_missing');
  return note;
}

/** A draft the current user may still change; signed notes and other people's drafts are refused. */
async function requireOwnDraft(db: ReadDb, id: number, userId: number, doing: 'change' | 'sign'): Promise<JournalNoteRowWithAuthor> {
  const note = await requireNote(db, id);
  if (note.status === 'signed') {
    throw new DbError(
      'not_allowed',
      doing === 'sign' ? 'The note is already signed.' : 'A signed note cannot be changed. Write a new note that corrects it.',
    ).because(doing === 'sign' ? 'note_already_signed' : 'note_signed_read_only');
  }
  if (note.author_id !== userId) throw new DbError('not_allowed', `Only the author of a draft can ${doing} it.`).because('note_not_author');
  await requireOpenCase(db, note.case_id);
  return note;
}

async function noteWithCorrections(db: ReadDb, id: number): Promise<JournalNote> {
  return toJournalNote(await requireNote(db, id), await correctionsOf(db, id));
}

/** A known case's journal notes, with the read's audit row; inside the caller's transaction. */
export async function readJournalOfCase(w: WorkerState, trx: ReadDb, caseId: number, audit: AuditSink = appendAudit): Promise<JournalNote[]> {
  const s = w.active.requireSession();
  const notes = await listNotes(trx, caseId);
  await audit(trx, { userId: s.user.id, role: s.user.role, action: 'read', entity: 'journal', entityId: caseId });
  return notes;
}

/** Journal notes: drafts, signing, corrections; and the reminder operations. */
export const journalOps = {
  'journal:list': inTransaction(async ({ w, trx }, input: z.output<typeof ByCaseInput>): Promise<JournalNote[]> => {
    await requireCase(trx, input.caseId);
    return readJournalOfCase(w, trx, input.caseId);
  }),

  'journal:create': inTransaction(async ({ trx, user, audit }, input: z.output<typeof CreateNoteInputSchema>): Promise<JournalNote> => {
    await requireOpenCase(trx, input.caseId);
    if (input.correctsNoteId !== null) {
      const target = await findNote(trx, input.correctsNoteId);
      // Only a signed note needs a correction: a draft is simply edited.
      if (!target || target.case_id !== input.caseId || target.status !== 'signed') {
        throw new DbError('not_allowed', 'A correction must point to a signed note of the same case.').because('correction_target_invalid');
      }
    }
    const id = await insertDraft(trx, { ...input, authorId: user.id, at: new Date() });
    await audit({ action: 'create', entity: 'journal_note', entityId: id });
    return noteWithCorrections(trx, id);
  }),

  'journal:update-draft': inTransaction(async ({ trx, user, audit }, input: z.output<typeof UpdateDraftInputSchema>): Promise<JournalNote> => {
    await requireOwnDraft(trx, input.id, user.id, 'change');
    await updateDraft(trx, input.id, input.noteDate, input.body);
    await audit({ action: 'update', entity: 'journal_note', entityId: input.id });
    return noteWithCorrections(trx, input.id);
  }),

  'journal:sign': inTransaction(async ({ trx, user, audit }, input: z.output<typeof ByIdInput>): Promise<JournalNote> => {
    await requireOwnDraft(trx, input.id, user.id, 'sign');
    await signNote(trx, input.id, new Date());
    await audit({ action: 'sign', entity: 'journal_note', entityId: input.id });
    return noteWithCorrections(trx, input.id);
  }),

  ...remindersOps,
} as const;
