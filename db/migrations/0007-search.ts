import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released. Write a new one instead.
/**
 * Search as you type at city scale: covering indexes the case search walks newest
 * first, or reads by id, testing each case's number, name, district and access without reading
 * its row. Reading
 * rows of the wide cases table cost ~5 µs each on the encrypted database (pages decrypted), these
 * narrow entries well under 1 µs, so a search that must look at tens of thousands of cases to find
 * a page of matches stays within its 20 ms.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // What the search tests besides the order: access (protection, assignee, creator), district, text.
  const tested = ['protection_level', 'district_slug', 'assigned_user_id', 'created_by', 'case_number', 'survivor_name'];
  // Every case (status "all"), newest first; the id right after the time is the list's exact order.
  await db.schema
    .createIndex('cases_search_all')
    .on('cases')
    .columns(['updated_at', 'id', 'status', ...tested])
    .execute();
  // Open or closed cases, newest first.
  await db.schema
    .createIndex('cases_search_status')
    .on('cases')
    .columns(['status', 'updated_at', 'id', ...tested])
    .execute();
  // By id, for the candidates the trigram index finds: the same entries, read instead of the wide
  // rows (measured: half the time over the bench's searches of three letters or more). Keyed by
  // status first it served open cases faster but all cases at twice the cost (two seeks each).
  await db.schema
    .createIndex('cases_search_ids')
    .on('cases')
    .columns(['id', 'updated_at', 'status', ...tested])
    .execute();
}
