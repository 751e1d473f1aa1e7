import { describe, expect, it } from 'vitest';
import { aggregateReport, caseFlow, mean, median, moveStatusOn, shelterDaysIn, shelterTypeOf, type CaseFact, type ReportFacts } from './report-aggregate';

const Y24 = { from: '2024-01-01', to: '2024-12-31' };
const Y23 = { from: '2023-01-01', to: '2023-12-31' };

describe('helpers', () => {
  it('takes medians and means, null for nothing', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
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
    const m = { caseId: 1, route: 'kompotten', withinCity: false, transitions: [{ status: 'planned', date: '2024-01-05' }, { status: 'requested', date: '2024-02-01' }] };
    expect(moveStatusOn(m, '2024-01-04')).toBeNull();
    expect(moveStatusOn(m, '2024-01-31')).toBe('planned');
    expect(moveStatusOn(m, '2024-12-31')).toBe('requested');
  });
});

describe('aggregateReport', () => {
  const c = (id: number, over: Partial<CaseFact>): CaseFact => ({ id, districtSlug: 'a', gender: 'woman', honourContext: false, protectedIdentity: false, children: 0, openedOn: '2024-02-01', closedOn: null, ...over });
  const facts: ReportFacts = {
    districts: [{ slug: 'a', name: 'A-stad' }],
    includeNoDistrict: true,
    cases: [c(1, {}), c(2, { openedOn: '2023-02-01', closedOn: '2024-06-01', gender: 'man' }), c(3, { districtSlug: null, gender: 'other-value' })],
    placements: [],
    moves: [
      { caseId: 1, route: 'within_city', withinCity: true, transitions: [{ status: 'planned', date: '2024-03-01' }, { status: 'requested', date: '2024-03-02' }, { status: 'completed', date: '2024-03-12' }] },
      { caseId: 1, route: 'odd', withinCity: false, transitions: [{ status: 'planned', date: '2024-12-01' }, { status: 'declined', date: '2025-01-10' }] },
    ],
    steps: [],
    assessments: [
      { caseId: 1, completedOn: '2024-03-01', level: 'high', nextReviewDate: '2024-03-15' },
      { caseId: 1, completedOn: '2024-04-01', level: 'low', nextReviewDate: '2025-04-01' },
    ],
    kompotten: [],
  };
  const { tables, links } = aggregateReport(facts, Y24, Y23);
  const value = (id: string, period: 'current' | 'previous', row: string, col: number) => {
    const cell = tables.find((t) => t.id === id && t.period === period)?.rows.find((r) => r.key === row)?.cells[col];
    return cell?.kind === 'count' || cell?.kind === 'measure' ? cell.value : undefined;
  };

  it('gives every table for both periods with true figures', () => {
    expect(tables.filter((t) => t.period === 'current').map((t) => t.id)).toEqual(tables.filter((t) => t.period === 'previous').map((t) => t.id));
    expect(['open_at_start', 'new', 'closed', 'open_at_end'].map((k) => value('cases_flow', 'current', k, 0))).toEqual([1, 2, 1, 2]);
    expect(['open_at_start', 'new', 'closed', 'open_at_end'].map((k) => value('cases_flow', 'previous', k, 0))).toEqual([0, 1, 0, 1]);
    expect(value('cases_by_district', 'current', 'none', 1)).toBe(1);
    // An unexpected gender value is counted as unknown, so the rows still add up.
    expect(value('cases_by_gender', 'current', 'unknown', 1)).toBe(1);
    expect(value('cases_by_gender', 'current', 'total', 3)).toBe(2);
  });

  it('takes the latest assessment by the end of the period, and the move outcome at its end', () => {
    expect(value('risk_levels', 'current', 'low', 0)).toBe(1);
    expect(value('risk_levels', 'current', 'not_assessed', 0)).toBe(1);
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
