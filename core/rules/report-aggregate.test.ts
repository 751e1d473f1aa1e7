import { describe, expect, it } from 'vitest';
import { RISK_LEVELS } from '../contract/risk';
import { MOVE_STATUSES } from './move-workflow';
import {
  aggregateReport,
  caseFlow,
  countMoves,
  countRisk,
  countSteps,
  mean,
  median,
  medianOfCounts,
  MOVE_OUTCOME_COLUMNS,
  moveStatusOn,
  RISK_ROWS,
  shelterDaysIn,
  shelterTypeOf,
  type CaseFact,
  type MoveFact,
  type ReportFacts,
} from './report-aggregate';

const Y24 = { from: '2024-01-01', to: '2024-12-31' };
const Y23 = { from: '2023-01-01', to: '2023-12-31' };

describe("the report's own row orders", () => {
  it("cover exactly the contract's values they order", () => {
    // Listed in the report's order (not the contract's), so a level added to the contract must be placed here.
    expect(new Set(RISK_ROWS)).toEqual(new Set([...RISK_LEVELS, 'not_assessed']));
    // Every status a move can end a period in falls in one outcome column (the rest are ongoing).
    expect(MOVE_OUTCOME_COLUMNS.filter((c) => c !== 'ongoing').every((c) => (MOVE_STATUSES as readonly string[]).includes(c))).toBe(true);
  });
});

describe('helpers', () => {
  it('takes medians and means, null for nothing', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
    expect(medianOfCounts([])).toBeNull();
    expect(
      medianOfCounts([
        { value: 3, count: 1 },
        { value: 1, count: 1 },
        { value: 2, count: 1 },
      ]),
    ).toBe(2);
    expect(
      medianOfCounts([
        { value: 4, count: 1 },
        { value: 1, count: 2 },
        { value: 9, count: 0 },
        { value: 3, count: 1 },
      ]),
    ).toBe(2);
    expect(
      medianOfCounts([
        { value: 5, count: 3 },
        { value: 1, count: 1 },
      ]),
    ).toBe(5);
  });

  it('places a case in the flow of a period; start + new = closed + end', () => {
    expect(caseFlow({ openedOn: '2023-05-01', closedOn: '2024-02-01' }, Y24)).toEqual({ openAtStart: true, isNew: false, closed: true, openAtEnd: false });
    expect(caseFlow({ openedOn: '2024-01-01', closedOn: null }, Y24)).toEqual({ openAtStart: false, isNew: true, closed: false, openAtEnd: true });
    expect(caseFlow({ openedOn: '2023-12-31', closedOn: '2024-01-01' }, Y24)).toEqual({ openAtStart: true, isNew: false, closed: true, openAtEnd: false });
    expect(caseFlow({ openedOn: '2025-01-01', closedOn: null }, Y24)).toEqual({ openAtStart: false, isNew: false, closed: false, openAtEnd: false });
  });

  it('counts shelter days inside the period, not the day of leaving', () => {
    expect(shelterDaysIn({ startDate: '2024-03-01', endDate: '2024-03-31' }, Y24)).toBe(30);
    expect(shelterDaysIn({ startDate: '2023-12-30', endDate: '2024-01-03' }, Y24)).toBe(2);
    expect(shelterDaysIn({ startDate: '2024-12-30', endDate: null }, Y24)).toBe(2);
    expect(shelterDaysIn({ startDate: '2024-03-01', endDate: '2024-03-01' }, Y24)).toBe(0);
    expect(shelterDaysIn({ startDate: '2022-01-01', endDate: '2023-01-01' }, Y24)).toBe(0);
  });

  it('classifies shelters and reads a move status on a day', () => {
    expect(shelterTypeOf(null)).toBe('not_in_register');
    expect(shelterTypeOf({ ivoKind: 'permit', ivoValidUntil: null, specialisations: ['pets', 'honour_violence'] })).toBe('honour_violence');
    expect(shelterTypeOf({ ivoKind: 'permit', ivoValidUntil: null, specialisations: ['pets'] })).toBe('general');
    const m = {
      caseId: 1,
      route: 'kompotten',
      withinCity: false,
      transitions: [
        { status: 'planned', date: '2024-01-05' },
        { status: 'requested', date: '2024-02-01' },
      ],
    };
    expect(moveStatusOn(m, '2024-01-04')).toBeNull();
    expect(moveStatusOn(m, '2024-01-31')).toBe('planned');
    expect(moveStatusOn(m, '2024-12-31')).toBe('requested');
  });
});

describe('countSteps', () => {
  const step = (
    id: number,
    caseId: number,
    kind: string,
    startDate: string,
    endDate: string | null,
    over: { outcome?: string; obstacles?: string[] } = {},
  ) => ({
    id,
    caseId,
    kind,
    startDate,
    endDate,
    outcome: over.outcome ?? 'completed',
    obstacles: over.obstacles ?? [],
  });

  it('follows who left a protected shelter to her next step and an own lease, counts step lengths and obstacles per case', () => {
    const steps = [
      step(1, 1, 'protected_shelter', '2024-01-10', '2024-03-10'),
      step(2, 1, 'transitional', '2024-03-10', '2024-09-10', { obstacles: ['debts', 'debts'] }),
      step(3, 1, 'own_lease', '2024-09-10', null),
      step(4, 2, 'protected_shelter', '2024-05-01', '2024-06-01', { outcome: 'own_lease' }),
      step(5, 3, 'protected_shelter', '2023-05-01', '2023-06-01'),
      step(6, 3, 'social_contract', '2023-06-01', null, { obstacles: ['debts'] }),
    ];
    const counted = countSteps(steps, Y24, 'current');
    expect(counted.cohort.sort((a, b) => String(a.nextKind).localeCompare(String(b.nextKind)))).toEqual([
      { period: 'current', nextKind: null, reachedLease: true, count: 1 },
      { period: 'current', nextKind: 'transitional', reachedLease: true, count: 1 },
    ]);
    expect(counted.ended).toContainEqual({ period: 'current', kind: 'protected_shelter', days: 60, count: 1 });
    // Both cases with debts on a step active in 2024 count once each.
    expect(counted.obstacles).toEqual([{ period: 'current', obstacle: 'debts', cases: 2 }]);
  });
});

describe('aggregateReport', () => {
  const c = (over: Partial<CaseFact>): CaseFact => ({
    districtSlug: 'a',
    gender: 'woman',
    honourContext: false,
    protectedIdentity: false,
    children: 0,
    openedOn: '2024-02-01',
    closedOn: null,
    ...over,
  });
  const moves: MoveFact[] = [
    {
      caseId: 1,
      route: 'within_city',
      withinCity: true,
      transitions: [
        { status: 'planned', date: '2024-03-01' },
        { status: 'requested', date: '2024-03-02' },
        { status: 'completed', date: '2024-03-12' },
      ],
    },
    {
      caseId: 1,
      route: 'odd',
      withinCity: false,
      transitions: [
        { status: 'planned', date: '2024-12-01' },
        { status: 'declined', date: '2025-01-10' },
      ],
    },
  ];
  const assessments = [
    { caseId: 1, completedOn: '2024-03-01', level: 'high', nextReviewDate: '2024-03-15' },
    { caseId: 1, completedOn: '2024-04-01', level: 'low', nextReviewDate: '2025-04-01' },
  ];
  const caseDays = [
    { id: 1, openedOn: '2024-02-01', closedOn: null },
    { id: 2, openedOn: '2023-02-01', closedOn: '2024-06-01' },
    { id: 3, openedOn: '2024-02-01', closedOn: null },
  ];
  const counted = [
    { r: Y24, period: 'current' as const },
    { r: Y23, period: 'previous' as const },
  ].map(({ r, period }) => ({ moves: countMoves(moves, r, period), risk: countRisk(caseDays, assessments, r, period) }));
  const facts: ReportFacts = {
    districts: [{ slug: 'a', name: 'A-stad' }],
    includeNoDistrict: true,
    // Case 3 stands for two alike cases.
    cases: [c({}), c({ openedOn: '2023-02-01', closedOn: '2024-06-01', gender: 'man' }), c({ districtSlug: null, gender: 'other-value', count: 2 })],
    placements: [],
    movesBegun: counted.flatMap((k) => k.moves.begun),
    movesCompleted: counted.flatMap((k) => k.moves.completed),
    chainCohort: [],
    stepsEnded: [],
    obstacleCases: [],
    risk: counted.flatMap((k) => k.risk),
    kompotten: [],
  };
  const { tables, links } = aggregateReport(facts, Y24, Y23);
  const value = (id: string, period: 'current' | 'previous', row: string, col: number) => {
    const cell = tables.find((t) => t.id === id && t.period === period)?.rows.find((r) => r.key === row)?.cells[col];
    return cell?.kind === 'count' || cell?.kind === 'measure' ? cell.value : undefined;
  };

  it('gives every table for both periods with true figures', () => {
    expect(tables.filter((t) => t.period === 'current').map((t) => t.id)).toEqual(tables.filter((t) => t.period === 'previous').map((t) => t.id));
    expect(['open_at_start', 'new', 'closed', 'open_at_end'].map((k) => value('cases_flow', 'current', k, 0))).toEqual([1, 3, 1, 3]);
    expect(['open_at_start', 'new', 'closed', 'open_at_end'].map((k) => value('cases_flow', 'previous', k, 0))).toEqual([0, 1, 0, 1]);
    expect(value('cases_by_district', 'current', 'none', 1)).toBe(2);
    // An unexpected gender value is counted as unknown, so the rows still add up.
    expect(value('cases_by_gender', 'current', 'unknown', 1)).toBe(2);
    expect(value('cases_by_gender', 'current', 'total', 3)).toBe(3);
  });

  it('takes the latest assessment by the end of the period, and the move outcome at its end', () => {
    expect(value('risk_levels', 'current', 'low', 0)).toBe(1);
    expect(value('risk_levels', 'current', 'not_assessed', 0)).toBe(2);
    expect(value('risk_reviews', 'current', 'overdue', 0)).toBe(0);
    expect(value('moves_by_route', 'current', 'other', 3)).toBe(1); // declined only in 2025: still ongoing
    expect(value('moves_by_route', 'current', 'within_city', 0)).toBe(1);
    expect(value('moves_duration', 'current', 'within_city', 1)).toBe(10);
  });

  it('links figures shown twice, and a period end with the next start', () => {
    expect(links).toContainEqual([
      { table: 'cases_flow', period: 'current', row: 'open_at_start', col: 'cases' },
      { table: 'cases_flow', period: 'previous', row: 'open_at_end', col: 'cases' },
    ]);
    expect(links).toContainEqual([
      { table: 'risk_levels', period: 'current', row: 'total', col: 'cases' },
      { table: 'cases_flow', period: 'current', row: 'open_at_end', col: 'cases' },
    ]);
  });
});
