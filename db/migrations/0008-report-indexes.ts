import type { Kysely } from 'kysely';

// Frozen: this migration must never change once released. Write a new one instead.
/**
 * Reports at city scale (the benchmark): covering indexes so a year's report reads
 * narrow index ranges instead of scanning the wide case, housing, move and assessment tables.
 * (The version number lives only in db/migrations/index.ts.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The report's cases: those not closed before the span, with every column it counts by.
  await db.schema
    .createIndex('cases_report')
    .on('cases')
    .columns(['closed_at', 'created_at', 'district_slug', 'survivor_gender', 'honour_context', 'protection_level'])
    .execute();
  // Housing steps that end in the span or are still open: placements, the chain review, step
  // lengths and obstacles are all read from this index alone.
  await db.schema
    .createIndex('housing_steps_report')
    .on('housing_steps')
    .columns(['end_date', 'kind', 'child_id', 'start_date', 'case_id', 'shelter_id', 'cost_per_day', 'outcome', 'obstacles'])
    .execute();
  // A survivor's chain in order (start, then id), for what came after she left a shelter.
  await db.schema
    .createIndex('housing_steps_chain')
    .on('housing_steps')
    .columns(['case_id', 'child_id', 'start_date', 'id', 'end_date', 'kind', 'outcome'])
    .execute();
  // Moves with a status change in the span, then each move's changes in order (date, then id)
  // with their status; and the few columns of a move the report counts by. The report names the
  // last index (INDEXED BY): SQLite otherwise prefers the row itself, whose size is mostly the
  // safe-distance check, and reading 100 000 of those takes seconds.
  await db.schema.createIndex('move_transitions_date').on('move_transitions').columns(['date', 'move_id']).execute();
  await db.schema.createIndex('move_transitions_report').on('move_transitions').columns(['move_id', 'date', 'id', 'status']).execute();
  await db.schema.createIndex('moves_report').on('moves').columns(['id', 'case_id', 'route', 'to_kind', 'to_code']).execute();
  // A case's latest completed assessment of the survivor by a day (the id breaks a tie in the
  // index's own order), without reading the answers.
  await db.schema
    .createIndex('assessments_latest')
    .on('assessments')
    .columns(['case_id', 'child_id', 'status', 'completed_at', 'id', 'headline_level', 'next_review_date'])
    .execute();
}
