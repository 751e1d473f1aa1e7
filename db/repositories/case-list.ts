import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { CaseListRow, ListCasesInputSchema, PROTECTION_LEVELS } from '../../core/contract';
import { accessibleCases, protectedNotNamed, type CaseReader } from '../access/case-access';
import type { DB } from '../schema';
import { containsGlob, trigramPhrase } from './search-pattern';

export type CaseListQuery = z.output<typeof ListCasesInputSchema>;

interface CaseListDbRow {
  id: number;
  case_number: string;
  survivor_name: string;
  status: string;
  district_name: string | null;
  assigned_user_name: string | null;
  protection_level: string;
  honour_context: number;
  open_reminders: number;
  next_due: string | null;
  updated_at: string;
  risk_level: string | null;
  next_review_date: string | null;
}

function toCaseListRow(r: CaseListDbRow, today: string): CaseListRow {
  return {
    id: r.id,
    caseNumber: r.case_number,
    survivorName: r.survivor_name,
    status: r.status === 'closed' ? 'closed' : 'open',
    districtName: r.district_name,
    assignedUserName: r.assigned_user_name,
    protectionLevel: r.protection_level as (typeof PROTECTION_LEVELS)[number],
    honourContext: r.honour_context === 1,
    openReminders: Number(r.open_reminders),
    nextDue: r.next_due,
    updatedAt: r.updated_at,
    riskLevel: r.risk_level === 'low' || r.risk_level === 'medium' || r.risk_level === 'high' ? r.risk_level : null,
    nextReviewDate: r.next_review_date,
    reviewOverdue: r.next_review_date !== null && r.next_review_date < today,
  };
}

/**
 * The district of a case with protected personal data is masked, so filtering, searching or
 * sorting by it must not tell it either: such a case matches a district only for a session that
 * has revealed it.
 */
function districtVisible(revealed: readonly number[]): RawBuilder<unknown> {
  return revealed.length === 0
    ? sql`c.protection_level = 'none'`
    : sql`(c.protection_level = 'none' OR c.id IN (${sql.join(revealed.map((id) => sql`${id}`))}))`;
}

// Filters use only columns of `cases` (district names through a subquery), so the count needs no join.
function whereClause(q: CaseListQuery, today: string, reader: CaseReader, revealed: readonly number[]): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [accessibleCases(reader, 'c')];
  if (q.status !== 'all') conditions.push(sql`c.status = ${q.status}`);
  if (q.assignedUserId !== null) conditions.push(sql`c.assigned_user_id = ${q.assignedUserId}`);
  if (q.districtSlug !== null) conditions.push(sql`c.district_slug = ${q.districtSlug} AND ${districtVisible(revealed)}`);
  if (q.protectedOnly) conditions.push(sql`c.protection_level <> 'none'`);
  if (q.honourOnly) conditions.push(sql`c.honour_context = 1`);
  if (q.riskLevel !== null) conditions.push(sql`c.risk_level = ${q.riskLevel}`);
  if (q.overdueReviewOnly) conditions.push(sql`c.next_review_date < ${today}`);
  if (q.openRemindersOnly) conditions.push(sql`EXISTS (SELECT 1 FROM reminders r INDEXED BY reminders_case WHERE r.case_id = c.id AND r.done_at IS NULL)`);
  if (q.query !== '') {
    const p = containsGlob(q.query);
    const byText = sql`(c.case_number GLOB ${p} OR c.survivor_name GLOB ${p})`;
    // Three letters or more: the trigram index (migration 0005) finds the candidates, GLOB keeps the
    // exact meaning. Fewer letters have no trigram and match so many cases that reading them is as fast.
    const text = trigramPhrase(q.query);
    const matched = text === null ? byText : sql`(c.id IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ${text}) AND ${byText})`;
    conditions.push(sql`(${matched} OR (c.district_slug IN (SELECT slug FROM districts WHERE name GLOB ${p} OR slug GLOB ${p}) AND ${districtVisible(revealed)}))`);
  }
  return sql.join(conditions, sql` AND `);
}

// Every order ends on the id, so pages never overlap or skip rows with equal keys. The first
// keys match the indexes cases_status_updated, cases_name and the unique case_number.
function orderClause(q: CaseListQuery, revealed: readonly number[]): RawBuilder<unknown> {
  const dir = sql.raw(q.direction === 'desc' ? 'DESC' : 'ASC');
  switch (q.sort) {
    case 'case_number':
      return sql`c.case_number ${dir}, c.id ${dir}`;
    case 'name':
      return sql`c.survivor_name COLLATE NOCASE ${dir}, c.id ${dir}`;
    case 'district':
      return sql`CASE WHEN ${districtVisible(revealed)} THEN d.name END ${dir} NULLS LAST, c.id ${dir}`;
    case 'next_due':
      return sql`next_due ${dir} NULLS LAST, c.id ${dir}`;
    case 'updated':
      return sql`c.updated_at ${dir}, c.id ${dir}`;
    case 'risk_level':
      // Ordered by severity, not alphabetically; unassessed cases last.
      return sql`CASE c.risk_level WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 END ${dir} NULLS LAST, c.id ${dir}`;
    case 'next_review':
      return sql`c.next_review_date ${dir} NULLS LAST, c.id ${dir}`;
  }
}

/** The page query of the case list; exported so tests can check its plan. */
export function caseListPageQuery(q: CaseListQuery, today: string, reader: CaseReader, revealed: readonly number[] = []): RawBuilder<CaseListDbRow> {
  // Reminder figures are correlated subqueries, evaluated only for the rows of the page unless the
  // list is sorted by them. INDEXED BY: left alone, the planner answers min() by walking
  // reminders_due_open through every case's reminders (measured: 60x slower at 5 000 cases).
  return sql<CaseListDbRow>`
    SELECT c.id, c.case_number, c.survivor_name, c.status, d.name AS district_name, u.display_name AS assigned_user_name,
      c.protection_level, c.honour_context, c.updated_at, c.risk_level, c.next_review_date,
      (SELECT count(*) FROM reminders r INDEXED BY reminders_case WHERE r.case_id = c.id AND r.done_at IS NULL) AS open_reminders,
      (SELECT min(r.due_date) FROM reminders r INDEXED BY reminders_case WHERE r.case_id = c.id AND r.done_at IS NULL) AS next_due
    FROM cases c
    LEFT JOIN districts d ON d.slug = c.district_slug
    LEFT JOIN users u ON u.id = c.assigned_user_id
    WHERE ${whereClause(q, today, reader, revealed)}
    ORDER BY ${orderClause(q, revealed)}
    LIMIT ${q.limit} OFFSET ${q.offset}`;
}

/**
 * Protected-identity cases a team lead may not open, by number only. Any filter beyond the status
 * would match on what the lead may not see (a name, a district), so with one the list is empty.
 */
async function listProtectedNotNamed(db: Kysely<DB>, q: CaseListQuery, reader: CaseReader): Promise<{ id: number; caseNumber: string }[]> {
  if (reader.role !== 'team_lead') return [];
  const filtered =
    q.query !== '' || q.assignedUserId !== null || q.districtSlug !== null || q.honourOnly || q.riskLevel !== null || q.overdueReviewOnly || q.openRemindersOnly;
  if (filtered) return [];
  const status = q.status === 'all' ? sql`1 = 1` : sql`c.status = ${q.status}`;
  const rows = await sql<{ id: number; case_number: string }>`
    SELECT c.id, c.case_number FROM cases c WHERE ${protectedNotNamed(reader, 'c')} AND ${status} ORDER BY c.case_number`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, caseNumber: r.case_number }));
}

/**
 * One page of the cases the reader may open, the number matching the filters, and (team leads)
 * protected cases they are not named on; `revealed`: cases whose district the session may see.
 */
export async function listCases(
  db: Kysely<DB>,
  q: CaseListQuery,
  today: string,
  reader: CaseReader,
  revealed: readonly number[] = [],
): Promise<{ total: number; rows: CaseListRow[]; protectedNotNamed?: { id: number; caseNumber: string }[] }> {
  const page = await caseListPageQuery(q, today, reader, revealed).execute(db);
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM cases c WHERE ${whereClause(q, today, reader, revealed)}`.execute(db);
  const notNamed = await listProtectedNotNamed(db, q, reader);
  return {
    total: Number(count.rows[0]?.n ?? 0),
    rows: page.rows.map((r) => toCaseListRow(r, today)),
    ...(notNamed.length > 0 ? { protectedNotNamed: notNamed } : {}),
  };
}
