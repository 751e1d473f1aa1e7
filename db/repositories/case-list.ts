import { sql, type RawBuilder } from 'kysely';
import type { ReadDb } from '../handles';
import type { z } from 'zod';
import {
  CASE_LIST_CURSOR_KEY_MAX,
  CASE_SEARCH_CAP,
  PROTECTED_NOT_NAMED_SHOWN,
  type CASE_SORTS,
  type CaseListCursor,
  type CaseListRow,
  type ListCasesInputSchema,
  type ProtectedNotNamed,
} from '../../core/contract';
import { accessibleCases, protectedNotNamed, type CaseReader } from '../access/case-access';
import type { CasesTable } from '../schema';
import { svSortKey } from '../../core/rules/swedish-order';
import { containsGlob, trigramPhrase } from './search-pattern';

export type CaseListQuery = z.output<typeof ListCasesInputSchema>;

interface CaseListDbRow {
  id: number;
  case_number: string;
  survivor_name: string;
  status: string;
  district_name: string | null;
  assigned_user_name: string | null;
  protection_level: CasesTable['protection_level'];
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
    protectionLevel: r.protection_level,
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

// Filters use only columns of `cases`, so the count needs no join.
function filterConditions(q: CaseListQuery, today: string, reader: CaseReader, revealed: readonly number[]): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [accessibleCases(reader, 'c')];
  if (q.status !== 'all') conditions.push(sql`c.status = ${q.status}`);
  if (q.assignedUserId !== null) conditions.push(sql`c.assigned_user_id = ${q.assignedUserId}`);
  if (q.districtSlug !== null) conditions.push(sql`c.district_slug = ${q.districtSlug} AND ${districtVisible(revealed)}`);
  if (q.protectedOnly) conditions.push(sql`c.protection_level <> 'none'`);
  if (q.honourOnly) conditions.push(sql`c.honour_context = 1`);
  if (q.riskLevel !== null) conditions.push(sql`c.risk_level = ${q.riskLevel}`);
  if (q.overdueReviewOnly) conditions.push(sql`c.next_review_date < ${today}`);
  if (q.openRemindersOnly) conditions.push(sql`EXISTS (SELECT 1 FROM reminders r INDEXED BY reminders_case WHERE r.case_id = c.id AND r.done_at IS NULL)`);
  return conditions;
}

/**
 * The search's condition: the query is part of the case number or the survivor's name (any case,
 * any alphabet), or of the name or slug of a district the session may see for the case.
 * `districtSlugs`: the districts the query matches, looked up beforehand (13 rows), so the test on
 * each case is a comparison of its own columns.
 */
function searchCondition(query: string, districtSlugs: readonly string[], revealed: readonly number[]): RawBuilder<unknown> {
  const p = containsGlob(query);
  const byText = sql`(c.case_number GLOB ${p} OR c.survivor_name GLOB ${p})`;
  if (districtSlugs.length === 0) return byText;
  return sql`(${byText} OR (c.district_slug IN (${sql.join(districtSlugs.map((slug) => sql`${slug}`))}) AND ${districtVisible(revealed)}))`;
}

// Every order ends on the id, so pages never overlap or skip rows with equal keys. The first
// keys match the indexes cases_status_updated, cases_name_key and the unique case_number (and, for a
// search, cases_search_all and cases_search_status). `nextDue`: the expression, where the alias
// of the page query is not there.
function orderClause(q: CaseListQuery, revealed: readonly number[], nextDue: RawBuilder<unknown> = sql`next_due`): RawBuilder<unknown> {
  const dir = sql.raw(q.direction === 'desc' ? 'DESC' : 'ASC');
  switch (q.sort) {
    case 'case_number':
      return sql`c.case_number ${dir}, c.id ${dir}`;
    case 'name':
      // Swedish order (A–Z, Å, Ä, Ö; é with e; any case): the stored key of migration 0011.
      return sql`c.survivor_name_key ${dir}, c.id ${dir}`;
    case 'district':
      return sql`CASE WHEN ${districtVisible(revealed)} THEN sv_sort_key(d.name) END ${dir} NULLS LAST, c.id ${dir}`;
    case 'next_due':
      return sql`${nextDue} ${dir} NULLS LAST, c.id ${dir}`;
    case 'updated':
      return sql`c.updated_at ${dir}, c.id ${dir}`;
    case 'risk_level':
      // Ordered by severity, not alphabetically; unassessed cases last.
      return sql`CASE c.risk_level WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 END ${dir} NULLS LAST, c.id ${dir}`;
    case 'next_review':
      return sql`c.next_review_date ${dir} NULLS LAST, c.id ${dir}`;
  }
}

const NEXT_DUE = sql`(SELECT min(r.due_date) FROM reminders r INDEXED BY reminders_case WHERE r.case_id = c.id AND r.done_at IS NULL)`;

/** How a cursor continues one sort's order: its key as orderClause orders it, and a row's key. */
interface Keyset {
  expr: RawBuilder<unknown>;
  keyOf: (r: CaseListDbRow) => string;
  /** The cursor's key as the order compares it (the name's sort key; else the key itself). */
  compared?: (key: string) => string;
}

/**
 * The sorts a cursor continues: those an index serves (cases_status_updated or cases_updated,
 * the unique case_number, cases_name_key), whose keys are never NULL and are shown in the row anyway.
 * The others keep OFFSET: risk_level and next_review order NULLs last and risk by a CASE, next_due
 * by a subquery per case, so no index serves them and a cursor would save only part of a sort of
 * every matching case; district orders by a value masked for protected cases the session has not
 * revealed, which a cursor must never carry or compare.
 */
const KEYSETS: Partial<Record<(typeof CASE_SORTS)[number], Keyset>> = {
  updated: { expr: sql`c.updated_at`, keyOf: (r) => r.updated_at },
  case_number: { expr: sql`c.case_number`, keyOf: (r) => r.case_number },
  // The cursor carries the name, as the row shows it; the order compares its sort key.
  name: { expr: sql`c.survivor_name_key`, keyOf: (r) => r.survivor_name, compared: svSortKey },
};

/** The keyset of the list's order, or null where pages go by OFFSET (a search counts and pages its own matches). */
function keysetOf(q: CaseListQuery): Keyset | null {
  return q.query === '' ? (KEYSETS[q.sort] ?? null) : null;
}

/** The cursor the page is found by, or null to use the offset. */
function usableCursor(q: CaseListQuery): (CaseListCursor & { side: 'after' | 'before'; key: string }) | null {
  const c = q.cursor;
  return c !== null && c.key !== null && keysetOf(q) !== null ? { ...c, key: c.key } : null;
}

/**
 * The rows after the cursor in the list's order ('before': the rows before it, in reverse order).
 * The redundant first comparison is what lets SQLite seek the order's index to the cursor; the
 * id settles rows with the same key. Keys compare as the order does (the name by its sort key).
 */
function keysetPage(
  keyset: Keyset,
  direction: CaseListQuery['direction'],
  cursor: { side: 'after' | 'before'; key: string; id: number },
): { where: RawBuilder<unknown>; order: RawBuilder<unknown> } {
  const forward = (direction === 'asc') === (cursor.side === 'after');
  const past = sql.raw(forward ? '>' : '<');
  const reached = sql.raw(forward ? '>=' : '<=');
  const dir = sql.raw(forward ? 'ASC' : 'DESC');
  const key = keyset.compared ? keyset.compared(cursor.key) : cursor.key;
  return {
    where: sql`${keyset.expr} ${reached} ${key} AND (${keyset.expr} ${past} ${key} OR c.id ${past} ${cursor.id})`,
    order: sql`${keyset.expr} ${dir}, c.id ${dir}`,
  };
}

/** The first and last row's place in the order, when the order takes a cursor and the keys fit one. */
function pageBounds(q: CaseListQuery, rows: readonly CaseListDbRow[]): { first: CaseListCursor; last: CaseListCursor } | undefined {
  const keyset = keysetOf(q);
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (keyset === null || first === undefined || last === undefined) return undefined;
  const bound = (r: CaseListDbRow): CaseListCursor | null => {
    const key = keyset.keyOf(r);
    return key.length <= CASE_LIST_CURSOR_KEY_MAX ? { key, id: r.id } : null;
  };
  const a = bound(first);
  const b = bound(last);
  return a && b ? { first: a, last: b } : undefined;
}

function pageQuery(
  q: CaseListQuery,
  where: RawBuilder<unknown>,
  revealed: readonly number[],
  limit: number,
  offset: number,
  order: RawBuilder<unknown> = orderClause(q, revealed),
): RawBuilder<CaseListDbRow> {
  // Reminder figures are correlated subqueries, evaluated only for the rows of the page unless the
  // list is sorted by them. INDEXED BY: left alone, the planner answers min() by walking
  // reminders_due_open through every case's reminders (measured: 60x slower at 5 000 cases).
  return sql<CaseListDbRow>`
    SELECT c.id, c.case_number, c.survivor_name, c.status, d.name AS district_name, u.display_name AS assigned_user_name,
      c.protection_level, c.honour_context, c.updated_at, c.risk_level, c.next_review_date,
      (SELECT count(*) FROM reminders r INDEXED BY reminders_case WHERE r.case_id = c.id AND r.done_at IS NULL) AS open_reminders,
      ${NEXT_DUE} AS next_due
    FROM cases c
    LEFT JOIN districts d ON d.slug = c.district_slug
    LEFT JOIN users u ON u.id = c.assigned_user_id
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * The page query of the case list without a search, by its cursor where the order takes one
 * (rows of a 'before' page come in reverse order), else by offset; exported so tests can check
 * its plan.
 */
export function caseListPageQuery(q: CaseListQuery, today: string, reader: CaseReader, revealed: readonly number[] = []): RawBuilder<CaseListDbRow> {
  const conditions = filterConditions(q, today, reader, revealed);
  const keyset = keysetOf(q);
  const cursor = usableCursor(q);
  if (keyset === null || cursor === null) return pageQuery(q, sql.join(conditions, sql` AND `), revealed, q.limit, q.offset);
  const page = keysetPage(keyset, q.direction, cursor);
  return pageQuery(q, sql.join([...conditions, page.where], sql` AND `), revealed, q.limit, 0, page.order);
}

/**
 * Up to this many candidates from the trigram index, a search reads them and sorts them; with
 * more, it walks its covering index newest first until it has found CASE_SEARCH_CAP + 1, testing
 * first whether an entry is among the candidates (at 200 000 cases this halved the p95 of
 * searches of open cases with three or four letters, 22 to 14 ms with the audit commit). Reading a
 * candidate costs ~2–15 µs (an entry of cases_search_ids, decrypted, often not cached), walking an
 * entry well under 1 µs, and the walk looks at about cap × cases / matches entries but never more
 * than the cases of the status. Measured at 200 000 cases, 13% of them open, over the bench's
 * 1 000 searches: the p95 was lowest near 2 000 for all or closed cases and near 800 for open
 * ones, whose whole walk is short.
 */
export function searchCandidatesMax(status: CaseListQuery['status']): number {
  return status === 'open' ? 800 : 2000;
}

/** How a search finds its matches: from the trigram index's candidates, or by walking the list's order. */
export type SearchPlan = { kind: 'candidates'; phrase: string } | { kind: 'walk'; phrase?: string };

/**
 * The ids of the first CASE_SEARCH_CAP + 1 matches of a search, in the list's order; exported so
 * tests can check its plan.
 */
export function caseSearchIdsQuery(
  q: CaseListQuery,
  today: string,
  reader: CaseReader,
  revealed: readonly number[],
  districtSlugs: readonly string[],
  plan: SearchPlan,
): RawBuilder<{ id: number }> {
  const conditions = [...filterConditions(q, today, reader, revealed), searchCondition(q.query, districtSlugs, revealed)];
  let from = sql`cases c`;
  if (plan.kind === 'candidates') {
    // The trigram index narrows to its candidates, read by id through a covering index (migration
    // 0007; named, so the planner does not walk an order index instead); GLOB keeps the exact meaning.
    from = sql`cases c INDEXED BY cases_search_ids`;
    conditions.push(sql`c.id IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ${plan.phrase})`);
  } else if (q.sort === 'updated') {
    // Newest first through a covering index (migration 0007): no row is read until the page.
    from = q.status === 'all' ? sql`cases c INDEXED BY cases_search_all` : sql`cases c INDEXED BY cases_search_status`;
  }
  if (plan.kind === 'walk' && plan.phrase !== undefined) {
    // Too many candidates to read one by one, but a walk tests membership among them (an
    // ephemeral table of ids, built once) before the patterns, which cost more per entry.
    conditions.unshift(sql`c.id IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ${plan.phrase})`);
  }
  const districts = q.sort === 'district' ? sql`LEFT JOIN districts d ON d.slug = c.district_slug` : sql``;
  return sql<{ id: number }>`
    SELECT c.id FROM ${from} ${districts}
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${orderClause(q, revealed, NEXT_DUE)}
    LIMIT ${CASE_SEARCH_CAP + 1}`;
}

/** Chooses how to find a search's matches: see searchCandidatesMax. */
async function searchPlan(db: ReadDb, q: CaseListQuery, districtSlugs: readonly string[]): Promise<SearchPlan> {
  const phrase = trigramPhrase(q.query);
  // Fewer than three letters have no trigram; a district's name matches thousands of cases.
  if (phrase === null || districtSlugs.length > 0) return { kind: 'walk' };
  const found = await sql<{ n: number }>`SELECT count(*) AS n FROM cases_search WHERE cases_search MATCH ${phrase}`.execute(db);
  return Number(found.rows[0]?.n ?? 0) <= searchCandidatesMax(q.status) ? { kind: 'candidates', phrase } : { kind: 'walk', phrase };
}

/** The districts whose name or slug holds the query. */
async function districtsMatching(db: ReadDb, query: string): Promise<string[]> {
  const p = containsGlob(query);
  const rows = await sql<{ slug: string }>`SELECT slug FROM districts WHERE name GLOB ${p} OR slug GLOB ${p}`.execute(db);
  return rows.rows.map((r) => r.slug);
}

/**
 * A search: the first CASE_SEARCH_CAP + 1 matches' ids in one pass (their number is the total, up
 * to the cap), then the page's rows by id.
 */
async function searchCases(
  db: ReadDb,
  q: CaseListQuery,
  today: string,
  reader: CaseReader,
  revealed: readonly number[],
): Promise<{ total: number; capped: boolean; rows: CaseListDbRow[] }> {
  const districtSlugs = await districtsMatching(db, q.query);
  const plan = await searchPlan(db, q, districtSlugs);
  const ids = (await caseSearchIdsQuery(q, today, reader, revealed, districtSlugs, plan).execute(db)).rows.map((r) => r.id);
  const capped = ids.length > CASE_SEARCH_CAP;
  const pageIds = ids.slice(0, CASE_SEARCH_CAP).slice(q.offset, q.offset + q.limit);
  if (pageIds.length === 0) return { total: Math.min(ids.length, CASE_SEARCH_CAP), capped, rows: [] };
  const page = await pageQuery(q, sql`c.id IN (${sql.join(pageIds.map((id) => sql`${id}`))})`, revealed, pageIds.length, 0).execute(db);
  return { total: Math.min(ids.length, CASE_SEARCH_CAP), capped, rows: page.rows };
}

/**
 * Protected-identity cases a team lead may not open, by number only: the first
 * PROTECTED_NOT_NAMED_SHOWN and how many there are, with the list's first page only. Any filter
 * beyond the status would match on what the lead may not see (a name, a district), so with one
 * there are none.
 */
async function listProtectedNotNamed(db: ReadDb, q: CaseListQuery, reader: CaseReader): Promise<{ shown: ProtectedNotNamed[]; total: number } | null> {
  if (reader.role !== 'team_lead' || q.offset !== 0) return null;
  const filtered =
    q.query !== '' ||
    q.assignedUserId !== null ||
    q.districtSlug !== null ||
    q.honourOnly ||
    q.riskLevel !== null ||
    q.overdueReviewOnly ||
    q.openRemindersOnly;
  if (filtered) return null;
  const status = q.status === 'all' ? sql`1 = 1` : sql`c.status = ${q.status}`;
  const rows = await sql<{ id: number; case_number: string }>`
    SELECT c.id, c.case_number FROM cases c WHERE ${protectedNotNamed(reader, 'c')} AND ${status}
    ORDER BY c.case_number LIMIT ${PROTECTED_NOT_NAMED_SHOWN}`.execute(db);
  if (rows.rows.length === 0) return null;
  const shown = rows.rows.map((r) => ({ id: r.id, caseNumber: r.case_number }));
  if (shown.length < PROTECTED_NOT_NAMED_SHOWN) return { shown, total: shown.length };
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM cases c WHERE ${protectedNotNamed(reader, 'c')} AND ${status}`.execute(db);
  return { shown, total: Number(count.rows[0]?.n ?? shown.length) };
}

/**
 * One page of the cases the reader may open (by its cursor where the order takes one, else by
 * offset) with its bounds, the number matching the filters when asked (a search counts up to
 * CASE_SEARCH_CAP), and (team leads) protected cases they are not named on; `revealed`: cases
 * whose district the session may see.
 */
export async function listCases(
  db: ReadDb,
  q: CaseListQuery,
  today: string,
  reader: CaseReader,
  revealed: readonly number[] = [],
): Promise<{
  total?: number;
  capped?: boolean;
  rows: CaseListRow[];
  bounds?: { first: CaseListCursor; last: CaseListCursor };
  protectedNotNamed?: ProtectedNotNamed[];
  protectedNotNamedTotal?: number;
}> {
  const notNamed = await listProtectedNotNamed(db, q, reader);
  const extra = notNamed ? { protectedNotNamed: notNamed.shown, protectedNotNamedTotal: notNamed.total } : {};
  if (q.query !== '') {
    const found = await searchCases(db, q, today, reader, revealed);
    const counted = q.withTotal ? { total: found.total, ...(found.capped ? { capped: true } : {}) } : {};
    return { ...counted, rows: found.rows.map((r) => toCaseListRow(r, today)), ...extra };
  }
  const page = (await caseListPageQuery(q, today, reader, revealed).execute(db)).rows;
  if (usableCursor(q)?.side === 'before') page.reverse();
  const bounds = pageBounds(q, page);
  const rows = { rows: page.map((r) => toCaseListRow(r, today)), ...(bounds ? { bounds } : {}) };
  if (!q.withTotal) return { ...rows, ...extra };
  const where = sql.join(filterConditions(q, today, reader, revealed), sql` AND `);
  const count = await sql<{ n: number }>`SELECT count(*) AS n FROM cases c WHERE ${where}`.execute(db);
  return { total: Number(count.rows[0]?.n ?? 0), ...rows, ...extra };
}
