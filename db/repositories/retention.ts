import { sql } from 'kysely';
import { RETENTION_YEARS_DEFAULT, RETENTION_YEARS_MAX, RETENTION_YEARS_MIN, type RetentionRules } from '../../core/contract/retention';
import { localIsoDate } from '../../core/rules/calendar';
import type { RetentionDecision, RetentionFacts } from '../../core/rules/retention';
import type { ReadDb, WriteDb } from '../handles';
import { getSetting } from './settings';

/** The retention settings, with the defaults (5 years, keep the 5th/15th/25th, not a research municipality). */
export async function readRetentionSettings(db: ReadDb): Promise<RetentionRules> {
  const years = await getSetting<unknown>(db, 'retention_years', RETENTION_YEARS_DEFAULT);
  const keep = await getSetting<unknown>(db, 'retention_keep_birth_days', true);
  const research = await getSetting<unknown>(db, 'research_municipality', false);
  return {
    // An unreadable value keeps longer rather than purging early.
    retentionYears:
      Number.isInteger(years) && (years as number) >= RETENTION_YEARS_MIN && (years as number) <= RETENTION_YEARS_MAX
        ? (years as number)
        : RETENTION_YEARS_DEFAULT,
    retentionKeepBirthDays: keep !== false,
    researchMunicipality: research === true,
  };
}

/** A closed case as the retention rules see it: its number, dates and the facts they turn on. */
export interface RetentionCase extends RetentionFacts {
  id: number;
  caseNumber: string;
  closedAt: string | null;
}

/**
 * Every dated column of a case and of what belongs to it. Recorded moments (UTC timestamps) and
 * the dates written into the case, planned ones too (a reminder's due date, a step's end): a case
 * does not fall due before everything in it has passed. Sharing a case is access, not an entry.
 */
const DATED_COLUMNS = sql`
  SELECT id AS case_id, 't' AS kind, created_at AS v FROM cases
  UNION ALL SELECT id, 't', updated_at FROM cases
  UNION ALL SELECT id, 't', closed_at FROM cases
  UNION ALL SELECT id, 't', risk_assessed_at FROM cases
  UNION ALL SELECT id, 'd', next_review_date FROM cases
  UNION ALL SELECT case_id, 'd', note_date FROM journal_notes
  UNION ALL SELECT case_id, 't', created_at FROM journal_notes
  UNION ALL SELECT case_id, 't', signed_at FROM journal_notes
  UNION ALL SELECT case_id, 't', created_at FROM moves
  UNION ALL SELECT m.case_id, 'd', t.date FROM move_transitions t JOIN moves m ON m.id = t.move_id
  UNION ALL SELECT m.case_id, 't', t.recorded_at FROM move_transitions t JOIN moves m ON m.id = t.move_id
  UNION ALL SELECT case_id, 'd', start_date FROM housing_steps
  UNION ALL SELECT case_id, 'd', end_date FROM housing_steps
  UNION ALL SELECT case_id, 't', created_at FROM housing_steps
  UNION ALL SELECT case_id, 'd', start_date FROM support_items
  UNION ALL SELECT case_id, 'd', end_date FROM support_items
  UNION ALL SELECT case_id, 't', started_at FROM assessments
  UNION ALL SELECT case_id, 't', completed_at FROM assessments
  UNION ALL SELECT case_id, 'd', next_review_date FROM assessments
  UNION ALL SELECT case_id, 'd', due_date FROM reminders
  UNION ALL SELECT case_id, 't', created_at FROM reminders
  UNION ALL SELECT case_id, 't', done_at FROM reminders
  UNION ALL SELECT case_id, 'd', date FROM kompotten_requests WHERE case_id IS NOT NULL
  UNION ALL SELECT case_id, 't', created_at FROM kompotten_requests WHERE case_id IS NOT NULL`;

/** A stored date or UTC timestamp as the caseworkers' local day; null when it is neither. */
function localDay(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? null : localIsoDate(t);
}

/**
 * The closed cases with the facts the retention rules need (optionally only those with the given
 * case numbers). Selects no name and no free text; the personal identity number is read only for
 * its day of birth and never leaves the worker.
 */
export async function readClosedCasesForRetention(db: ReadDb, caseNumbers?: readonly string[]): Promise<RetentionCase[]> {
  let q = db
    .selectFrom('cases as c')
    .leftJoin('retention_decisions as d', 'd.case_id', 'c.id')
    .select((eb) => [
      'c.id',
      'c.case_number',
      'c.closed_at',
      'c.survivor_pin',
      'd.decision',
      'd.last_entry_at as decision_last_entry_at',
      eb
        .exists(
          eb
            .selectFrom('children as ch')
            .select('ch.id')
            .whereRef('ch.case_id', '=', 'c.id')
            .where(sql<boolean>`trim(ch.placement) <> ''`),
        )
        .as('child_placed'),
    ])
    .where('c.status', '=', 'closed');
  if (caseNumbers) q = q.where('c.case_number', 'in', caseNumbers.length > 0 ? [...caseNumbers] : ['']);
  const rows = await q.orderBy('c.case_number').execute();
  if (rows.length === 0) return [];

  const latest = await sql<{ case_id: number; kind: 't' | 'd'; v: string }>`
    SELECT case_id, kind, MAX(v) AS v FROM (${DATED_COLUMNS})
    WHERE v IS NOT NULL AND case_id IN (SELECT id FROM cases WHERE status = 'closed')
    GROUP BY case_id, kind`.execute(db);
  const lastEntry = new Map<number, string>();
  for (const r of latest.rows) {
    const day = localDay(r.v);
    const known = lastEntry.get(r.case_id);
    if (day !== null && (known === undefined || day > known)) lastEntry.set(r.case_id, day);
  }

  return rows.map((r) => {
    const decision: RetentionDecision | null =
      r.decision === 'purge' || r.decision === 'keep' ? { decision: r.decision, lastEntryAt: r.decision_last_entry_at ?? '' } : null;
    return {
      id: r.id,
      caseNumber: r.case_number,
      closedAt: r.closed_at === null ? null : localDay(r.closed_at),
      status: 'closed',
      // created_at is never null, so every case has a last entry; the fallback only guards the type.
      lastEntryAt: lastEntry.get(r.id) ?? '9999-12-31',
      survivorPin: r.survivor_pin,
      childPlacedOutsideHome: Boolean(r.child_placed),
      decision,
    };
  });
}

/** How many cases are open (kept without further thought). */
export async function countOpenCases(db: ReadDb): Promise<number> {
  const r = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Records (or replaces) a team lead's decision on a flagged case. */
export async function saveRetentionDecision(
  db: ReadDb,
  d: { caseId: number; decision: 'purge' | 'keep'; comment: string; lastEntryAt: string; decidedBy: number; at: Date },
): Promise<void> {
  const values = { decision: d.decision, comment: d.comment, last_entry_at: d.lastEntryAt, decided_by: d.decidedBy, decided_at: d.at.toISOString() };
  await db
    .insertInto('retention_decisions')
    .values({ case_id: d.caseId, ...values })
    .onConflict((oc) => oc.column('case_id').doUpdateSet(values))
    .execute();
}

const CHUNK = 500;

/**
 * Deletes cases and everything under them (the foreign keys cascade; signed journal notes are let
 * go through retention_purging). Kompotten ledger rows stay for the ledger's counts but lose their
 * link and their notes, which may speak of the case. Call inside the purge's transaction.
 */
export async function deleteCasesForRetention(db: WriteDb, caseIds: readonly number[]): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const ids = caseIds.slice(i, i + CHUNK);
    await db
      .insertInto('retention_purging')
      .values(ids.map((case_id) => ({ case_id })))
      .execute();
    await db.updateTable('kompotten_requests').set({ notes: '', case_id: null }).where('case_id', 'in', ids).execute();
    const r = await db.deleteFrom('cases').where('id', 'in', ids).executeTakeFirst();
    deleted += Number(r.numDeletedRows);
    await db.deleteFrom('retention_purging').where('case_id', 'in', ids).execute();
  }
  // The search index only marks deleted rows; merging its segments drops the purged names' trigrams.
  await sql`INSERT INTO cases_search (cases_search) VALUES ('optimize')`.execute(db);
  return deleted;
}
