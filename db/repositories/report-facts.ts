import type { Kysely } from 'kysely';
import { addDays, localIsoDate } from '../../core/rules/calendar';
import { isProtectedLevel } from '../../core/rules/protected-fields';
import { PROTECTED_COUNTERPART, type AssessmentFact, type CaseFact, type KompottenFact, type MoveFact, type PlacementFact, type Range, type ReportFacts, type StepFact } from '../../core/rules/report-aggregate';
import type { DB } from '../schema';

/**
 * The facts a report is computed from, for a span of dates (the previous period's start to the
 * current period's end) and a scope (districts; empty = the whole team). Only categories, dates,
 * counts and costs are selected: never a name, personal identity number, address or free text.
 */

/** Timestamps are UTC; the report counts the caseworkers' local day. */
const localDay = (iso: string): string => localIsoDate(new Date(iso));

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

export async function readReportFacts(db: Kysely<DB>, span: Range, slugs: readonly string[]): Promise<ReportFacts> {
  const scoped = slugs.length > 0;
  // Margins of two days on timestamps: the exact local day is worked out below.
  const tsFrom = addDays(span.from, -2);
  const tsTo = addDays(span.to, 2);

  let casesQ = db
    .selectFrom('cases as c')
    .select((eb) => [
      'c.id',
      'c.district_slug',
      'c.survivor_gender',
      'c.honour_context',
      'c.protection_level',
      'c.created_at',
      'c.closed_at',
      eb.selectFrom('children as ch').select(eb.fn.countAll<number>().as('n')).whereRef('ch.case_id', '=', 'c.id').as('children'),
    ])
    .where('c.created_at', '<=', tsTo)
    .where((eb) => eb.or([eb('c.closed_at', 'is', null), eb('c.closed_at', '>=', tsFrom)]));
  if (scoped) casesQ = casesQ.where('c.district_slug', 'in', [...slugs]);
  const cases: CaseFact[] = (await casesQ.execute()).map((r) => ({
    id: r.id,
    districtSlug: r.district_slug,
    gender: r.survivor_gender,
    honourContext: r.honour_context === 1,
    protectedIdentity: r.protection_level !== 'none',
    children: Number(r.children ?? 0),
    openedOn: localDay(r.created_at),
    closedOn: r.closed_at === null ? null : localDay(r.closed_at),
  }));

  let placementsQ = db
    .selectFrom('housing_steps as h')
    .innerJoin('cases as c', 'c.id', 'h.case_id')
    .leftJoin('shelters as s', 's.id', 'h.shelter_id')
    .select(['h.case_id', 'h.child_id', 'h.start_date', 'h.end_date', 'h.cost_per_day', 's.id as shelter_id', 's.ivo_kind', 's.ivo_valid_until', 's.specialisations'])
    .where('h.kind', '=', 'protected_shelter')
    .where('h.start_date', '<=', span.to)
    .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>=', span.from)]));
  if (scoped) placementsQ = placementsQ.where('c.district_slug', 'in', [...slugs]);
  const placements: PlacementFact[] = (await placementsQ.execute()).map((r) => ({
    caseId: r.case_id,
    childId: r.child_id,
    startDate: r.start_date,
    endDate: r.end_date,
    costPerDay: r.cost_per_day,
    shelter: r.shelter_id === null ? null : { ivoKind: r.ivo_kind ?? 'none', ivoValidUntil: r.ivo_valid_until ?? null, specialisations: parseList(r.specialisations ?? '[]') },
  }));

  let stepsQ = db
    .selectFrom('housing_steps as h')
    .innerJoin('cases as c', 'c.id', 'h.case_id')
    .select(['h.id', 'h.case_id', 'h.kind', 'h.start_date', 'h.end_date', 'h.outcome', 'h.obstacles'])
    .where('h.child_id', 'is', null)
    .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>=', span.from)]));
  if (scoped) stepsQ = stepsQ.where('c.district_slug', 'in', [...slugs]);
  const steps: StepFact[] = (await stepsQ.execute()).map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    startDate: r.start_date,
    endDate: r.end_date,
    outcome: r.outcome,
    obstacles: parseList(r.obstacles),
  }));

  let movesQ = db
    .selectFrom('moves as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .leftJoin('move_transitions as t', 't.move_id', 'm.id')
    .select(['m.id', 'm.case_id', 'm.route', 'm.to_kind', 'm.to_code', 't.status', 't.date'])
    .where('m.id', 'in', db.selectFrom('move_transitions').select('move_id').where('date', '>=', span.from).where('date', '<=', span.to))
    .orderBy('m.id')
    .orderBy('t.date')
    .orderBy('t.id');
  if (scoped) movesQ = movesQ.where('c.district_slug', 'in', [...slugs]);
  const moves = new Map<number, MoveFact & { transitions: { status: string; date: string }[] }>();
  for (const r of await movesQ.execute()) {
    let m = moves.get(r.id);
    if (!m) {
      m = { caseId: r.case_id, route: r.route, withinCity: r.to_kind === 'district' || r.to_code === '0180', transitions: [] };
      moves.set(r.id, m);
    }
    if (r.status !== null && r.date !== null) m.transitions.push({ status: r.status, date: r.date });
  }

  let assessmentsQ = db
    .selectFrom('assessments as a')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .select(['a.case_id', 'a.completed_at', 'a.headline_level', 'a.next_review_date'])
    .where('a.status', '=', 'completed')
    .where('a.child_id', 'is', null)
    .where('a.completed_at', '<=', tsTo);
  if (scoped) assessmentsQ = assessmentsQ.where('c.district_slug', 'in', [...slugs]);
  const assessments: AssessmentFact[] = (await assessmentsQ.execute()).flatMap((r) =>
    r.completed_at === null ? [] : [{ caseId: r.case_id, completedOn: localDay(r.completed_at), level: r.headline_level, nextReviewDate: r.next_review_date }],
  );

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

  return { districts: await districtsOf(db, slugs), includeNoDistrict: !scoped, cases, placements, moves: [...moves.values()], steps, assessments, kompotten };
}
