import type { Selectable } from 'kysely';
import type { ReadDb, WriteDb } from '../handles';
import type { JournalNote } from '../../core/contract';
import { DbError } from '../errors';
import type { JournalNotesTable } from '../schema';

export type JournalNoteRow = Selectable<JournalNotesTable>;
export type JournalNoteRowWithAuthor = JournalNoteRow & { author_name: string };

const SIGNED_IS_READ_ONLY = 'A signed note cannot be changed. Write a new note that corrects it.';

/** Maps a note row to the contract type; `correctedBy` are the ids of the notes that correct it. */
export function toJournalNote(row: JournalNoteRowWithAuthor, correctedBy: readonly number[]): JournalNote {
  return {
    id: row.id,
    caseId: row.case_id,
    noteDate: row.note_date,
    body: row.body,
    status: row.status === 'signed' ? 'signed' : 'draft',
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
    signedAt: row.signed_at,
    correctsNoteId: row.corrects_note_id,
    correctedByNoteIds: [...correctedBy],
  };
}

// The triggers of migration 0002 refuse any change to a signed note. Should code ever try, the
// user gets the rule, not SQLite's text.
async function guardSigned<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_TRIGGER') throw new DbError('not_allowed', SIGNED_IS_READ_ONLY).because('note_signed_read_only');
    throw err;
  }
}

function withAuthor(db: ReadDb) {
  return db.selectFrom('journal_notes as n').innerJoin('users as u', 'u.id', 'n.author_id').selectAll('n').select('u.display_name as author_name');
}

/** One note with its author's name, or undefined. */
export async function findNote(db: ReadDb, id: number): Promise<JournalNoteRowWithAuthor | undefined> {
  return withAuthor(db).where('n.id', '=', id).executeTakeFirst();
}

/** Ids of the notes that correct the given one, oldest first. */
export async function correctionsOf(db: ReadDb, id: number): Promise<number[]> {
  const rows = await db.selectFrom('journal_notes').select('id').where('corrects_note_id', '=', id).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** A case's notes, newest note date first (then newest written), each with the ids correcting it. */
export async function listNotes(db: ReadDb, caseId: number): Promise<JournalNote[]> {
  const rows = await withAuthor(db).where('n.case_id', '=', caseId).orderBy('n.note_date', 'desc').orderBy('n.id', 'desc').execute();
  // Corrections belong to the same case, so the case's own rows are enough to link them.
  const correctedBy = new Map<number, number[]>();
  for (const r of [...rows].sort((a, b) => a.id - b.id)) {
    if (r.corrects_note_id !== null) correctedBy.set(r.corrects_note_id, [...(correctedBy.get(r.corrects_note_id) ?? []), r.id]);
  }
  return rows.map((r) => toJournalNote(r, correctedBy.get(r.id) ?? []));
}

/** Writes a new draft and returns its id. */
export async function insertDraft(
  db: ReadDb,
  note: { caseId: number; noteDate: string; body: string; authorId: number; correctsNoteId: number | null; at: Date },
): Promise<number> {
  const r = await db
    .insertInto('journal_notes')
    .values({
      case_id: note.caseId,
      note_date: note.noteDate,
      body: note.body,
      status: 'draft',
      author_id: note.authorId,
      created_at: note.at.toISOString(),
      signed_at: null,
      corrects_note_id: note.correctsNoteId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Changes a draft's date and text; a signed note is refused by the database itself. */
export async function updateDraft(db: WriteDb, id: number, noteDate: string, body: string): Promise<void> {
  await guardSigned(() => db.updateTable('journal_notes').set({ note_date: noteDate, body }).where('id', '=', id).execute());
}

/** Signs a draft: from here on the note is read-only. */
export async function signNote(db: WriteDb, id: number, at: Date): Promise<void> {
  await guardSigned(() => db.updateTable('journal_notes').set({ status: 'signed', signed_at: at.toISOString() }).where('id', '=', id).execute());
}
