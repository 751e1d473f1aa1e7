import { sql, type Kysely } from 'kysely';

// Frozen: this migration must never change once released. Write a new one instead.
/**
 * Names in Swedish order and searched as Swedes spell them. Text now reaches the database in
 * Unicode normal form C (the API normalises it), so text stored before in decomposed form (Å as
 * A + a combining ring, as some macOS programs paste it) is rewritten once: a search for "åsa"
 * missed it. The case list sorts names by a stored key in Swedish order (SQLite's NOCASE put Ä
 * before Å and É after Z), kept by triggers; the trigram index folds accents so "emile" finds
 * "Émile" (the search's pattern then keeps Å, Ä, Ö apart from A and O).
 *
 * Needs the connection's nfc() and sv_sort_key() (db/connection/text-functions.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Rebuilt at the end from the rewritten names, with the new tokenizer.
  for (const trigger of ['cases_search_insert', 'cases_search_delete', 'cases_search_update']) {
    await sql`DROP TRIGGER ${sql.id(trigger)}`.execute(db);
  }
  await sql`DROP TABLE cases_search`.execute(db);

  // Text people type. Not ids, codes, dates or JSON; not the audit log, whose rows are hash-chained;
  // not signed journal notes nor completed assessments, which are read-only by law (and by trigger),
  // so they keep the form they were signed in.
  const typed: [table: string, columns: string[], writable?: string][] = [
    ['users', ['display_name']],
    ['cases', ['survivor_name', 'closed_reason', 'survivor_language', 'safe_contact', 'vulnerability_note']],
    ['children', ['name', 'school', 'needs', 'placement']],
    ['perpetrators', ['name', 'relation', 'notes']],
    ['perpetrator_areas', ['description']],
    ['moves', ['receiving_contact', 'notes', 'override_reason']],
    ['kompotten_members', ['contact']],
    ['kompotten_requests', ['notes']],
    ['shelters', ['name', 'operator', 'contact']],
    ['housing_steps', ['provider', 'obstacle_note', 'permit_override_reason']],
    ['support_items', ['agency', 'notes']],
    ['journal_notes', ['body'], `status <> 'signed'`],
    ['reminders', ['note']],
    ['assessments', ['survivor_view'], `status <> 'completed'`],
    ['audit_reviews', ['comment']],
    ['retention_decisions', ['comment']],
  ];
  for (const [table, columns, writable] of typed) {
    for (const column of columns) {
      const c = sql.ref(column);
      // Only rows that change are written: NFC of text already in NFC is the same text.
      const where = writable === undefined ? sql`${c} <> nfc(${c})` : sql`${c} <> nfc(${c}) AND ${sql.raw(writable)}`;
      await sql`UPDATE ${sql.table(table)} SET ${c} = nfc(${c}) WHERE ${where}`.execute(db);
    }
  }

  // The name's place in Swedish order (core/rules/swedish-order.ts), for the list's name sort and
  // its cursors. Triggers keep it, so every way a name is written keeps its key.
  await db.schema
    .alterTable('cases')
    .addColumn('survivor_name_key', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await sql`UPDATE cases SET survivor_name_key = sv_sort_key(survivor_name)`.execute(db);
  await sql`CREATE TRIGGER cases_name_key_insert AFTER INSERT ON cases BEGIN
    UPDATE cases SET survivor_name_key = sv_sort_key(new.survivor_name) WHERE id = new.id;
  END`.execute(db);
  await sql`CREATE TRIGGER cases_name_key_update AFTER UPDATE OF survivor_name, survivor_name_key ON cases BEGIN
    UPDATE cases SET survivor_name_key = sv_sort_key(new.survivor_name) WHERE id = new.id AND survivor_name_key IS NOT sv_sort_key(new.survivor_name);
  END`.execute(db);
  await db.schema.createIndex('cases_name_key').on('cases').column('survivor_name_key').execute();
  await db.schema.dropIndex('cases_name').execute();

  // As migration 0005's, folding accents too (é → e, and å → a: the index only narrows the
  // candidates, the search's pattern decides, so "asa" still does not find "Åsa").
  await sql`CREATE VIRTUAL TABLE cases_search USING fts5(case_number, survivor_name, content='cases', content_rowid='id', tokenize='trigram case_sensitive 0 remove_diacritics 1')`.execute(
    db,
  );
  await sql`CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
    INSERT INTO cases_search (rowid, case_number, survivor_name) VALUES (new.id, new.case_number, new.survivor_name);
  END`.execute(db);
  await sql`CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
    INSERT INTO cases_search (cases_search, rowid, case_number, survivor_name) VALUES ('delete', old.id, old.case_number, old.survivor_name);
  END`.execute(db);
  await sql`CREATE TRIGGER cases_search_update AFTER UPDATE OF case_number, survivor_name ON cases BEGIN
    INSERT INTO cases_search (cases_search, rowid, case_number, survivor_name) VALUES ('delete', old.id, old.case_number, old.survivor_name);
    INSERT INTO cases_search (rowid, case_number, survivor_name) VALUES (new.id, new.case_number, new.survivor_name);
  END`.execute(db);
  await sql`INSERT INTO cases_search (cases_search) VALUES ('rebuild')`.execute(db);
}
