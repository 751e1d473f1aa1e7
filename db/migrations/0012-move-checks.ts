import { sql, type Kysely } from 'kysely';

// Frozen: this migration must never change once released. Write a new one instead.
/**
 * A move's route and status, where it goes and each of its status changes are checked by the
 * database as the rest of the enumerations already were: a row the contract would refuse cannot be
 * written by any path. SQLite adds a CHECK only by rebuilding the table: new table, copy, drop,
 * rename, then the indexes and triggers again (the runner turns foreign keys off around it and checks
 * them before committing). The lists are the contract's at the time of writing (MOVE_ROUTES,
 * MOVE_STATUSES, the place kinds), written out so that the migration never changes with the contract.
 * (The version number lives only in db/migrations/index.ts.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statuses = `'planned', 'requested', 'offered', 'accepted', 'completed', 'declined', 'cancelled'`;
  const routes = `'within_city', 'kompotten', 'own_application', 'self_arranged', 'other'`;
  const places = `'municipality', 'district'`;

  await sql
    .raw(
      `CREATE TABLE "moves_new" ("id" integer primary key autoincrement, "case_id" integer not null references "cases" ("id") on delete cascade,
    "from_kind" text check (from_kind IN (${places})), "from_code" text, "to_kind" text not null check (to_kind IN (${places})), "to_code" text not null,
    "route" text not null check (route IN (${routes})), "status" text not null check (status IN (${statuses})),
    "receiving_contact" text default '' not null, "notes" text default '' not null, "check_json" text not null, "override_reason" text,
    "created_by" integer not null references "users" ("id"), "created_at" text not null,
    "first_on" text, "requested_on" text, "completed_on" text, "last_on" text, "last_status" text)`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TABLE "move_transitions_new" ("id" integer primary key autoincrement, "move_id" integer not null references "moves" ("id") on delete cascade,
    "status" text not null check (status IN (${statuses})), "date" text not null, "recorded_by" integer not null references "users" ("id"), "recorded_at" text not null)`,
    )
    .execute(db);

  // Every column by name, the summary columns as they are (the triggers that keep them are not on
  // the new tables yet, so copying does not work them out again).
  await sql`INSERT INTO moves_new (id, case_id, from_kind, from_code, to_kind, to_code, route, status, receiving_contact, notes, check_json,
      override_reason, created_by, created_at, first_on, requested_on, completed_on, last_on, last_status)
    SELECT id, case_id, from_kind, from_code, to_kind, to_code, route, status, receiving_contact, notes, check_json,
      override_reason, created_by, created_at, first_on, requested_on, completed_on, last_on, last_status FROM moves`.execute(db);
  await sql`INSERT INTO move_transitions_new (id, move_id, status, date, recorded_by, recorded_at)
    SELECT id, move_id, status, date, recorded_by, recorded_at FROM move_transitions`.execute(db);
  // AUTOINCREMENT promises an id is never used twice, also one whose row was deleted: the new
  // tables go on from where the old ones had got to, not from their highest remaining id.
  for (const table of ['moves', 'move_transitions']) {
    await sql`DELETE FROM sqlite_sequence WHERE name = ${`${table}_new`}`.execute(db);
    await sql`INSERT INTO sqlite_sequence (name, seq) SELECT ${`${table}_new`}, seq FROM sqlite_sequence WHERE name = ${table}`.execute(db);
  }

  // Dropping a table drops its indexes and triggers with it.
  await sql`DROP TABLE move_transitions`.execute(db);
  await sql`DROP TABLE moves`.execute(db);
  await sql`ALTER TABLE moves_new RENAME TO moves`.execute(db);
  await sql`ALTER TABLE move_transitions_new RENAME TO move_transitions`.execute(db);

  // The indexes and triggers as migrations 0002, 0008 and 0009 left them.
  await sql`CREATE INDEX "moves_case" on "moves" ("case_id")`.execute(db);
  await sql`CREATE INDEX "moves_begun" on "moves" ("first_on", "completed_on", "case_id", "route", "to_kind", "to_code", "requested_on", "last_on", "last_status", "id")`.execute(
    db,
  );
  await sql`CREATE INDEX "moves_completed" on "moves" ("completed_on", "first_on", "case_id", "route", "to_kind", "to_code", "requested_on", "last_on", "last_status", "id")`.execute(
    db,
  );
  await sql`CREATE INDEX "move_transitions_move" on "move_transitions" ("move_id")`.execute(db);
  await sql`CREATE INDEX "move_transitions_report" on "move_transitions" ("move_id", "date", "id", "status")`.execute(db);
  const summarise = (move: string) => `
    UPDATE moves SET
      first_on = (SELECT min(t.date) FROM move_transitions t WHERE t.move_id = moves.id),
      requested_on = (SELECT min(t.date) FROM move_transitions t WHERE t.move_id = moves.id AND t.status = 'requested'),
      completed_on = (SELECT min(t.date) FROM move_transitions t WHERE t.move_id = moves.id AND t.status = 'completed'),
      last_on = (SELECT t.date FROM move_transitions t WHERE t.move_id = moves.id ORDER BY t.date DESC, t.id DESC LIMIT 1),
      last_status = (SELECT t.status FROM move_transitions t WHERE t.move_id = moves.id ORDER BY t.date DESC, t.id DESC LIMIT 1)
    WHERE ${move}`;
  await sql`CREATE TRIGGER move_transitions_summary_insert AFTER INSERT ON move_transitions BEGIN
    UPDATE moves SET
      first_on = CASE WHEN first_on IS NULL OR NEW.date < first_on THEN NEW.date ELSE first_on END,
      requested_on = CASE WHEN NEW.status = 'requested' AND (requested_on IS NULL OR NEW.date < requested_on) THEN NEW.date ELSE requested_on END,
      completed_on = CASE WHEN NEW.status = 'completed' AND (completed_on IS NULL OR NEW.date < completed_on) THEN NEW.date ELSE completed_on END,
      last_status = CASE WHEN last_on IS NULL OR NEW.date >= last_on THEN NEW.status ELSE last_status END,
      last_on = CASE WHEN last_on IS NULL OR NEW.date >= last_on THEN NEW.date ELSE last_on END
    WHERE id = NEW.move_id;
  END`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER move_transitions_summary_update AFTER UPDATE ON move_transitions BEGIN
    ${summarise('id IN (OLD.move_id, NEW.move_id)')};
  END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER move_transitions_summary_delete AFTER DELETE ON move_transitions BEGIN
    ${summarise('id = OLD.move_id')};
  END`,
    )
    .execute(db);
}
