import { sql, type RawBuilder } from 'kysely';
import type { ReadDb } from '../handles';
import { addDays } from '../../core/rules/calendar';
import { isProtectedLevel } from '../../core/rules/protected-fields';
import { OBSTACLES, STOCKHOLM_MUNICIPALITY_CODE } from '../../core/contract';
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
} from '../../core/rules/report-aggregate';
import { DbError } from '../errors';
import { TALLY, TALLY_LISTED, tallied, textsOf } from '../connection/report-functions';
import { chainHead } from './audit-review';

// The facts a report is computed from, for a span of dates (the previous period's start to the
// current period's end) and a scope (districts; empty = the whole team). Only categories, dates,
// counts and costs are selected: never a name, personal identity number, address or free text.

// Swedish order (db/connection/text-functions.ts): Å, Ä, Ö after Z.
const byName = sql`sv_sort_key(name)`;

/** The districts of a scope that exist in the reference data, by name. */
export async function districtsOf(db: ReadDb, slugs: readonly string[]): Promise<{ slug: string; name: string }[]> {
  if (slugs.length > 0)
    return db
      .selectFrom('districts')
      .select(['slug', 'name'])
      .where('slug', 'in', [...slugs])
      .orderBy(byName)
      .execute();
  return db
    .selectFrom('districts')
    .select(['slug', 'name'])
    .where('slug', 'in', db.selectFrom('cases').select('district_slug').where('district_slug', 'is not', null).distinct().$castTo<string>())
    .orderBy(byName)
    .execute();
}

// The report aggregates by name, as SQL (db/connection/report-functions.ts).
const tally = sql.raw(TALLY);
const tallyListed = sql.raw(TALLY_LISTED);

/** Runs a query whose one row holds a TALLY of json_array keys in `groups`: each group's key values and count. */
async function groupsOf<K extends readonly unknown[]>(db: ReadDb, query: RawBuilder<{ groups: string | null }>): Promise<[K, number][]> {
  const row = (await query.execute(db)).rows[0];
  return tallied(row?.groups ?? null).map(([key, n]) => [JSON.parse(key) as K, n]);
}

/** The first moment of a local calendar day, as timestamps are stored (UTC): a timestamp before it falls on an earlier day. */
function startOfLocalDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** What a report's facts are read for: its two periods and its scope (districts; empty = the whole team). */
export interface FactQuery {
  current: Range;
  previous: Range;
  slugs: readonly string[];
}

/** The facts one part reads (the whole, less the district rows every part shares). */
type FactFragment = Partial<Omit<ReportFacts, 'districts' | 'includeNoDistrict'>>;

/** What every part's SQL shares: the span of both periods and the scope as a condition. */
function spanOf(q: FactQuery) {
  const { current, previous, slugs } = q;
  const scoped = slugs.length > 0;
  const span = { from: previous.from < current.from ? previous.from : current.from, to: current.to > previous.to ? current.to : previous.to };
  // Cases in scope, as a condition on a case id column (sql.ref); nothing when the whole team.
  const inScope = (caseId: string) => (scoped ? sql`AND ${sql.ref(caseId)} IN (SELECT id FROM cases WHERE district_slug IN (${sql.join([...slugs])}))` : sql``);
  const periods = sql`periods (period, from_date, to_date) AS (VALUES ('current', ${current.from}, ${current.to}), ('previous', ${previous.from}, ${previous.to}))`;
  const periodOf = (column: string) =>
    sql<ReportPeriod | null>`CASE WHEN ${sql.ref(column)} BETWEEN ${current.from} AND ${current.to} THEN 'current' WHEN ${sql.ref(column)} BETWEEN ${previous.from} AND ${previous.to} THEN 'previous' END`;
  // The survivors' own chains: steps without a child that had not ended before the span.
  const inChain = sql`h.child_id IS NULL AND (h.end_date IS NULL OR h.end_date >= ${span.from})`;
  return { current, previous, slugs, scoped, span, inScope, periods, periodOf, inChain };
}

/** Cases alike in everything the report counts, counted together (CaseFact.count). */
async function readCases(db: ReadDb, q: FactQuery): Promise<FactFragment> {
  const { current, previous, slugs, scoped, span } = spanOf(q);
  // Margins of two days on timestamps: the exact local day is worked out below.
  const tsFrom = addDays(span.from, -2);
  const tsTo = addDays(span.to, 2);
  // Their openings and closings only need to fall between the same period boundaries, the local
  // midnights that start each period and the day after each. One day stands for each stretch.
  const boundaries = [previous.from, addDays(previous.to, 1), current.from, addDays(current.to, 1)];
  const stretchDays = [addDays(previous.from, -1), previous.from, addDays(previous.to, 1), current.from, addDays(current.to, 1)];
  const stretch = (column: string) =>
    sql<number>`CASE ${sql.join(
      boundaries.map((day, i) => sql`WHEN ${sql.ref(column)} < ${startOfLocalDay(day)} THEN ${sql.lit(i)}`),
      sql` `,
    )} ELSE ${sql.lit(boundaries.length)} END`;
  const groups = await groupsOf<[string | null, string, number, number, number, number, number | null]>(
    db,
    sql<{ groups: string | null }>`
    SELECT ${tally}(json_array(c.district_slug, c.survivor_gender, c.honour_context, c.protection_level != 'none',
      (SELECT count(*) FROM children ch WHERE ch.case_id = c.id),
      ${stretch('c.created_at')}, CASE WHEN c.closed_at IS NULL THEN NULL ELSE ${stretch('c.closed_at')} END)) AS groups
    FROM cases c
    WHERE c.created_at <= ${tsTo} AND (c.closed_at IS NULL OR c.closed_at >= ${tsFrom}) ${scoped ? sql`AND c.district_slug IN (${sql.join([...slugs])})` : sql``}`,
  );
  const cases: CaseFact[] = groups.map(([[district, gender, honour, protectedIdentity, children, opened, closed], n]) => ({
    districtSlug: district,
    gender,
    honourContext: honour === 1,
    protectedIdentity: protectedIdentity === 1,
    children: Number(children ?? 0),
    openedOn: stretchDays[opened] ?? current.to,
    closedOn: closed === null ? null : (stretchDays[closed] ?? current.to),
    count: n,
  }));
  return { cases };
}

/**
 * Risk (countRisk): the cases open at each period's end, by their latest completed assessment of
 * the survivor by then, read from an index that holds what is needed (never the answers).
 */
async function readRisk(db: ReadDb, q: FactQuery): Promise<FactFragment> {
  const { current, previous, slugs, scoped } = spanOf(q);
  const risk = await groupsOf<[ReportPeriod, string | null, number]>(
    db,
    sql<{ groups: string | null }>`
    WITH ends (period, last_day, end_at) AS (VALUES ('current', ${current.to}, ${startOfLocalDay(addDays(current.to, 1))}), ('previous', ${previous.to}, ${startOfLocalDay(addDays(previous.to, 1))})),
    open_cases AS (
      SELECT e.period, e.last_day,
        (SELECT json_array(a.headline_level, a.next_review_date) FROM assessments a
          WHERE a.case_id = c.id AND a.child_id IS NULL AND a.status = 'completed' AND a.completed_at < e.end_at
          ORDER BY a.completed_at DESC, a.id DESC LIMIT 1) AS latest
      FROM ends e JOIN cases c ON c.created_at < e.end_at AND (c.closed_at IS NULL OR c.closed_at >= e.end_at)
      WHERE 1 ${scoped ? sql`AND c.district_slug IN (${sql.join([...slugs])})` : sql``}
    )
    SELECT ${tally}(json_array(period, json_extract(latest, '$[0]'), coalesce(json_extract(latest, '$[1]') < last_day, 0))) AS groups
    FROM open_cases`,
  );
  return { risk: risk.map(([[period, level, overdue], n]) => ({ period, level, overdue: overdue === 1, count: n })) };
}

/** Placements in protected shelters during the span, one row each, with their shelter's permit. */
async function readPlacements(db: ReadDb, q: FactQuery): Promise<FactFragment> {
  const { span, inScope } = spanOf(q);
  const shelters = new Map(
    (await db.selectFrom('shelters').select(['id', 'ivo_kind', 'ivo_valid_until', 'specialisations']).execute()).map((s) => [
      s.id,
      { ivoKind: s.ivo_kind, ivoValidUntil: s.ivo_valid_until, specialisations: textsOf(s.specialisations) },
    ]),
  );
  const placementRows = await sql<{ start_date: string; end_date: string | null; cost_per_day: number | null; shelter_id: number | null }>`
    SELECT h.start_date, h.end_date, h.cost_per_day, h.shelter_id FROM housing_steps h
    WHERE h.kind = 'protected_shelter' AND h.start_date <= ${span.to} AND (h.end_date IS NULL OR h.end_date >= ${span.from}) ${inScope('h.case_id')}`.execute(
    db,
  );
  const placements: PlacementFact[] = placementRows.rows.map((r) => ({
    startDate: r.start_date,
    endDate: r.end_date,
    costPerDay: r.cost_per_day,
    shelter: r.shelter_id === null ? null : (shelters.get(r.shelter_id) ?? null),
  }));
  return { placements };
}

/**
 * Moves that began or were completed in a period (countMoves), from the summary each move keeps of
 * its status changes (migration 0009). The two are counted apart, each from its own index: a move
 * that began in one period and was completed in the other counts in both.
 */
async function readMoves(db: ReadDb, q: FactQuery): Promise<FactFragment> {
  const { current, previous, span, inScope, periodOf } = spanOf(q);
  // Its status at the end of the period it began in: its last change by then, in the order date,
  // id (the latest change when that came by then, else looked up).
  const begun = await groupsOf<[ReportPeriod, string | null, string]>(
    db,
    sql<{ groups: string | null }>`
    WITH x AS (
      SELECT m.id, m.route, m.last_on, m.last_status, ${periodOf('m.first_on')} AS begun_in
      FROM moves m
      WHERE m.first_on BETWEEN ${span.from} AND ${span.to} ${inScope('m.case_id')}
    ),
    y AS (SELECT x.*, CASE x.begun_in WHEN 'current' THEN ${current.to} WHEN 'previous' THEN ${previous.to} END AS begun_end FROM x WHERE x.begun_in IS NOT NULL)
    SELECT ${tally}(json_array(y.begun_in,
      CASE WHEN y.last_on <= y.begun_end THEN y.last_status ELSE (SELECT s.status FROM move_transitions s
        WHERE s.move_id = y.id AND s.date <= y.begun_end
        ORDER BY s.date DESC, s.id DESC LIMIT 1) END,
      y.route)) AS groups
    FROM y`,
  );
  const completed = await groupsOf<[ReportPeriod, number, string, number]>(
    db,
    sql<{ groups: string | null }>`
    WITH x AS (
      SELECT m.route, m.to_kind, m.to_code, m.first_on, m.requested_on, m.completed_on, ${periodOf('m.completed_on')} AS completed_in
      FROM moves m
      WHERE m.completed_on BETWEEN ${span.from} AND ${span.to} ${inScope('m.case_id')}
    )
    SELECT ${tally}(json_array(x.completed_in,
      CAST(round(julianday(x.completed_on) - julianday(coalesce(x.requested_on, x.first_on))) AS INTEGER),
      x.route,
      (x.to_kind = 'district' OR x.to_code = ${STOCKHOLM_MUNICIPALITY_CODE}))) AS groups
    FROM x
    WHERE x.completed_in IS NOT NULL`,
  );
  return {
    movesBegun: begun.map(([[period, statusAtEnd, route], n]): MovesBegunCount => ({ period, route, statusAtEnd, count: n })),
    movesCompleted: completed.map(([[period, days, route, withinCity], n]): MovesCompletedCount => ({
      period,
      route,
      withinCity: withinCity === 1,
      days: Number(days),
      count: n,
    })),
  };
}

/** Who left a protected shelter in a period and what came next in her own chain (countSteps). */
async function readCohort(db: ReadDb, q: FactQuery): Promise<FactFragment> {
  const { span, inScope, periods, inChain } = spanOf(q);
  const chainStep = (alias: string) =>
    sql`${sql.ref(`${alias}.case_id`)} = l.case_id AND ${sql.ref(`${alias}.child_id`)} IS NULL AND ${sql.ref(`${alias}.id`)} != l.id AND (${sql.ref(`${alias}.end_date`)} IS NULL OR ${sql.ref(`${alias}.end_date`)} >= ${span.from})`;
  const cohort = await groupsOf<[ReportPeriod, string | null, number]>(
    db,
    sql<{ groups: string | null }>`
    WITH ${periods}
    SELECT ${tally}(json_array(l.period,
      (SELECT s.kind FROM housing_steps s WHERE ${chainStep('s')} AND s.start_date >= l.end_date ORDER BY s.start_date, s.id LIMIT 1),
      (l.outcome = 'own_lease' OR EXISTS (SELECT 1 FROM housing_steps o WHERE ${chainStep('o')} AND o.start_date >= l.start_date AND (o.kind = 'own_lease' OR o.outcome = 'own_lease'))))) AS groups
    FROM (
      SELECT p.period, h.case_id, h.id, h.start_date, h.end_date, h.outcome,
        row_number() OVER (PARTITION BY p.period, h.case_id ORDER BY h.start_date DESC, h.id DESC) AS rn
      FROM periods p JOIN housing_steps h ON h.end_date >= p.from_date AND h.end_date <= p.to_date
      WHERE h.kind = 'protected_shelter' AND ${inChain} ${inScope('h.case_id')}
    ) l
    WHERE l.rn = 1`,
  );
  return { chainCohort: cohort.map(([[period, nextKind, reached], n]) => ({ period, nextKind, reachedLease: reached === 1, count: n })) };
}

/** The lengths of the steps of the survivors' own chains that ended in a period (countSteps). */
async function readEnded(db: ReadDb, q: FactQuery): Promise<FactFragment> {
  const { inScope, periods, inChain } = spanOf(q);
  const ended = await groupsOf<[ReportPeriod, string, number]>(
    db,
    sql<{ groups: string | null }>`
    WITH ${periods}
    SELECT ${tally}(json_array(p.period, h.kind, CAST(round(julianday(h.end_date) - julianday(h.start_date)) AS INTEGER))) AS groups
    FROM periods p JOIN housing_steps h ON h.end_date >= p.from_date AND h.end_date <= p.to_date
    WHERE ${inChain} ${inScope('h.case_id')}`,
  );
  return { stepsEnded: ended.map(([[period, kind, days], n]) => ({ period, kind, days: Number(days), count: n })) };
}

/**
 * The obstacles named on the survivors' own chains, by the cases with each in a period (the
 * obstacles the report has rows for). Obstacles are a JSON list of texts; anything else in the
 * column counts as none. One pass over the span's steps; the cases are counted per obstacle in a
 * hash table (TALLY_LISTED), one per period, each distinct list parsed once.
 */
async function readObstacles(db: ReadDb, q: FactQuery): Promise<FactFragment> {
  const { current, previous, span, inScope, inChain } = spanOf(q);
  const activeIn = (r: Range) => sql`h.start_date <= ${r.to} AND (h.end_date IS NULL OR h.end_date >= ${r.from})`;
  const row = (
    await sql<{ previous: string | null; current: string | null }>`
    SELECT ${tallyListed}(h.obstacles, h.case_id) FILTER (WHERE ${activeIn(previous)}) AS previous,
      ${tallyListed}(h.obstacles, h.case_id) FILTER (WHERE ${activeIn(current)}) AS current
    FROM housing_steps h
    WHERE ${inChain} AND h.start_date <= ${span.to} AND h.obstacles != '[]' ${inScope('h.case_id')}`.execute(db)
  ).rows[0];
  const previousCases = new Map(tallied(row?.previous ?? null));
  const currentCases = new Map(tallied(row?.current ?? null));
  return {
    obstacleCases: OBSTACLES.flatMap((obstacle) => [
      { period: 'previous' as const, obstacle, cases: previousCases.get(obstacle) ?? 0 },
      { period: 'current' as const, obstacle, cases: currentCases.get(obstacle) ?? 0 },
    ]),
  };
}

/**
 * Kompotten requests sent and received in each period, counted by counterpart and outcome; the
 * requests of protected cases counted together under no name.
 */
async function readKompotten(db: ReadDb, q: FactQuery): Promise<FactFragment> {
  const { span, scoped, slugs, periodOf } = spanOf(q);
  // A request without a case belongs to no district: only whole-team reports count it.
  const rows = await sql<{
    period: ReportPeriod | null;
    direction: string;
    counterpart_code: string;
    name: string;
    outcome: string;
    protection_level: string | null;
    n: number;
  }>`
    SELECT ${periodOf('k.date')} AS period, k.direction, k.counterpart_code, mu.name, k.outcome, c.protection_level, count(*) AS n
    FROM kompotten_requests k JOIN municipalities mu ON mu.code = k.counterpart_code LEFT JOIN cases c ON c.id = k.case_id
    WHERE k.date BETWEEN ${span.from} AND ${span.to} ${scoped ? sql`AND c.district_slug IN (${sql.join([...slugs])})` : sql``}
    GROUP BY 1, 2, 3, 5, 6`.execute(db);
  const counted = new Map<string, KompottenFact>();
  for (const r of rows.rows) {
    if (r.period === null) continue;
    const direction = r.direction === 'received' ? 'received' : 'sent';
    // A request for a protected case names her new municipality: the report counts it unnamed.
    const counterpart =
      r.protection_level !== null && isProtectedLevel(r.protection_level)
        ? { counterpartCode: PROTECTED_COUNTERPART, counterpartName: '' }
        : { counterpartCode: r.counterpart_code, counterpartName: r.name };
    const key = JSON.stringify([r.period, direction, counterpart.counterpartCode, r.outcome]);
    const fact = counted.get(key) ?? { period: r.period, direction, ...counterpart, outcome: r.outcome, count: 0 };
    fact.count += r.n;
    counted.set(key, fact);
  }
  return { kompotten: [...counted.values()] };
}

const PART_READERS = {
  cases: readCases,
  risk: readRisk,
  placements: readPlacements,
  moves: readMoves,
  cohort: readCohort,
  ended: readEnded,
  obstacles: readObstacles,
  kompotten: readKompotten,
} as const satisfies Record<string, (db: ReadDb, q: FactQuery) => Promise<FactFragment>>;

/** A part of a report's facts that can be read on its own. */
export type FactPart = keyof typeof PART_READERS;

/**
 * Every part, the longest first (measured at scale 1: obstacles 0.37 s down to Kompotten 0.05 s).
 * Two connections that each claim the next part in this order finish close together, whichever
 * started later or reads more slowly (a cold cache).
 */
export const FACT_PARTS: readonly FactPart[] = ['obstacles', 'ended', 'moves', 'cohort', 'cases', 'risk', 'placements', 'kompotten'];

/** What has been read, by part. */
export type PartsRead = Partial<Record<FactPart, FactFragment>>;

/** A counter shared between threads: how many of FACT_PARTS have been claimed. */
export function newPartClaims(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/** Claims the next part no one has claimed yet (atomically, across threads); null when none is left. */
export function claimPart(claims: Int32Array): FactPart | null {
  return FACT_PARTS[Atomics.add(claims, 0, 1)] ?? null;
}

/** Reads one part of a report's facts. */
export function readFactPart(db: ReadDb, q: FactQuery, part: FactPart): Promise<FactFragment> {
  return PART_READERS[part](db, q);
}

/**
 * What the database held when a read transaction began, as far as reports can tell: the audit
 * chain's head. Every transaction that changes casework appends to the chain, so two transactions
 * with the same mark read the same data (and the worker runs one operation at a time, so none of
 * its own writes can come between a report's two connections).
 */
export async function snapshotMark(db: ReadDb): Promise<string> {
  const head = await chainHead(db);
  return head ? `${head.seq}:${head.hash}` : '';
}

/**
 * Another connection reading parts at the same time: in a transaction whose mark equals `mark`
 * (else it claims nothing), it claims parts from `claims` until none is left and answers what it
 * read. Parts it claimed but did not answer (a failure, null) are read by the asker.
 */
export type FactsElsewhere = (q: FactQuery, claims: Int32Array, mark: string) => Promise<PartsRead | null>;

function need<T>(value: T | undefined, part: string): T {
  if (value === undefined) throw new DbError('internal', `The report's ${part} were not read.`);
  return value;
}

/**
 * Reads a report's facts for its two periods. At city scale the rows themselves are the cost (each
 * value handed to JavaScript costs about as much as finding it), so every read uses a narrow
 * covering index (migrations 0008, 0009) and as much as possible is counted here: cases grouped,
 * risk, moves and housing chains by the rules of `countRisk`, `countMoves` and `countSteps` in core
 * (tests/db/report-facts.test.ts checks that both agree); placements and Kompotten requests come
 * one row each. With `elsewhere`, a second connection (on a second core) reads parts at the same
 * time, from the same state of the database: each claims the next part until none is left.
 */
export async function readReportFacts(db: ReadDb, current: Range, previous: Range, slugs: readonly string[], elsewhere?: FactsElsewhere): Promise<ReportFacts> {
  const q: FactQuery = { current, previous, slugs: [...slugs] };
  const read: PartsRead = {};
  if (elsewhere) {
    // Read in this transaction, the mark names its snapshot; the other connection reads only from the same.
    const mark = await snapshotMark(db);
    const claims = newPartClaims();
    const away = elsewhere(q, claims, mark).catch(() => null);
    for (let part = claimPart(claims); part !== null; part = claimPart(claims)) read[part] = await readFactPart(db, q, part);
    const there = (await away) ?? {};
    for (const part of FACT_PARTS) read[part] ??= there[part];
  }
  for (const part of FACT_PARTS) read[part] ??= await readFactPart(db, q, part);
  const facts: FactFragment = Object.assign({}, ...FACT_PARTS.map((part) => read[part]));
  return {
    districts: await districtsOf(db, slugs),
    includeNoDistrict: slugs.length === 0,
    cases: need(facts.cases, 'cases'),
    placements: need(facts.placements, 'placements'),
    movesBegun: need(facts.movesBegun, 'moves'),
    movesCompleted: need(facts.movesCompleted, 'moves'),
    chainCohort: need(facts.chainCohort, 'housing chains'),
    stepsEnded: need(facts.stepsEnded, 'housing steps'),
    obstacleCases: need(facts.obstacleCases, 'obstacles'),
    risk: need(facts.risk, 'risk levels'),
    kompotten: need(facts.kompotten, 'Kompotten requests'),
  };
}
