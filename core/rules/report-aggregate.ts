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
import { GENDERS } from '../contract/cases';
import { OBSTACLES, STEP_KINDS } from '../contract/housing';
import { KOMPOTTEN_OUTCOMES } from '../contract/kompotten';
import { MOVE_ROUTES } from '../contract/moves';
import type { RiskLevel } from '../contract/risk';
import { permitStatusOn, type PermitStatus } from './shelter-permit';
import { gridRelations, type CellAddress, type RawCell, type RawRow, type RawTable, type Relation } from './suppression';

export const SHELTER_TYPES = ['honour_violence', 'men', 'teenage_boys', 'general', 'not_in_register'] as const;
export type ShelterType = (typeof SHELTER_TYPES)[number];
export const PERMIT_ROWS = ['valid', 'expired', 'missing', 'not_in_register'] as const;
export const MOVE_OUTCOME_COLUMNS = ['completed', 'declined', 'cancelled', 'ongoing'] as const;
// The report's order (highest first) over the contract's levels; a test holds them to the same set.
export const RISK_ROWS = ['high', 'medium', 'low', 'not_assessed'] as const satisfies readonly (RiskLevel | 'not_assessed')[];

/**
 * A case, or `count` cases alike in everything the report counts. The days need only compare with
 * the periods' first and last days as the real ones do: the database groups cases whose opening
 * (and closing) fall between the same period boundaries and gives one such day for them.
 */
export interface CaseFact {
  districtSlug: string | null;
  gender: string;
  honourContext: boolean;
  protectedIdentity: boolean;
  children: number;
  openedOn: string;
  closedOn: string | null;
  /** How many cases this fact stands for; 1 when absent. */
  count?: number;
}

export interface ShelterFact {
  ivoKind: string;
  ivoValidUntil: string | null;
  specialisations: readonly string[];
}

export interface PlacementFact {
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

/** Kompotten requests of a period, counted by direction, counterpart and outcome. */
export interface KompottenFact {
  period: ReportPeriod;
  direction: 'sent' | 'received';
  /** PROTECTED_COUNTERPART for the requests of cases with protected personal data. */
  counterpartCode: string;
  counterpartName: string;
  outcome: string;
  count: number;
}

/** Which of a report's two periods a counted fact belongs to. */
export type ReportPeriod = 'current' | 'previous';

/** Moves begun in a period (first recorded date in it), by route and status at the period's end (null: none by then). */
export interface MovesBegunCount {
  period: ReportPeriod;
  route: string;
  statusAtEnd: string | null;
  count: number;
}

/** Moves completed in a period (first completion date in it), by route and destination, with the days from request (or first date) to completion. */
export interface MovesCompletedCount {
  period: ReportPeriod;
  route: string;
  withinCity: boolean;
  days: number;
  count: number;
}

/** Survivors who left a protected shelter in a period: the kind of their next step (null: none recorded) and whether they reached an own lease. */
export interface ChainCohortCount {
  period: ReportPeriod;
  nextKind: string | null;
  reachedLease: boolean;
  count: number;
}

/** The survivors' own steps that ended in a period, by kind and length in days. */
export interface StepsEndedCount {
  period: ReportPeriod;
  kind: string;
  days: number;
  count: number;
}

/** How many cases had a step with an obstacle active in a period. */
export interface ObstacleCasesCount {
  period: ReportPeriod;
  obstacle: string;
  cases: number;
}

/**
 * Cases open at a period's end with their survivor's latest completed assessment by then: its
 * level (null: none or no level) and whether its review date lies before the period's last day.
 */
export interface RiskCount {
  period: ReportPeriod;
  level: string | null;
  overdue: boolean;
  count: number;
}

/**
 * What a report is computed from. Placements come one row each; cases grouped (CaseFact.count);
 * moves, housing chains and risk counted per period (hundreds of thousands of rows at city scale)
 * by the rules of `countMoves`, `countSteps` and `countRisk` below, which the database applies;
 * Kompotten requests counted per period, counterpart and outcome.
 */
export interface ReportFacts {
  /** The districts that get a row: those in scope, or for the whole team every district with a case. */
  districts: readonly { slug: string; name: string }[];
  /** Whether a row for cases without a district belongs in the report (whole-team reports). */
  includeNoDistrict: boolean;
  cases: readonly CaseFact[];
  placements: readonly PlacementFact[];
  movesBegun: readonly MovesBegunCount[];
  movesCompleted: readonly MovesCompletedCount[];
  /** From the survivors' own housing chains (steps without a child). */
  chainCohort: readonly ChainCohortCount[];
  stepsEnded: readonly StepsEndedCount[];
  obstacleCases: readonly ObstacleCasesCount[];
  /** The cases open at each period's end, by the level and review date of their latest completed assessment by then. */
  risk: readonly RiskCount[];
  kompotten: readonly KompottenFact[];
}

export interface Range {
  from: string;
  to: string;
}

// ---- helpers --------------------------------------------------------------------------------

// A report asks for the day number of the same few thousand dates hundreds of thousands of times.
const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 of a YYYY-MM-DD date (NaN when it is none). */
function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    if (dayNumbers.size > 50_000) dayNumbers.clear();
    n = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    dayNumbers.set(date, n);
  }
  return n;
}

/** Days from one date to another (negative when before). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** The median, or null for no values; the mean of the middle two for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numbers as numbers, many times faster than a comparator (years of steps).
  const s = Float64Array.from(values).sort();
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

/** Adds `n` cases of one flow (from caseFlow) to four counters: open at start, new, closed, open at end. */
function addFlow(counts: number[], f: ReturnType<typeof caseFlow>, n: number): void {
  if (f.openAtStart) counts[0] = (counts[0] ?? 0) + n;
  if (f.isNew) counts[1] = (counts[1] ?? 0) + n;
  if (f.closed) counts[2] = (counts[2] ?? 0) + n;
  if (f.openAtEnd) counts[3] = (counts[3] ?? 0) + n;
}

const weight = (c: CaseFact): number => c.count ?? 1;

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
  // In day numbers: the day before leaving is the last day stayed.
  const lastStayed = p.endDate === null ? dayNumber(r.to) : dayNumber(p.endDate) - 1;
  const last = Math.min(lastStayed, dayNumber(r.to));
  return Math.max(0, Math.round(last - dayNumber(first)) + 1);
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

/**
 * The move rules, counted: a move belongs to the period its first recorded date falls in, with its
 * status at the period's end; completed moves count where their first completion date falls, with
 * the days from the first request (or the first date) to it. The database counts the same way.
 */
export function countMoves(moves: readonly MoveFact[], r: Range, period: ReportPeriod): { begun: MovesBegunCount[]; completed: MovesCompletedCount[] } {
  const begun = new Map<string, MovesBegunCount>();
  const completed = new Map<string, MovesCompletedCount>();
  for (const m of moves) {
    if (inRange(firstDate(m), r)) {
      const statusAtEnd = moveStatusOn(m, r.to);
      const key = JSON.stringify([m.route, statusAtEnd]);
      const c = begun.get(key) ?? { period, route: m.route, statusAtEnd, count: 0 };
      c.count++;
      begun.set(key, c);
    }
    const completedOn = firstDate(m, 'completed');
    if (completedOn !== null && inRange(completedOn, r)) {
      const days = daysBetween(firstDate(m, 'requested') ?? firstDate(m) ?? '', completedOn);
      const key = JSON.stringify([m.route, m.withinCity, days]);
      const c = completed.get(key) ?? { period, route: m.route, withinCity: m.withinCity, days, count: 0 };
      c.count++;
      completed.set(key, c);
    }
  }
  return { begun: [...begun.values()], completed: [...completed.values()] };
}

/**
 * The housing-chain rules, counted, on the survivors' own steps (`steps` holds every one of them
 * that had not ended before the report's span). The cohort: cases whose last protected-shelter step
 * (by start, then id) ended in the period; her next step is the first other step starting on or
 * after the day she left; she reached an own lease when that step's outcome was one, or any other
 * step from its start on is an own lease or ended in one. Step lengths are counted where the step
 * ended; obstacles per case over the steps active in the period. The database counts the same way.
 */
export function countSteps(
  steps: readonly StepFact[],
  r: Range,
  period: ReportPeriod,
): { cohort: ChainCohortCount[]; ended: StepsEndedCount[]; obstacles: ObstacleCasesCount[] } {
  const byCase = new Map<number, StepFact[]>();
  for (const s of steps) {
    const list = byCase.get(s.caseId);
    if (list) list.push(s);
    else byCase.set(s.caseId, [s]);
  }
  const order = (a: StepFact, b: StepFact): number => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id - b.id);
  const cohort = new Map<string, ChainCohortCount>();
  for (const list of byCase.values()) {
    const left = list
      .filter((s) => s.kind === 'protected_shelter' && inRange(s.endDate, r))
      .sort(order)
      .at(-1);
    if (!left || left.endDate === null) continue;
    const leftOn = left.endDate;
    const next = list.filter((s) => s.id !== left.id && s.startDate >= leftOn).sort(order)[0] ?? null;
    const reachedLease =
      list.some((s) => s.id !== left.id && s.startDate >= left.startDate && (s.kind === 'own_lease' || s.outcome === 'own_lease')) ||
      left.outcome === 'own_lease';
    const nextKind = next?.kind ?? null;
    const key = JSON.stringify([nextKind, reachedLease]);
    const c = cohort.get(key) ?? { period, nextKind, reachedLease, count: 0 };
    c.count++;
    cohort.set(key, c);
  }
  const ended = new Map<string, StepsEndedCount>();
  for (const s of steps) {
    if (!inRange(s.endDate, r)) continue;
    const days = daysBetween(s.startDate, s.endDate ?? s.startDate);
    const key = JSON.stringify([s.kind, days]);
    const c = ended.get(key) ?? { period, kind: s.kind, days, count: 0 };
    c.count++;
    ended.set(key, c);
  }
  const obstacleCases = new Map<string, Set<number>>();
  for (const s of steps) {
    if (!(s.startDate <= r.to && (s.endDate === null || s.endDate >= r.from))) continue;
    for (const o of new Set(s.obstacles)) {
      const set = obstacleCases.get(o) ?? new Set<number>();
      set.add(s.caseId);
      obstacleCases.set(o, set);
    }
  }
  return {
    cohort: [...cohort.values()],
    ended: [...ended.values()],
    obstacles: [...obstacleCases].map(([obstacle, set]) => ({ period, obstacle, cases: set.size })),
  };
}

/**
 * The risk rules, counted: for each case open at the period's end, its latest completed assessment
 * by then (the last completed; `assessments` oldest first, so on the same day the later one counts),
 * its level and whether its review date lies before the period's last day. The database counts the
 * same way.
 */
export function countRisk(
  cases: readonly (Pick<CaseFact, 'openedOn' | 'closedOn'> & { id: number })[],
  assessments: readonly AssessmentFact[],
  r: Range,
  period: ReportPeriod,
): RiskCount[] {
  const latest = new Map<number, AssessmentFact>();
  for (const a of assessments) {
    if (a.completedOn > r.to) continue;
    const seen = latest.get(a.caseId);
    if (!seen || a.completedOn >= seen.completedOn) latest.set(a.caseId, a);
  }
  const counts = new Map<string, RiskCount>();
  for (const c of cases) {
    if (!caseFlow(c, r).openAtEnd) continue;
    const a = latest.get(c.id);
    const level = a?.level ?? null;
    const overdue = a?.nextReviewDate !== undefined && a.nextReviewDate !== null && a.nextReviewDate < r.to;
    const key = JSON.stringify([level, overdue]);
    const k = counts.get(key) ?? { period, level, overdue, count: 0 };
    k.count++;
    counts.set(key, k);
  }
  return [...counts.values()];
}

/** The median of values given as (value, how many times) pairs; null for none. */
export function medianOfCounts(entries: readonly { value: number; count: number }[]): number | null {
  const sorted = entries.filter((e) => e.count > 0).sort((a, b) => a.value - b.value);
  const n = sum(sorted.map((e) => e.count));
  if (n === 0) return null;
  // The k-th smallest value (0-based).
  const at = (k: number): number => {
    let seen = 0;
    for (const e of sorted) {
      seen += e.count;
      if (k < seen) return e.value;
    }
    return sorted[sorted.length - 1]?.value ?? 0;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

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

function casesTables(facts: ReportFacts, r: Range, period: ReportPeriod): Built {
  const flowCols = FLOW_COLUMNS.map(col);
  const tables: RawTable[] = [];
  // One pass over the cases: the flow by district and by gender, and the cases active in the period.
  const all = [0, 0, 0, 0];
  const byDistrict = new Map<string | null, number[]>();
  const byGender = new Map<string, number[]>(GENDERS.map((g) => [g, [0, 0, 0, 0]]));
  const active: CaseFact[] = [];
  const unknownGender = byGender.get('unknown') ?? [];
  for (const c of facts.cases) {
    const f = caseFlow(c, r);
    const n = weight(c);
    addFlow(all, f, n);
    let d = byDistrict.get(c.districtSlug);
    if (!d) byDistrict.set(c.districtSlug, (d = [0, 0, 0, 0]));
    addFlow(d, f, n);
    addFlow(byGender.get(c.gender) ?? unknownGender, f, n);
    if (c.openedOn <= r.to && (c.closedOn === null || c.closedOn >= r.from)) active.push(c);
  }
  const flow: RawTable = {
    id: 'cases_flow',
    period,
    titleKey: 'reports.table.cases_flow',
    columns: [col('cases')],
    rows: FLOW_COLUMNS.map((k, i) => ({ key: k, labelKey: `reports.col.${k}`, cells: [count(all[i] ?? 0)] })),
    relations: [flowRelation(0).map(([, c]) => [c, 0] as const)],
  };
  tables.push(flow);

  const districtRows: { key: string; label?: string; labelKey?: string; values: number[] }[] = facts.districts.map((d) => ({
    key: d.slug,
    label: d.name,
    values: byDistrict.get(d.slug) ?? [0, 0, 0, 0],
  }));
  if (facts.includeNoDistrict) districtRows.push({ key: 'none', labelKey: 'reports.row.no_district', values: byDistrict.get(null) ?? [0, 0, 0, 0] });
  const districtTable = crossTable({ id: 'cases_by_district', period, titleKey: 'reports.table.cases_by_district', columns: flowCols }, districtRows, {
    totalColumn: false,
    rowRelation: flowRelation,
  });
  tables.push(districtTable);

  const genderTable = crossTable(
    { id: 'cases_by_gender', period, titleKey: 'reports.table.cases_by_gender', columns: flowCols },
    GENDERS.map((g) => ({ key: g, labelKey: `reports.row.gender.${g}`, values: byGender.get(g) ?? [0, 0, 0, 0] })),
    { totalColumn: false, rowRelation: flowRelation },
  );
  tables.push(genderTable);

  tables.push({
    id: 'cases_characteristics',
    period,
    titleKey: 'reports.table.cases_characteristics',
    columns: [col('cases')],
    rows: [
      { key: 'with_children', labelKey: 'reports.row.with_children', cells: [count(sum(active.filter((c) => c.children > 0).map(weight)))] },
      { key: 'children_affected', labelKey: 'reports.row.children_affected', cells: [count(sum(active.map((c) => c.children * weight(c))))] },
      { key: 'honour_context', labelKey: 'reports.row.honour_context', cells: [count(sum(active.filter((c) => c.honourContext).map(weight)))] },
      { key: 'protected_identity', labelKey: 'reports.row.protected_identity', cells: [count(sum(active.filter((c) => c.protectedIdentity).map(weight)))] },
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

function placementTables(facts: ReportFacts, r: Range, period: ReportPeriod): Built {
  const columns = [
    col('placements'),
    col('started'),
    { key: 'shelter_days', labelKey: 'reports.col.shelter_days' },
    { key: 'cost', labelKey: 'reports.col.cost' },
  ];
  // One pass over tens of thousands of placements: each is classified and its days counted once,
  // and added to its shelter type's, its permit's and the total's sums (in the placements' order,
  // so the costs add up to the same sum every time).
  interface Sums {
    placements: number;
    started: number;
    days: number;
    cost: number;
  }
  const none = (): Sums => ({ placements: 0, started: 0, days: 0, cost: 0 });
  const byType = new Map<string, Sums>(SHELTER_TYPES.map((k) => [k, none()]));
  const byPermit = new Map<string, Sums>(PERMIT_ROWS.map((k) => [k, none()]));
  const total = none();
  for (const p of facts.placements) {
    if (!placementInPeriod(p, r)) continue;
    const days = shelterDaysIn(p, r);
    const started = inRange(p.startDate, r) ? 1 : 0;
    const cost = (p.costPerDay ?? 0) * days;
    for (const s of [byType.get(shelterTypeOf(p.shelter)), byPermit.get(permitOf(p)), total]) {
      if (!s) continue;
      s.placements++;
      s.started += started;
      s.days += days;
      s.cost += cost;
    }
  }
  const build = (id: string, keys: readonly string[], sums: Map<string, Sums>, labelPrefix: string): RawTable => {
    const groups = [
      ...keys.map((k) => ({ key: k, labelKey: `${labelPrefix}.${k}`, s: sums.get(k) ?? none(), total: undefined as true | undefined })),
      { key: 'total', labelKey: 'reports.row.total', s: total, total: true as const },
    ];
    const rows: RawRow[] = groups.map((g, i) => ({
      key: g.key,
      labelKey: g.labelKey,
      total: g.total,
      cells: [
        count(g.s.placements),
        count(g.s.started),
        { kind: 'measure', unit: 'days', value: g.s.days, n: g.s.placements, hideWith: [i, 0] },
        { kind: 'measure', unit: 'sek', value: Math.round(g.s.cost), n: g.s.placements, hideWith: [i, 0] },
      ],
    }));
    return {
      id,
      period,
      titleKey: `reports.table.${id}`,
      columns,
      rows,
      relations: gridRelations(keys.length, 4, { rowTotals: false, columnTotals: true, columns: [0, 1] }),
    };
  };
  const typeTable = build('placements_by_shelter_type', SHELTER_TYPES, byType, 'reports.row.shelter_type');
  const permitTable = build('placements_by_permit', PERMIT_ROWS, byPermit, 'reports.row.permit');

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
        cells: [
          count(ended.length),
          { kind: 'measure', unit: 'days', value: round1(mean(lengths)), n: ended.length },
          { kind: 'measure', unit: 'days', value: round1(median(lengths)), n: ended.length },
        ],
      },
    ],
    relations: [],
  };
  const links: [CellAddress, CellAddress][] = ['placements', 'started'].map((c) => [
    { table: 'placements_by_shelter_type', period, row: 'total', col: c },
    { table: 'placements_by_permit', period, row: 'total', col: c },
  ]);
  return { tables: [typeTable, permitTable, length], links };
}

function moveTables(facts: ReportFacts, r: Range, period: ReportPeriod): Built {
  const routeOf = (route: string): string => ((MOVE_ROUTES as readonly string[]).includes(route) ? route : 'other');
  const outcomeOf = (s: string | null): string => (s === 'completed' || s === 'declined' || s === 'cancelled' ? s : 'ongoing');
  const begun = new Map<string, number>();
  for (const m of facts.movesBegun) {
    if (m.period !== period) continue;
    const key = `${routeOf(m.route)}|${outcomeOf(m.statusAtEnd)}`;
    begun.set(key, (begun.get(key) ?? 0) + m.count);
  }
  const byRoute = crossTable(
    { id: 'moves_by_route', period, titleKey: 'reports.table.moves_by_route', columns: MOVE_OUTCOME_COLUMNS.map(col) },
    MOVE_ROUTES.map((route) => ({
      key: route,
      labelKey: `reports.row.route.${route}`,
      values: MOVE_OUTCOME_COLUMNS.map((o) => begun.get(`${route}|${o}`) ?? 0),
    })),
    { totalColumn: true },
  );

  const completed = facts.movesCompleted.filter((m) => m.period === period);
  const countOf = (list: readonly MovesCompletedCount[]): number => sum(list.map((m) => m.count));
  const destination = crossTable(
    { id: 'moves_destination', period, titleKey: 'reports.table.moves_destination', columns: [col('completed')] },
    [
      { key: 'within_city', labelKey: 'reports.row.within_city', values: [countOf(completed.filter((m) => m.withinCity))] },
      { key: 'other_municipality', labelKey: 'reports.row.other_municipality', values: [countOf(completed.filter((m) => !m.withinCity))] },
    ],
    { totalColumn: false },
  );

  const durationRows: RawRow[] = [
    ...MOVE_ROUTES.map((route) => ({ key: route, labelKey: `reports.row.route.${route}` })),
    { key: 'total', labelKey: 'reports.row.total', total: true },
  ].map((row) => {
    const list = row.key === 'total' ? completed : completed.filter((m) => routeOf(m.route) === row.key);
    const n = countOf(list);
    return {
      ...row,
      cells: [count(n), { kind: 'measure', unit: 'days', value: round1(medianOfCounts(list.map((m) => ({ value: m.days, count: m.count })))), n }],
    };
  });
  const duration: RawTable = {
    id: 'moves_duration',
    period,
    titleKey: 'reports.table.moves_duration',
    columns: [col('completed'), col('median_days_request_to_completion')],
    rows: durationRows,
    relations: gridRelations(MOVE_ROUTES.length, 1, { rowTotals: false, columnTotals: true }),
  };
  const links: [CellAddress, CellAddress][] = [
    [
      { table: 'moves_destination', period, row: 'total', col: 'completed' },
      { table: 'moves_duration', period, row: 'total', col: 'completed' },
    ],
  ];
  return { tables: [byRoute, destination, duration], links };
}

function chainTables(facts: ReportFacts, period: ReportPeriod): Built {
  const kindOf = (kind: string): string => ((STEP_KINDS as readonly string[]).includes(kind) ? kind : 'other');
  const cohort = facts.chainCohort.filter((c) => c.period === period);
  const countOf = (list: readonly ChainCohortCount[]): number => sum(list.map((c) => c.count));
  const next = crossTable(
    { id: 'chain_next_step', period, titleKey: 'reports.table.chain_next_step', columns: [col('cases')] },
    [
      ...STEP_KINDS.map((k) => ({
        key: k,
        labelKey: `reports.row.step.${k}`,
        values: [countOf(cohort.filter((c) => c.nextKind !== null && kindOf(c.nextKind) === k))],
      })),
      { key: 'none_recorded', labelKey: 'reports.row.step.none_recorded', values: [countOf(cohort.filter((c) => c.nextKind === null))] },
    ],
    { totalColumn: false },
  );
  const left = countOf(cohort);
  const reached = countOf(cohort.filter((c) => c.reachedLease));
  const review: RawTable = {
    id: 'chain_review',
    period,
    titleKey: 'reports.table.chain_review',
    columns: [col('cases')],
    rows: [
      { key: 'left_protected', labelKey: 'reports.row.left_protected', cells: [count(left)] },
      { key: 'reached_own_lease', labelKey: 'reports.row.reached_own_lease', cells: [count(reached)] },
      { key: 'not_reached_own_lease', labelKey: 'reports.row.not_reached_own_lease', cells: [count(left - reached)] },
    ],
    relations: [
      [
        [0, 0],
        [1, 0],
        [2, 0],
      ],
    ],
  };
  const ended = facts.stepsEnded.filter((s) => s.period === period);
  const stepDays: RawTable = {
    id: 'chain_step_days',
    period,
    titleKey: 'reports.table.chain_step_days',
    columns: [col('ended'), col('median_days')],
    rows: STEP_KINDS.map((k) => {
      const list = ended.filter((s) => kindOf(s.kind) === k);
      const n = sum(list.map((s) => s.count));
      return {
        key: k,
        labelKey: `reports.row.step.${k}`,
        cells: [count(n), { kind: 'measure', unit: 'days', value: round1(medianOfCounts(list.map((s) => ({ value: s.days, count: s.count })))), n }],
      };
    }),
    relations: [],
  };
  const obstacles: RawTable = {
    id: 'chain_obstacles',
    period,
    titleKey: 'reports.table.chain_obstacles',
    columns: [col('cases')],
    rows: OBSTACLES.map((o) => ({
      key: o,
      labelKey: `reports.row.obstacle.${o}`,
      cells: [count(sum(facts.obstacleCases.filter((c) => c.period === period && c.obstacle === o).map((c) => c.cases)))],
    })),
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

function riskTables(facts: ReportFacts, r: Range, period: ReportPeriod): Built {
  // Every case open at the end is in the table: those without a level count as not assessed.
  let openAtEnd = 0;
  for (const c of facts.cases) if (caseFlow(c, r).openAtEnd) openAtEnd += weight(c);
  const byLevel = new Map<string, number>();
  let overdue = 0;
  for (const k of facts.risk) {
    if (k.period !== period) continue;
    if (k.level === 'high' || k.level === 'medium' || k.level === 'low') byLevel.set(k.level, (byLevel.get(k.level) ?? 0) + k.count);
    if (k.overdue) overdue += k.count;
  }
  byLevel.set('not_assessed', openAtEnd - (byLevel.get('high') ?? 0) - (byLevel.get('medium') ?? 0) - (byLevel.get('low') ?? 0));
  const levels = crossTable(
    { id: 'risk_levels', period, titleKey: 'reports.table.risk_levels', columns: [col('cases')] },
    RISK_ROWS.map((k) => ({ key: k, labelKey: `reports.row.risk.${k}`, values: [byLevel.get(k) ?? 0] })),
    { totalColumn: false },
  );
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

// Counterparts sort by their Swedish names; one collator for every comparison.
const SWEDISH = new Intl.Collator('sv');

function kompottenTables(facts: ReportFacts, period: ReportPeriod): Built {
  const inPeriod = facts.kompotten.filter((k) => k.period === period);
  const tables = (['sent', 'received'] as const).map((direction) => {
    const list = inPeriod.filter((k) => k.direction === direction);
    const counts = new Map<string, number>();
    for (const k of list) counts.set(`${k.counterpartCode}|${k.outcome}`, (counts.get(`${k.counterpartCode}|${k.outcome}`) ?? 0) + k.count);
    const counterparts = [...new Map(list.map((k) => [k.counterpartCode, k.counterpartName])).entries()].sort(
      (a, b) => Number(a[0] === PROTECTED_COUNTERPART) - Number(b[0] === PROTECTED_COUNTERPART) || SWEDISH.compare(a[1], b[1]),
    );
    return crossTable(
      { id: `kompotten_${direction}`, period, titleKey: `reports.table.kompotten_${direction}`, columns: KOMPOTTEN_OUTCOMES.map(col) },
      counterparts.map(([code, name]) => ({
        key: code,
        ...(code === PROTECTED_COUNTERPART ? { labelKey: 'reports.row.protected_counterpart' } : { label: name }),
        values: KOMPOTTEN_OUTCOMES.map((o) => counts.get(`${code}|${o}`) ?? 0),
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
    for (const part of [
      casesTables(facts, r, period),
      placementTables(facts, r, period),
      moveTables(facts, r, period),
      chainTables(facts, period),
      riskTables(facts, r, period),
      kompottenTables(facts, period),
    ]) {
      out.tables.push(...part.tables);
      out.links.push(...part.links);
    }
  }
  // The previous period's open-at-end is the current period's open-at-start, in every case table.
  for (const table of ['cases_flow', 'cases_by_district', 'cases_by_gender']) {
    const rows = out.tables.find((t) => t.id === table && t.period === 'current')?.rows ?? [];
    for (const row of rows) {
      const at = (period: ReportPeriod, c: string): CellAddress =>
        table === 'cases_flow' ? { table, period, row: c, col: 'cases' } : { table, period, row: row.key, col: c };
      if (table === 'cases_flow' && row.key !== 'open_at_start') continue;
      out.links.push([at('current', 'open_at_start'), at('previous', 'open_at_end')]);
    }
  }
  return out;
}
