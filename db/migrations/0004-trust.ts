import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released. Write a new one instead.
/** Trust: which case an audit row concerns, the reason given for a reveal, case sharing, and log review marks. */
export async function up(db: Kysely<any>): Promise<void> {
  // No foreign key: the log outlives the cases it names (a purged case's rows stay, with its id).
  await db.schema.alterTable('audit_log').addColumn('case_id', 'integer').execute();
  // The user's written reason for a reveal or an override: their justification, never case content.
  await db.schema.alterTable('audit_log').addColumn('reason', 'text').execute();
  await db.schema.createIndex('audit_log_case').on('audit_log').columns(['case_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'at']).execute();

  await db.schema
    .createTable('case_shares')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('granted_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_shares_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('case_shares_user').on('case_shares').columns(['user_id', 'case_id']).execute();

  await db.schema
    .createTable('audit_reviews')
    .addColumn('seq', 'integer', (c) => c.primaryKey().references('audit_log.seq'))
    .addColumn('reviewed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
