import { sql, type Kysely } from 'kysely';

// Frozen: this migration must never change once released. Write a new one instead.
/**
 * A year's report at city scale: each move keeps a summary of its status changes, so
 * the report reads the moves that began or were completed in its periods from one narrow index
 * instead of gathering every change of 100 000 moves (about 0.7 s of a 2.9 s report at 200 000
 * cases). Triggers keep the summary; the report's test checks it against the changes themselves.
 * And Kompotten requests by date.
 * (The version number lives only in db/migrations/index.ts.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  // first_on: its first change; requested_on / completed_on: the first change to that status;
  // last_on and last_status: its latest change in the order the report reads them (date, then id).
  for (const column of ['first_on', 'requested_on', 'completed_on', 'last_on', 'last_status']) {
    await db.schema.alterTable('moves').addColumn(column, 'text').execute();
  }
  const summarise = (move: string) => sql`
    UPDATE moves SET
      first_on = (SELECT min(t.date) FROM move_transitions t WHERE t.move_id = moves.id),
      requested_on = (SELECT min(t.date) FROM move_transitions t WHERE t.move_id = moves.id AND t.status = 'requested'),
      completed_on = (SELECT min(t.date) FROM move_transitions t WHERE t.move_id = moves.id AND t.status = 'completed'),
      last_on = (SELECT t.date FROM move_transitions t WHERE t.move_id = moves.id ORDER BY t.date DESC, t.id DESC LIMIT 1),
      last_status = (SELECT t.status FROM move_transitions t WHERE t.move_id = moves.id ORDER BY t.date DESC, t.id DESC LIMIT 1)
    WHERE ${sql.raw(move)}`;
  await summarise('1').execute(db);
  // A new change is the latest when its date is not before the latest so far: ids only grow
  // (AUTOINCREMENT), so on the same date the new one comes last. In SET every expression reads the
  // row as it was, so last_status is chosen by the old last_on.
  await sql`CREATE TRIGGER move_transitions_summary_insert AFTER INSERT ON move_transitions BEGIN
    UPDATE moves SET
      first_on = CASE WHEN first_on IS NULL OR NEW.date < first_on THEN NEW.date ELSE first_on END,
      requested_on = CASE WHEN NEW.status = 'requested' AND (requested_on IS NULL OR NEW.date < requested_on) THEN NEW.date ELSE requested_on END,
      completed_on = CASE WHEN NEW.status = 'completed' AND (completed_on IS NULL OR NEW.date < completed_on) THEN NEW.date ELSE completed_on END,
      last_status = CASE WHEN last_on IS NULL OR NEW.date >= last_on THEN NEW.status ELSE last_status END,
      last_on = CASE WHEN last_on IS NULL OR NEW.date >= last_on THEN NEW.date ELSE last_on END
    WHERE id = NEW.move_id;
  END`.execute(db);
  // Changes are never edited or removed but with their move; should that change, the summary is
  // worked out again from what is left.
  await sql`CREATE TRIGGER move_transitions_summary_update AFTER UPDATE ON move_transitions BEGIN
    ${summarise('id IN (OLD.move_id, NEW.move_id)')};
  END`.execute(db);
  await sql`CREATE TRIGGER move_transitions_summary_delete AFTER DELETE ON move_transitions BEGIN
    ${summarise('id = OLD.move_id')};
  END`.execute(db);
  // The report's two ways in: moves that began in the span, and moves completed in it, with every
  // column it counts by.
  const counted = ['case_id', 'route', 'to_kind', 'to_code', 'requested_on', 'last_on', 'last_status', 'id'];
  await db.schema
    .createIndex('moves_begun')
    .on('moves')
    .columns(['first_on', 'completed_on', ...counted])
    .execute();
  await db.schema
    .createIndex('moves_completed')
    .on('moves')
    .columns(['completed_on', 'first_on', ...counted])
    .execute();
  // What the report read moves by before (migration 0008), now unused: every change and every
  // move would keep paying for them.
  await db.schema.dropIndex('moves_report').execute();
  await db.schema.dropIndex('move_transitions_date').execute();
  // Kompotten requests of the span by date (the report scanned them all), with what it counts by.
  await db.schema
    .createIndex('kompotten_requests_report')
    .on('kompotten_requests')
    .columns(['date', 'direction', 'counterpart_code', 'outcome', 'case_id'])
    .execute();
}
