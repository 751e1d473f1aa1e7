import { sql, type Kysely } from 'kysely';

// Frozen: this migration must never change once released. Write a new one instead.
/** Risk instruments as data, assessments, and the case's current judged level for lists and headers. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('risk_instruments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source IN ('builtin', 'imported')`))
    .addColumn('json', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('risk_instruments_template_version', ['template_id', 'version'])
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('child_id', 'integer', (c) => c.references('children.id').onDelete('cascade'))
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('draft', 'completed')`))
    .addColumn('answers_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('judgements_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('survivor_view', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('headline_level', 'text')
    .addColumn('next_review_date', 'text')
    .addColumn('copied_from_id', 'integer', (c) => c.references('assessments.id'))
    .addColumn('started_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('completed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('assessments_case').on('assessments').columns(['case_id', 'child_id', 'completed_at']).execute();
  // A completed assessment is never edited.
  await sql`CREATE TRIGGER assessments_completed_readonly BEFORE UPDATE ON assessments
    WHEN OLD.status = 'completed'
    BEGIN SELECT RAISE(ABORT, 'completed assessments are read-only'); END`.execute(db);

  // The survivor's current judged level, kept on the case so the list can filter and sort at scale.
  await db.schema.alterTable('cases').addColumn('risk_level', 'text').execute();
  await db.schema.alterTable('cases').addColumn('risk_assessed_at', 'text').execute();
  await db.schema.alterTable('cases').addColumn('risk_assessment_id', 'integer').execute();
  await db.schema.alterTable('cases').addColumn('next_review_date', 'text').execute();
  await db.schema.createIndex('cases_risk').on('cases').columns(['status', 'risk_level', 'updated_at']).execute();
  await db.schema.createIndex('cases_next_review').on('cases').columns(['status', 'next_review_date']).execute();
}
