import { sql, type Kysely } from 'kysely';

// Frozen: this migration must never change once released. Write a new one instead.
/** Cases and the people in them, moves, Kompotten, shelters and the housing chain, support, journal, reminders. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_number', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('open', 'closed')`))
    .addColumn('closed_reason', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('survivor_name', 'text', (c) => c.notNull())
    .addColumn('survivor_pin', 'text')
    .addColumn('survivor_gender', 'text', (c) => c.notNull())
    .addColumn('survivor_birth_year', 'integer')
    .addColumn('survivor_language', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('interpreter_needed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('safe_contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('protection_level', 'text', (c) => c.notNull())
    .addColumn('honour_context', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('vulnerabilities', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('vulnerability_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('district_slug', 'text', (c) => c.references('districts.slug'))
    .addColumn('assigned_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_status_updated').on('cases').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('cases_assigned').on('cases').columns(['assigned_user_id', 'status']).execute();
  await db.schema.createIndex('cases_district').on('cases').columns(['district_slug', 'status']).execute();
  await db.schema
    .createIndex('cases_name')
    .on('cases')
    .expression(sql`survivor_name COLLATE NOCASE`)
    .execute();

  await db.schema
    .createTable('children')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer')
    .addColumn('school', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('needs', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('placement', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('children_case').on('children').column('case_id').execute();

  await db.schema
    .createTable('perpetrators')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('collective', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('perpetrators_case').on('perpetrators').column('case_id').execute();

  await db.schema
    .createTable('perpetrator_areas')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('perpetrator_id', 'integer', (c) => c.notNull().references('perpetrators.id').onDelete('cascade'))
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('district_slug', 'text', (c) => c.references('districts.slug'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('perpetrator_areas_perpetrator').on('perpetrator_areas').column('perpetrator_id').execute();

  await db.schema
    .createTable('moves')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('from_kind', 'text')
    .addColumn('from_code', 'text')
    .addColumn('to_kind', 'text', (c) => c.notNull())
    .addColumn('to_code', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('receiving_contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('check_json', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moves_case').on('moves').column('case_id').execute();

  await db.schema
    .createTable('move_transitions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('move_id', 'integer', (c) => c.notNull().references('moves.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('move_transitions_move').on('move_transitions').column('move_id').execute();

  await db.schema
    .createTable('kompotten_members')
    .addColumn('municipality_code', 'text', (c) => c.primaryKey().references('municipalities.code'))
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kompotten_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction IN ('sent', 'received')`))
    .addColumn('counterpart_code', 'text', (c) => c.notNull().references('municipalities.code'))
    .addColumn('case_id', 'integer', (c) => c.references('cases.id').onDelete('set null'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kompotten_requests_case').on('kompotten_requests').column('case_id').execute();

  await db.schema
    .createTable('shelters')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('municipality_code', 'text', (c) => c.notNull().references('municipalities.code'))
    .addColumn('ivo_kind', 'text', (c) => c.notNull())
    .addColumn('ivo_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ivo_valid_until', 'text')
    .addColumn('capacity_adults', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('capacity_children', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('specialisations', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('housing_steps')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('child_id', 'integer', (c) => c.references('children.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('provider', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('shelter_id', 'integer', (c) => c.references('shelters.id'))
    .addColumn('place_kind', 'text')
    .addColumn('place_code', 'text')
    .addColumn('cost_per_day', 'real')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('obstacles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('obstacle_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('parallel', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('permit_override_reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('housing_steps_case').on('housing_steps').columns(['case_id', 'start_date']).execute();
  await db.schema.createIndex('housing_steps_shelter_open').on('housing_steps').columns(['shelter_id', 'end_date']).execute();

  await db.schema
    .createTable('support_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('support_items_case').on('support_items').column('case_id').execute();

  await db.schema
    .createTable('journal_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('note_date', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('draft', 'signed')`))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('corrects_note_id', 'integer', (c) => c.references('journal_notes.id'))
    .execute();
  await db.schema.createIndex('journal_notes_case').on('journal_notes').columns(['case_id', 'note_date']).execute();
  // A signed note is never edited: the database refuses it even if code tried.
  await sql`CREATE TRIGGER journal_notes_signed_readonly BEFORE UPDATE ON journal_notes
    WHEN OLD.status = 'signed'
    BEGIN SELECT RAISE(ABORT, 'signed journal notes are read-only'); END`.execute(db);
  await sql`CREATE TRIGGER journal_notes_signed_undeletable BEFORE DELETE ON journal_notes
    WHEN OLD.status = 'signed'
    BEGIN SELECT RAISE(ABORT, 'signed journal notes are read-only'); END`.execute(db);

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('done_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reminders_case').on('reminders').columns(['case_id', 'done_at']).execute();
  await db.schema.createIndex('reminders_due_open').on('reminders').columns(['done_at', 'due_date']).execute();
}
