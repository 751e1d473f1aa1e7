import { sql, type Kysely } from 'kysely';
import { addDays } from '../../core/rules/calendar';
import { isProtectedLevel } from '../../core/rules/protected-fields';
import { STOCKHOLM_MUNICIPALITY_CODE } from '../../core/contract';
import {
  PROTECTED_COUNTERPART,
  type CaseFact,
  type KompottenFact,
  type MovesBegunCount,
  type MovesCompletedCount,
  type PlacementFact,
  type Range,
  type ReportFacts,
  type ReportPeriod,
  type RiskCount,
} from '../../core/rules/report-aggregate';
import type { DB } from '../schema';

/**
 * The facts a report is computed from, for a span of dates (the previous period's start to the
 * current period's end) and a scope (districts; empty = the whole team). Only categories, dates,
 * counts and costs are selected: never a name, personal identity number, address or free text.
 */


function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The districts of a scope that exist in the reference data, by name. */
export async function districtsOf(db: Kysely<DB>, slugs: readonly string[]): Promise<{ slug: string; name: string }[]> {
  if (slugs.length > 0) return db.selectFrom('districts').select(['slug', 'name']).where('slug', 'in', [...slugs]).orderBy('name').execute();
  return db
    .selectFrom('districts')
    .select(['slug', 'name'])
    .where('slug', 'in', db.selectFrom('cases').select('district_slug').where('district_slug', 'is not', null).distinct().$castTo<string>())
    .orderBy('name')
    .execute();
}

/** The first moment of a local calendar day, as timestamps are stored (UTC): a timestamp before it falls on an earlier day. */
function startOfLocalDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/**
 * Reads a report's facts for its two periods. At city scale the rows themselves are the cost (each
 * value handed to JavaScript costs about as much as finding it), so every read uses a narrow
 * covering index (migration 0008) and as much as possible is counted here: cases grouped, risk,
 * moves and housing chains by the rules of `countRisk`, `countMoves` and `countSteps` in core
 * (tests/db/report-facts.test.ts checks that both agree); placements and Kompotten requests come
 * one row each.
 */
export async function readReportFacts(db: Kysely<DB>, current: Range, previous: Range, slugs: readonly string[]): Promise<ReportFacts> {
  const scoped = slugs.length > 0;
  const span = { from: previous.from < current.from ? previous.from : current.from, to: current.to > previous.to ? current.to : previous.to };
  // Margins of two days on timestamps: the exact local day is worked out below.
  const tsFrom = addDays(span.from, -2);
  const tsTo = addDays(span.to, 2);
  // Cases in scope, as a condition on a case id column (sql.ref); nothing when the whole team.
  const inScope = (caseId: string) => (scoped ? sql`AND ${sql.ref(caseId)} IN (SELECT id FROM cases WHERE district_slug IN (${sql.join([...slugs])}))` : sql``);
  const periods = sql`periods (period, from_date, to_date) AS (VALUES ('current', ${current.from}, ${current.to}), ('previous', ${previous.from}, ${previous.to}))`;

  // Cases alike in everything the report counts are counted together (CaseFact.count): their
  // openings and closings only need to fall between the same period boundaries, the local
  // midnights that start each period and the day after each. One day stands for each stretch.
  const boundaries = [previous.from, addDays(previous.to, 1), current.from, addDays(current.to, 1)];
  const stretchDays = [addDays(previous.from, -1), previous.from, addDays(previous.to, 1), current.from, addDays(current.to, 1)];
  const stretch = (column: string) =>
    sql<number>`CASE ${sql.join(
      boundaries.map((day, i) => sql`WHEN ${sql.ref(column)} < ${startOfLocalDay(day)} THEN ${sql.lit(i)}`),
      sql` `,
    )} ELSE ${sql.lit(boundaries.length)} END`;
  const caseRows = await sql<{ district_slug: string | null; survivor_gender: string; honour_context: number; protected: number; children: number; opened: number; closed: number | null; n: number }>`
    SELECT c.district_slug, c.survivor_gender, c.honour_context, c.protection_level != 'none' AS protected,
      (SELECT count(*) FROM children ch WHERE ch.case_id = c.id) AS children,
      ${stretch('c.created_at')} AS opened, CASE WHEN c.closed_at IS NULL THEN NULL ELSE ${stretch('c.closed_at')} END AS closed, count(*) AS n
    FROM cases c
    WHERE c.created_at <= ${tsTo} AND (c.closed_at IS NULL OR c.closed_at >= ${tsFrom}) ${scoped ? sql`AND c.district_slug IN (${sql.join([...slugs])})` : sql``}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`.execute(db);
  const cases: CaseFact[] = caseRows.rows.map((r) => ({
    districtSlug: r.district_slug,
    gender: r.survivor_gender,
    honourContext: r.honour_context === 1,
    protectedIdentity: r.protected === 1,
    children: Number(r.children ?? 0),
    openedOn: stretchDays[r.opened] ?? current.to,
    closedOn: r.closed === null ? null : (stretchDays[r.closed] ?? current.to),
    count: r.n,
  }));

  // Risk (countRisk): the cases open at each period's end, by their latest completed assessment of
  // the survivor by then, read from an index that holds what is needed (never the answers).
  const riskRows = await sql<{ period: ReportPeriod; level: string | null; overdue: number; n: number }>`
    WITH ends (period, last_day, end_at) AS (VALUES ('current', ${current.to}, ${startOfLocalDay(addDays(current.to, 1))}), ('previous', ${previous.to}, ${startOfLocalDay(addDays(previous.to, 1))})),
    open_cases AS (
      SELECT e.period, e.last_day,
        (SELECT json_array(a.headline_level, a.next_review_date) FROM assessments a
          WHERE a.case_id = c.id AND a.child_id IS NULL AND a.status = 'completed' AND a.completed_at < e.end_at
          ORDER BY a.completed_at DESC, a.id DESC LIMIT 1) AS latest
      FROM ends e JOIN cases c ON c.created_at < e.end_at AND (c.closed_at IS NULL OR c.closed_at >= e.end_at)
      WHERE 1 ${scoped ? sql`AND c.district_slug IN (${sql.join([...slugs])})` : sql``}
    )
    SELECT period, json_extract(latest, '$[0]') AS level, coalesce(json_extract(latest, '$[1]') < last_day, 0) AS overdue, count(*) AS n
    FROM open_cases GROUP BY 1, 2, 3`.execute(db);
  const risk: RiskCount[] = riskRows.rows.map((r) => ({ period: r.period, level: r.level, overdue: r.overdue === 1, count: r.n }));

  const shelters = new Map(
    (await db.selectFrom('shelters').select(['id', 'ivo_kind', 'ivo_valid_until', 'specialisations']).execute()).map((s) => [
      s.id,
      { ivoKind: s.ivo_kind, ivoValidUntil: s.ivo_valid_until, specialisations: parseList(s.specialisations) },
    ]),
  );
  const placementRows = await sql<{ case_id: number; child_id: number | null; start_date: string; end_date: string | null; cost_per_day: number | null; shelter_id: number | null }>`
    SELECT h.case_id, h.child_id, h.start_date, h.end_date, h.cost_per_day, h.shelter_id FROM housing_steps h
    WHERE h.kind = 'protected_shelter' AND h.start_date <= ${span.to} AND (h.end_date IS NULL OR h.end_date >= ${span.from}) ${inScope('h.case_id')}`.execute(db);
  const placements: PlacementFact[] = placementRows.rows.map((r) => ({
    caseId: r.case_id,
    childId: r.child_id,
    startDate: r.start_date,
    endDate: r.end_date,
    costPerDay: r.cost_per_day,
    shelter: r.shelter_id === null ? null : (shelters.get(r.shelter_id) ?? null),
  }));

  // Moves that began or were completed in a period, from the summary each move keeps of its
  // status changes (migration 0009), counted (countMoves) in one pass: the period each began and
  // was completed in, its status at the end of the period it began in (its last change by then,
  // in the order date, id: the latest change when that came by then, else looked up).
  const periodOf = (column: string) =>
    sql<ReportPeriod | null>`CASE WHEN ${sql.ref(column)} BETWEEN ${current.from} AND ${current.to} THEN 'current' WHEN ${sql.ref(column)} BETWEEN ${previous.from} AND ${previous.to} THEN 'previous' END`;
  const moveRows = await sql<{ begun_in: ReportPeriod | null; status_at_end: string | null; completed_in: ReportPeriod | null; days: number | null; route: string; within_city: number | null; n: number }>`
    WITH x AS (
      SELECT m.id, m.case_id, m.route, m.to_kind, m.to_code, m.first_on, m.requested_on, m.completed_on, m.last_on, m.last_status,
        ${periodOf('m.first_on')} AS begun_in, ${periodOf('m.completed_on')} AS completed_in
      FROM moves m
      WHERE (m.first_on BETWEEN ${span.from} AND ${span.to} OR m.completed_on BETWEEN ${span.from} AND ${span.to}) ${inScope('m.case_id')}
    ),
    y AS (SELECT x.*, CASE x.begun_in WHEN 'current' THEN ${current.to} WHEN 'previous' THEN ${previous.to} END AS begun_end FROM x)
    SELECT y.begun_in,
      CASE WHEN y.begun_in IS NULL THEN NULL WHEN y.last_on <= y.begun_end THEN y.last_status ELSE (SELECT s.status FROM move_transitions s
        WHERE s.move_id = y.id AND s.date <= y.begun_end
        ORDER BY s.date DESC, s.id DESC LIMIT 1) END AS status_at_end,
      y.completed_in,
      CASE WHEN y.completed_in IS NULL THEN NULL ELSE CAST(round(julianday(y.completed_on) - julianday(coalesce(y.requested_on, y.first_on))) AS INTEGER) END AS days,
      y.route,
      CASE WHEN y.completed_in IS NULL THEN NULL ELSE (y.to_kind = 'district' OR y.to_code = ${STOCKHOLM_MUNICIPALITY_CODE}) END AS within_city,
      count(*) AS n
    FROM y
    WHERE y.begun_in IS NOT NULL OR y.completed_in IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  const begun = new Map<string, MovesBegunCount>();
  const completed = new Map<string, MovesCompletedCount>();
  for (const r of moveRows.rows) {
    if (r.begun_in !== null) {
      const key = JSON.stringify([r.begun_in, r.route, r.status_at_end]);
      const c = begun.get(key) ?? { period: r.begun_in, route: r.route, statusAtEnd: r.status_at_end, count: 0 };
      c.count += r.n;
      begun.set(key, c);
    }
    if (r.completed_in !== null) {
      const key = JSON.stringify([r.completed_in, r.route, r.within_city, r.days]);
      const c = completed.get(key) ?? { period: r.completed_in, route: r.route, withinCity: r.within_city === 1, days: Number(r.days), count: 0 };
      c.count += r.n;
      completed.set(key, c);
    }
  }
  const movesBegun = [...begun.values()];
  const movesCompleted = [...completed.values()];

  // The survivors' own chains (steps without a child that had not ended before the span), counted
  // (countSteps): who left a protected shelter in a period and what came next; step lengths; obstacles.
  const inChain = sql`h.child_id IS NULL AND (h.end_date IS NULL OR h.end_date >= ${span.from})`;
  const chainStep = (alias: string) =>
    sql`${sql.ref(`${alias}.case_id`)} = l.case_id AND ${sql.ref(`${alias}.child_id`)} IS NULL AND ${sql.ref(`${alias}.id`)} != l.id AND (${sql.ref(`${alias}.end_date`)} IS NULL OR ${sql.ref(`${alias}.end_date`)} >= ${span.from})`;
  const cohortRows = await sql<{ period: ReportPeriod; next_kind: string | null; reached: number; n: number }>`
    WITH ${periods}
    SELECT l.period,
      (SELECT s.kind FROM housing_steps s WHERE ${chainStep('s')} AND s.start_date >= l.end_date ORDER BY s.start_date, s.id LIMIT 1) AS next_kind,
      (l.outcome = 'own_lease' OR EXISTS (SELECT 1 FROM housing_steps o WHERE ${chainStep('o')} AND o.start_date >= l.start_date AND (o.kind = 'own_lease' OR o.outcome = 'own_lease'))) AS reached,
      count(*) AS n
    FROM (
      SELECT p.period, h.case_id, h.id, h.start_date, h.end_date, h.outcome,
        row_number() OVER (PARTITION BY p.period, h.case_id ORDER BY h.start_date DESC, h.id DESC) AS rn
      FROM periods p JOIN housing_steps h ON h.end_date >= p.from_date AND h.end_date <= p.to_date
      WHERE h.kind = 'protected_shelter' AND ${inChain} ${inScope('h.case_id')}
    ) l
    WHERE l.rn = 1
    GROUP BY 1, 2, 3`.execute(db);
  const endedRows = await sql<{ period: ReportPeriod; kind: string; days: number; n: number }>`
    WITH ${periods}
    SELECT p.period, h.kind, CAST(round(julianday(h.end_date) - julianday(h.start_date)) AS INTEGER) AS days, count(*) AS n
    FROM periods p JOIN housing_steps h ON h.end_date >= p.from_date AND h.end_date <= p.to_date
    WHERE ${inChain} ${inScope('h.case_id')}
    GROUP BY 1, 2, 3`.execute(db);
  // Obstacles are a JSON list of texts; anything else in the column counts as none. One pass over
  // the span's steps, each step's list read once, the cases counted per period.
  const activeIn = (r: Range) => sql`h.start_date <= ${r.to} AND (h.end_date IS NULL OR h.end_date >= ${r.from})`;
  const obstacleRows = await sql<{ obstacle: string; previous_cases: number; current_cases: number }>`
    SELECT j.value AS obstacle,
      count(DISTINCT CASE WHEN ${activeIn(previous)} THEN h.case_id END) AS previous_cases,
      count(DISTINCT CASE WHEN ${activeIn(current)} THEN h.case_id END) AS current_cases
    FROM housing_steps h
    JOIN json_each(CASE WHEN json_valid(h.obstacles) AND json_type(h.obstacles) = 'array' THEN h.obstacles ELSE '[]' END) j
    WHERE ${inChain} AND h.start_date <= ${span.to} AND h.obstacles != '[]' AND j.type = 'text' ${inScope('h.case_id')}
    GROUP BY 1`.execute(db);

  let kompottenQ = db
    .selectFrom('kompotten_requests as k')
    .innerJoin('municipalities as mu', 'mu.code', 'k.counterpart_code')
    .leftJoin('cases as c', 'c.id', 'k.case_id')
    .select(['k.direction', 'k.counterpart_code', 'mu.name', 'k.date', 'k.outcome', 'c.protection_level'])
    .where('k.date', '>=', span.from)
    .where('k.date', '<=', span.to);
  // A request without a case belongs to no district: only whole-team reports count it.
  if (scoped) kompottenQ = kompottenQ.where('c.district_slug', 'in', [...slugs]);
  const kompotten: KompottenFact[] = (await kompottenQ.execute()).map((r) => ({
    direction: r.direction === 'received' ? 'received' : 'sent',
    // A request for a protected case names her new municipality: the report counts it unnamed.
    ...(r.protection_level !== null && isProtectedLevel(r.protection_level)
      ? { counterpartCode: PROTECTED_COUNTERPART, counterpartName: '' }
      : { counterpartCode: r.counterpart_code, counterpartName: r.name }),
    date: r.date,
    outcome: r.outcome,
  }));

  return {
    districts: await districtsOf(db, slugs),
    includeNoDistrict: !scoped,
    cases,
    placements,
    movesBegun,
    movesCompleted,
    chainCohort: cohortRows.rows.map((r) => ({ period: r.period, nextKind: r.next_kind, reachedLease: r.reached === 1, count: r.n })),
    stepsEnded: endedRows.rows.map((r) => ({ period: r.period, kind: r.kind, days: Number(r.days), count: r.n })),
    obstacleCases: obstacleRows.rows.flatMap((r) => [
      { period: 'previous' as const, obstacle: r.obstacle, cases: r.previous_cases },
      { period: 'current' as const, obstacle: r.obstacle, cases: r.current_cases },
    ]),
    risk,
    kompotten,
  };
}
