import { sql, type Kysely } from 'kysely';

// Frozen: this migration must never change once released. Write a new one instead.
/**
 * Performance at city scale (the benchmark): a trigram full-text index for searching
 * case numbers and names as you type, and an index that lets the list sort every case by its
 * latest change without sorting them all.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // External content: the index keeps trigrams and row ids, the text stays in `cases`. The
  // trigram tokenizer finds any substring of three or more characters; case_sensitive 0 folds
  // case for every alphabet (Å/å), as the search always has.
  await sql`CREATE VIRTUAL TABLE cases_search USING fts5(case_number, survivor_name, content='cases', content_rowid='id', tokenize='trigram case_sensitive 0')`.execute(
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

  await db.schema.createIndex('cases_updated').on('cases').columns(['updated_at']).execute();
}
