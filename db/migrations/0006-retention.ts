import { sql, type Kysely } from 'kysely';

// Frozen: this migration must never change once released. Write a new one instead.
/** Gallring: team leads' decisions on flagged cases, and the one way a purge may delete signed journal notes. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retention_decisions')
    .addColumn('case_id', 'integer', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision IN ('purge', 'keep')`))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    // The case's last entry the decision was made on: a later entry makes the case a new question.
    .addColumn('last_entry_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();

  // Cases being purged, filled and emptied inside the purge's own transaction; never holds a row
  // after a commit. No foreign key: the rows it names are being deleted.
  await db.schema
    .createTable('retention_purging')
    .addColumn('case_id', 'integer', (c) => c.primaryKey())
    .execute();

  // A signed note is still never deleted, except with its whole case by a confirmed purge.
  await sql`DROP TRIGGER journal_notes_signed_undeletable`.execute(db);
  await sql`CREATE TRIGGER journal_notes_signed_undeletable BEFORE DELETE ON journal_notes
    WHEN OLD.status = 'signed' AND NOT EXISTS (SELECT 1 FROM retention_purging WHERE case_id = OLD.case_id)
    BEGIN SELECT RAISE(ABORT, 'signed journal notes are read-only'); END`.execute(db);
}
