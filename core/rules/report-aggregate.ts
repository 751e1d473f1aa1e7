/**
 * The figures of a report to socialnämnden, computed from plain fact rows the database layer reads
 * (no names, numbers, addresses or free text ever reach here). Every table comes once for the
 * current and once for the previous period, with its additive relations for suppression and the
 * links between tables that show the same figure (see suppression.ts).
 *
 * Definitions (dates inclusive, YYYY-MM-DD):
 * - A case is open at the start when opened before `from` and not closed before `from`; new when
 *   opened in the period; closed when closed in the period; open at the end when opened by `to` and
 *   not closed by `to`. So open at start + new = closed + open at end. A reopened case counts from
 *   its opening with its current closing (the store keeps no closing history).
 * - A placement is a protected-shelter step (the survivor's or a child's) that overlaps the period.
 *   Its stay covers the days from its start to the day before its end (the end is the day of
 *   leaving); an open placement runs through the period. Shelter days are the days inside the
 *   period; cost is those days × cost per day. Permit status is judged on the start date.
 * - A move belongs to the period its first recorded date (planned) falls in; its outcome is its
 *   status at the period's end. Completed moves are counted where their completion date falls.
 * - The housing-chain review follows the survivor's own chain (children's chains are counted as
 *   placements only): cases whose protected-shelter step ended in the period, their next step.
 * - Risk: the latest completed assessment of the survivor by the end of the period, for cases open
 *   at the end; overdue when its review date is before the period's last day.
 * - Kompotten: requests dated in the period, by counterpart, with their current outcome.
 */
import { addDays } from './calendar';
import { permitStatusOn, type PermitStatus } from './shelter-permit';
import { gridRelations, type CellAddress, type RawCell, type RawRow, type RawTable, type Relation } from './suppression';

export const REPORT_GENDERS = ['woman', 'man', 'non_binary', 'unknown'] as const;
export const SHELTER_TYPES = ['honour_violence', 'men', 'teenage_boys', 'general', 'not_in_register'] as const;
export type ShelterType = (typeof SHELTER_TYPES)[number];
export const PERMIT_ROWS = ['valid', 'expired', 'missing', 'not_in_register'] as const;
export const REPORT_ROUTES = ['within_city', 'kompotten', 'own_application', 'self_arranged', 'other'] as const;
export const MOVE_OUTCOME_COLUMNS = ['completed', 'declined', 'cancelled', 'ongoing'] as const;
export const CHAIN_STEP_KINDS = ['protected_shelter', 'transitional', 'social_contract', 'priority_housing', 'own_lease', 'other'] as const;
export const REPORT_OBSTACLES = ['debts', 'rent_guarantee', 'waiting_priority_decision', 'no_suitable_size', 'other'] as const;
export const RISK_ROWS = ['high', 'medium', 'low', 'not_assessed'] as const;
export const KOMPOTTEN_OUTCOME_COLUMNS = ['pending', 'accepted', 'declined', 'withdrawn'] as const;

export interface CaseFact {
  id: number;
  districtSlug: string | null;
  gender: string;
  honourContext: boolean;
  protectedIdentity: boolean;
  children: number;
  openedOn: string;
  closedOn: string | null;
}

export interface ShelterFact {
  ivoKind: string;
  ivoValidUntil: string | null;
  specialisations: readonly string[];
}

export interface PlacementFact {
  caseId: number;
  childId: number | null;
  startDate: string;
  endDate: string | null;
  costPerDay: number | null;
  /** The register entry, or null for a provider outside the register. */
  shelter: ShelterFact | null;
}

export interface MoveFact {
  caseId: number;
  route: string;
  /** The destination is a Stockholm district or Stockholm itself. */
  withinCity: boolean;
  /** Status changes by date, the first being the planned date. */
  transitions: readonly { status: string; date: string }[];
}

export interface StepFact {
  id: number;
  caseId: number;
  kind: string;
  startDate: string;
  endDate: string | null;
  outcome: string;
  obstacles: readonly string[];
}

export interface AssessmentFact {
  caseId: number;
  completedOn: string;
  level: string | null;
  nextReviewDate: string | null;
}

/** The counterpart of requests for cases with protected personal data: their municipality is not named, even in a count. */
export const PROTECTED_COUNTERPART = 'protected';

export interface KompottenFact {
  direction: 'sent' | 'received';
  /** PROTECTED_COUNTERPART for a request of a case with protected personal data. */
  counterpartCode: string;
  counterpartName: string;
  date: string;
  outcome: string;
}

export interface ReportFacts {
  /** The districts that get a row: those in scope, or for the whole team every district with a case. */
  districts: readonly { slug: string; name: string }[];
  /** Whether a row for cases without a district belongs in the report (whole-team reports). */
  includeNoDistrict: boolean;
  cases: readonly CaseFact[];
  placements: readonly PlacementFact[];
  moves: readonly MoveFact[];
  /** The survivors' own housing chains (steps without a child). */
  steps: readonly StepFact[];
  assessments: readonly AssessmentFact[];
  kompotten: readonly KompottenFact[];
}

export interface Range {
  from: string;
  to: string;
}

// ---- helpers --------------------------------------------------------------------------------

/** Days from one date to another (negative when before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The median, or null for no values; the mean of the middle two for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
const inRange = (d: string | null, r: Range): boolean => d !== null && d >= r.from && d <= r.to;
const count = (value: number): RawCell => ({ kind: 'count', value });
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** A case's standing in a period. */
export function caseFlow(c: Pick<CaseFact, 'openedOn' | 'closedOn'>, r: Range) {
  return {
    openAtStart: c.openedOn < r.from && (c.closedOn === null || c.closedOn >= r.from),
    isNew: inRange(c.openedOn, r),
    closed: inRange(c.closedOn, r),
    openAtEnd: c.openedOn <= r.to && (c.closedOn === null || c.closedOn > r.to),
  };
}

const FLOW_COLUMNS = ['open_at_start', 'new', 'closed', 'open_at_end'] as const;

function flowCounts(cases: readonly CaseFact[], r: Range): number[] {
  const flows = cases.map((c) => caseFlow(c, r));
  return [flows.filter((f) => f.openAtStart).length, flows.filter((f) => f.isNew).length, flows.filter((f) => f.closed).length, flows.filter((f) => f.openAtEnd).length];
}

/** The shelter's type for reports: its register specialisation, honour violence first. */
export function shelterTypeOf(shelter: ShelterFact | null): ShelterType {
  if (!shelter) return 'not_in_register';
  for (const t of ['honour_violence', 'men', 'teenage_boys'] as const) if (shelter.specialisations.includes(t)) return t;
  return 'general';
}

export function permitOf(p: PlacementFact): PermitStatus | 'not_in_register' {
  return p.shelter ? permitStatusOn(p.shelter, p.startDate) : 'not_in_register';
}

/** Days of a placement inside a period (the day of leaving is not a shelter day). */
export function shelterDaysIn(p: Pick<PlacementFact, 'startDate' | 'endDate'>, r: Range): number {
  const first = p.startDate > r.from ? p.startDate : r.from;
  const lastStayed = p.endDate === null ? r.to : addDays(p.endDate, -1);
  const last = lastStayed < r.to ? lastStayed : r.to;
  return Math.max(0, daysBetween(first, last) + 1);
}

function placementInPeriod(p: PlacementFact, r: Range): boolean {
  return p.startDate <= r.to && (p.endDate === null || p.endDate > r.from || (p.endDate === p.startDate && inRange(p.startDate, r)));
}

/** A move's status on a day: its latest transition dated by then, or null before it began. */
export function moveStatusOn(m: MoveFact, day: string): string | null {
  let status: string | null = null;
  for (const t of [...m.transitions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) if (t.date <= day) status = t.status;
  return status;
}

const firstDate = (m: MoveFact, status?: string): string | null =>
  m.transitions
    .filter((t) => status === undefined || t.status === status)
    .map((t) => t.date)
    .sort()[0] ?? null;

// ---- table builders ---------------------------------------------------------------------------

interface Built {
  tables: RawTable[];
  links: [CellAddress, CellAddress][];
}

/** A cross table of counts: one row per key plus a total row, optionally a total column. */
function crossTable(
  base: Omit<RawTable, 'rows' | 'relations' | 'totalColumnKey'>,
  rows: readonly { key: string; labelKey?: string; label?: string; values: readonly number[] }[],
  options: { totalColumn: boolean; rowRelation?: (r: number) => Relation },
): RawTable {
  const cols = base.columns.length;
  const withTotal = (values: readonly number[]): number[] => (options.totalColumn ? [...values, sum(values)] : [...values]);
  const body: RawRow[] = rows.map((row) => ({ key: row.key, labelKey: row.labelKey, label: row.label, cells: withTotal(row.values).map(count) }));
  const totals = Array.from({ length: cols }, (_, c) => sum(rows.map((row) => row.values[c] ?? 0)));
  body.push({ key: 'total', labelKey: 'reports.row.total', total: true, cells: withTotal(totals).map(count) });
  const relations = gridRelations(rows.length, cols, { rowTotals: options.totalColumn, columnTotals: true });
  if (options.rowRelation) for (let r = 0; r <= rows.length; r++) relations.push(options.rowRelation(r));
  return {
    ...base,
    columns: options.totalColumn ? [...base.columns, { key: 'total', labelKey: 'reports.col.total' }] : base.columns,
    totalColumnKey: options.totalColumn ? 'total' : undefined,
    rows: body,
    relations,
  };
}

const col = (key: string) => ({ key, labelKey: `reports.col.${key}` });
const flowRelation = (r: number): Relation => [0, 1, 2, 3].map((c) => [r, c] as const);

function casesTables(facts: ReportFacts, r: Range, period: 'current' | 'previous'): Built {
  const flowCols = FLOW_COLUMNS.map(col);
  const tables: RawTable[] = [];
  const flow: RawTable = {
    id: 'cases_flow',
    period,
    titleKey: 'reports.table.cases_flow',
    columns: [col('cases')],
    rows: FLOW_COLUMNS.map((k, i) => ({ key: k, labelKey: `reports.col.${k}`, cells: [count(flowCounts(facts.cases, r)[i] ?? 0)] })),
    relations: [flowRelation(0).map(([, c]) => [c, 0] as const)],
  };
  tables.push(flow);

  const districtRows: { key: string; label?: string; labelKey?: string; values: number[] }[] = facts.districts.map((d) => ({
    key: d.slug,
    label: d.name,
    values: flowCounts(facts.cases.filter((c) => c.districtSlug === d.slug), r),
  }));
  if (facts.includeNoDistrict) districtRows.push({ key: 'none', labelKey: 'reports.row.no_district', values: flowCounts(facts.cases.filter((c) => c.districtSlug === null), r) });
  const byDistrict = crossTable({ id: 'cases_by_district', period, titleKey: 'reports.table.cases_by_district', columns: flowCols }, districtRows, { totalColumn: false, rowRelation: flowRelation });
  tables.push(byDistrict);

  const byGender = crossTable(
    { id: 'cases_by_gender', period, titleKey: 'reports.table.cases_by_gender', columns: flowCols },
    REPORT_GENDERS.map((g) => ({ key: g, labelKey: `reports.row.gender.${g}`, values: flowCounts(facts.cases.filter((c) => (REPORT_GENDERS as readonly string[]).includes(c.gender) ? c.gender === g : g === 'unknown'), r) })),
    { totalColumn: false, rowRelation: flowRelation },
  );
  tables.push(byGender);

  const active = facts.cases.filter((c) => c.openedOn <= r.to && (c.closedOn === null || c.closedOn >= r.from));
  tables.push({
    id: 'cases_characteristics',
    period,
    titleKey: 'reports.table.cases_characteristics',
    columns: [col('cases')],
    rows: [
      { key: 'with_children', labelKey: 'reports.row.with_children', cells: [count(active.filter((c) => c.children > 0).length)] },
      { key: 'children_affected', labelKey: 'reports.row.children_affected', cells: [count(sum(active.map((c) => c.children)))] },
      { key: 'honour_context', labelKey: 'reports.row.honour_context', cells: [count(active.filter((c) => c.honourContext).length)] },
      { key: 'protected_identity', labelKey: 'reports.row.protected_identity', cells: [count(active.filter((c) => c.protectedIdentity).length)] },
    ],
    relations: [],
  });

  const links: [CellAddress, CellAddress][] = [];
  for (const k of FLOW_COLUMNS) {
    const flowCell: CellAddress = { table: 'cases_flow', period, row: k, col: 'cases' };
    links.push([flowCell, { table: 'cases_by_district', period, row: 'total', col: k }]);
    links.push([flowCell, { table: 'cases_by_gender', period, row: 'total', col: k }]);
  }
  return { tables, links };
}

function placementTables(facts: ReportFacts, r: Range, period: 'current' | 'previous'): Built {
  const inPeriod = facts.placements.filter((p) => placementInPeriod(p, r));
  const columns = [col('placements'), col('started'), { key: 'shelter_days', labelKey: 'reports.col.shelter_days' }, { key: 'cost', labelKey: 'reports.col.cost' }];
  const build = (id: string, keys: readonly string[], keyOf: (p: PlacementFact) => string, labelPrefix: string): RawTable => {
    const groups = [...keys.map((k) => ({ key: k, labelKey: `${labelPrefix}.${k}`, list: inPeriod.filter((p) => keyOf(p) === k), total: undefined as true | undefined })), { key: 'total', labelKey: 'reports.row.total', list: inPeriod, total: true as const }];
    const rows: RawRow[] = groups.map((g, i) => {
      const days = g.list.map((p) => shelterDaysIn(p, r));
      const cost = g.list.reduce((a, p, j) => a + (p.costPerDay ?? 0) * (days[j] ?? 0), 0);
      return {
        key: g.key,
        labelKey: g.labelKey,
        total: g.total,
        cells: [
          count(g.list.length),
          count(g.list.filter((p) => inRange(p.startDate, r)).length),
          { kind: 'measure', unit: 'days', value: sum(days), n: g.list.length, hideWith: [i, 0] },
          { kind: 'measure', unit: 'sek', value: Math.round(cost), n: g.list.length, hideWith: [i, 0] },
        ],
      };
    });
    return { id, period, titleKey: `reports.table.${id}`, columns, rows, relations: gridRelations(keys.length, 4, { rowTotals: false, columnTotals: true, columns: [0, 1] }) };
  };
  const byType = build('placements_by_shelter_type', SHELTER_TYPES, (p) => shelterTypeOf(p.shelter), 'reports.row.shelter_type');
  const byPermit = build('placements_by_permit', PERMIT_ROWS, permitOf, 'reports.row.permit');

  const ended = facts.placements.filter((p) => inRange(p.endDate, r));
  const lengths = ended.map((p) => daysBetween(p.startDate, p.endDate ?? p.startDate));
  const length: RawTable = {
    id: 'placement_length',
    period,
    titleKey: 'reports.table.placement_length',
    columns: [col('ended'), col('mean_days'), col('median_days')],
    rows: [
      {
        key: 'all',
        labelKey: 'reports.row.all_placements',
        cells: [count(ended.length), { kind: 'measure', unit: 'days', value: round1(mean(lengths)), n: ended.length }, { kind: 'measure', unit: 'days', value: round1(median(lengths)), n: ended.length }],
      },
    ],
    relations: [],
  };
  const links: [CellAddress, CellAddress][] = ['placements', 'started'].map((c) => [
    { table: 'placements_by_shelter_type', period, row: 'total', col: c },
    { table: 'placements_by_permit', period, row: 'total', col: c },
  ]);
  return { tables: [byType, byPermit, length], links };
}

function moveTables(facts: ReportFacts, r: Range, period: 'current' | 'previous'): Built {
  const routeOf = (m: MoveFact): string => ((REPORT_ROUTES as readonly string[]).includes(m.route) ? m.route : 'other');
  const begun = facts.moves.filter((m) => inRange(firstDate(m), r));
  const outcomeOf = (m: MoveFact): string => {
    const s = moveStatusOn(m, r.to);
    return s === 'completed' || s === 'declined' || s === 'cancelled' ? s : 'ongoing';
  };
  const byRoute = crossTable(
    { id: 'moves_by_route', period, titleKey: 'reports.table.moves_by_route', columns: MOVE_OUTCOME_COLUMNS.map(col) },
    REPORT_ROUTES.map((route) => ({ key: route, labelKey: `reports.row.route.${route}`, values: MOVE_OUTCOME_COLUMNS.map((o) => begun.filter((m) => routeOf(m) === route && outcomeOf(m) === o).length) })),
    { totalColumn: true },
  );

  const completed = facts.moves.filter((m) => inRange(firstDate(m, 'completed'), r));
  const destination = crossTable(
    { id: 'moves_destination', period, titleKey: 'reports.table.moves_destination', columns: [col('completed')] },
    [
      { key: 'within_city', labelKey: 'reports.row.within_city', values: [completed.filter((m) => m.withinCity).length] },
      { key: 'other_municipality', labelKey: 'reports.row.other_municipality', values: [completed.filter((m) => !m.withinCity).length] },
    ],
    { totalColumn: false },
  );

  const durationRows: RawRow[] = [...REPORT_ROUTES.map((route) => ({ key: route, labelKey: `reports.row.route.${route}` })), { key: 'total', labelKey: 'reports.row.total', total: true }].map((row) => {
    const list = row.key === 'total' ? completed : completed.filter((m) => routeOf(m) === row.key);
    const days = list.map((m) => daysBetween(firstDate(m, 'requested') ?? firstDate(m) ?? '', firstDate(m, 'completed') ?? ''));
    return { ...row, cells: [count(list.length), { kind: 'measure', unit: 'days', value: round1(median(days)), n: list.length }] };
  });
  const duration: RawTable = {
    id: 'moves_duration',
    period,
    titleKey: 'reports.table.moves_duration',
    columns: [col('completed'), col('median_days_request_to_completion')],
    rows: durationRows,
    relations: gridRelations(REPORT_ROUTES.length, 1, { rowTotals: false, columnTotals: true }),
  };
  const links: [CellAddress, CellAddress][] = [
    [
      { table: 'moves_destination', period, row: 'total', col: 'completed' },
      { table: 'moves_duration', period, row: 'total', col: 'completed' },
    ],
  ];
  return { tables: [byRoute, destination, duration], links };
}

function chainTables(facts: ReportFacts, r: Range, period: 'current' | 'previous'): Built {
  const byCase = new Map<number, StepFact[]>();
  for (const s of facts.steps) byCase.set(s.caseId, [...(byCase.get(s.caseId) ?? []), s]);
  const order = (a: StepFact, b: StepFact): number => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id - b.id);

  const cohort: { next: StepFact | null; reachedLease: boolean }[] = [];
  for (const steps of byCase.values()) {
    const left = steps.filter((s) => s.kind === 'protected_shelter' && inRange(s.endDate, r)).sort(order).at(-1);
    if (!left || left.endDate === null) continue;
    const leftOn = left.endDate;
    const after = steps.filter((s) => s.id !== left.id && s.startDate >= leftOn).sort(order);
    const reachedLease = steps.some((s) => s.id !== left.id && s.startDate >= left.startDate && (s.kind === 'own_lease' || s.outcome === 'own_lease')) || left.outcome === 'own_lease';
    cohort.push({ next: after[0] ?? null, reachedLease });
  }
  const kindOf = (s: StepFact): string => ((CHAIN_STEP_KINDS as readonly string[]).includes(s.kind) ? s.kind : 'other');
  const next = crossTable(
    { id: 'chain_next_step', period, titleKey: 'reports.table.chain_next_step', columns: [col('cases')] },
    [
      ...CHAIN_STEP_KINDS.map((k) => ({ key: k, labelKey: `reports.row.step.${k}`, values: [cohort.filter((c) => c.next !== null && kindOf(c.next) === k).length] })),
      { key: 'none_recorded', labelKey: 'reports.row.step.none_recorded', values: [cohort.filter((c) => c.next === null).length] },
    ],
    { totalColumn: false },
  );
  const reached = cohort.filter((c) => c.reachedLease).length;
  const review: RawTable = {
    id: 'chain_review',
    period,
    titleKey: 'reports.table.chain_review',
    columns: [col('cases')],
    rows: [
      { key: 'left_protected', labelKey: 'reports.row.left_protected', cells: [count(cohort.length)] },
      { key: 'reached_own_lease', labelKey: 'reports.row.reached_own_lease', cells: [count(reached)] },
      { key: 'not_reached_own_lease', labelKey: 'reports.row.not_reached_own_lease', cells: [count(cohort.length - reached)] },
    ],
    relations: [
      [
        [0, 0],
        [1, 0],
        [2, 0],
      ],
    ],
  };
  const ended = facts.steps.filter((s) => inRange(s.endDate, r));
  const stepDays: RawTable = {
    id: 'chain_step_days',
    period,
    titleKey: 'reports.table.chain_step_days',
    columns: [col('ended'), col('median_days')],
    rows: CHAIN_STEP_KINDS.map((k) => {
      const list = ended.filter((s) => kindOf(s) === k);
      return { key: k, labelKey: `reports.row.step.${k}`, cells: [count(list.length), { kind: 'measure', unit: 'days', value: round1(median(list.map((s) => daysBetween(s.startDate, s.endDate ?? s.startDate)))), n: list.length }] };
    }),
    relations: [],
  };
  const activeSteps = facts.steps.filter((s) => s.startDate <= r.to && (s.endDate === null || s.endDate >= r.from));
  const obstacles: RawTable = {
    id: 'chain_obstacles',
    period,
    titleKey: 'reports.table.chain_obstacles',
    columns: [col('cases')],
    rows: REPORT_OBSTACLES.map((o) => ({ key: o, labelKey: `reports.row.obstacle.${o}`, cells: [count(new Set(activeSteps.filter((s) => s.obstacles.includes(o)).map((s) => s.caseId)).size)] })),
    relations: [],
  };
  return {
    tables: [next, review, stepDays, obstacles],
    links: [
      [
        { table: 'chain_next_step', period, row: 'total', col: 'cases' },
        { table: 'chain_review', period, row: 'left_protected', col: 'cases' },
      ],
    ],
  };
}

function riskTables(facts: ReportFacts, r: Range, period: 'current' | 'previous'): Built {
  const latest = new Map<number, AssessmentFact>();
  for (const a of facts.assessments) {
    if (a.completedOn > r.to) continue;
    const seen = latest.get(a.caseId);
    if (!seen || a.completedOn >= seen.completedOn) latest.set(a.caseId, a);
  }
  const openAtEnd = facts.cases.filter((c) => caseFlow(c, r).openAtEnd);
  const levelOf = (c: CaseFact): string => {
    const level = latest.get(c.id)?.level;
    return level === 'high' || level === 'medium' || level === 'low' ? level : 'not_assessed';
  };
  const levels = crossTable(
    { id: 'risk_levels', period, titleKey: 'reports.table.risk_levels', columns: [col('cases')] },
    RISK_ROWS.map((k) => ({ key: k, labelKey: `reports.row.risk.${k}`, values: [openAtEnd.filter((c) => levelOf(c) === k).length] })),
    { totalColumn: false },
  );
  const overdue = openAtEnd.filter((c) => {
    const review = latest.get(c.id)?.nextReviewDate ?? null;
    return review !== null && review < r.to;
  }).length;
  const reviews: RawTable = {
    id: 'risk_reviews',
    period,
    titleKey: 'reports.table.risk_reviews',
    columns: [col('cases')],
    rows: [{ key: 'overdue', labelKey: 'reports.row.review_overdue', cells: [count(overdue)] }],
    relations: [],
  };
  return {
    tables: [levels, reviews],
    links: [
      [
        { table: 'risk_levels', period, row: 'total', col: 'cases' },
        { table: 'cases_flow', period, row: 'open_at_end', col: 'cases' },
      ],
    ],
  };
}

function kompottenTables(facts: ReportFacts, r: Range, period: 'current' | 'previous'): Built {
  const inPeriod = facts.kompotten.filter((k) => inRange(k.date, r));
  const tables = (['sent', 'received'] as const).map((direction) => {
    const list = inPeriod.filter((k) => k.direction === direction);
    const counterparts = [...new Map(list.map((k) => [k.counterpartCode, k.counterpartName])).entries()].sort(
      (a, b) => Number(a[0] === PROTECTED_COUNTERPART) - Number(b[0] === PROTECTED_COUNTERPART) || a[1].localeCompare(b[1], 'sv'),
    );
    return crossTable(
      { id: `kompotten_${direction}`, period, titleKey: `reports.table.kompotten_${direction}`, columns: KOMPOTTEN_OUTCOME_COLUMNS.map(col) },
      counterparts.map(([code, name]) => ({
        key: code,
        ...(code === PROTECTED_COUNTERPART ? { labelKey: 'reports.row.protected_counterpart' } : { label: name }),
        values: KOMPOTTEN_OUTCOME_COLUMNS.map((o) => list.filter((k) => k.counterpartCode === code && k.outcome === o).length),
      })),
      { totalColumn: true },
    );
  });
  return { tables, links: [] };
}

/** Every table of a report with its true figures, for both periods, and the links between them. */
export function aggregateReport(facts: ReportFacts, current: Range, previous: Range): Built {
  const out: Built = { tables: [], links: [] };
  for (const [period, r] of [
    ['current', current],
    ['previous', previous],
  ] as const) {
    for (const part of [casesTables(facts, r, period), placementTables(facts, r, period), moveTables(facts, r, period), chainTables(facts, r, period), riskTables(facts, r, period), kompottenTables(facts, r, period)]) {
      out.tables.push(...part.tables);
      out.links.push(...part.links);
    }
  }
  // The previous period's open-at-end is the current period's open-at-start, in every case table.
  for (const table of ['cases_flow', 'cases_by_district', 'cases_by_gender']) {
    const rows = out.tables.find((t) => t.id === table && t.period === 'current')?.rows ?? [];
    for (const row of rows) {
      const at = (period: 'current' | 'previous', c: string): CellAddress => (table === 'cases_flow' ? { table, period, row: c, col: 'cases' } : { table, period, row: row.key, col: c });
      if (table === 'cases_flow' && row.key !== 'open_at_start') continue;
      out.links.push([at('current', 'open_at_start'), at('previous', 'open_at_end')]);
    }
  }
  return out;
}
