import { sql, type Kysely } from 'kysely';

// Frozen: this migration must never change once released. Write a new one instead.
/**
 * The audit log's index by entity and entity id (0001) serves no query: the log review finds rows
 * by case, user, action and time, each with its own index. It cost every audited operation a write
 * at a random place in an index as large as the log, and opening a case nine of them (one per
 * part of the case view). (The version number lives only in db/migrations/index.ts.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS audit_log_entity`.execute(db);
}
