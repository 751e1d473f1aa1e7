import type { Report, ReportInput } from '../../core/contract';
import { aggregateReport, countSteps, type CaseFact, type Range, type ReportFacts, type StepFact } from '../../core/rules/report-aggregate';
import { resolvePeriod } from '../../core/rules/report-period';
import { publishTables } from '../../core/rules/suppression';
import { caseworkBridge } from './casework-fixtures';
import { ADMIN } from './fixtures';
import type { SessionUser } from '../../core/contract';

function cases(count: number, fields: Partial<CaseFact>): CaseFact[] {
  return Array.from({ length: count }, (_, i) => ({
    districtSlug: 'skarholmen',
    gender: 'woman',
    honourContext: i % 2 === 0,
    protectedIdentity: false,
    children: i % 3,
    openedOn: '2026-02-01',
    closedOn: null,
    ...fields,
  }));
}

/** Fictional facts: many cases in Skärholmen, a few in Hässelby-Vällingby (under the threshold). */
export const FACTS: ReportFacts = {
  districts: [
    { slug: 'hasselby-vallingby', name: 'Hässelby-Vällingby' },
    { slug: 'skarholmen', name: 'Skärholmen' },
  ],
  includeNoDistrict: true,
  cases: [
    ...cases(14, {}),
    ...cases(9, { openedOn: '2025-03-01', closedOn: '2026-05-01' }),
    ...cases(6, { openedOn: '2025-04-01', gender: 'man' }),
    ...cases(2, { districtSlug: 'hasselby-vallingby' }),
  ],
  placements: Array.from({ length: 8 }, (_, i) => ({
    startDate: '2026-02-10',
    endDate: i < 6 ? '2026-04-10' : null,
    costPerDay: 1500,
    shelter: { ivoKind: 'protected_shelter', ivoValidUntil: '2030-01-01', specialisations: [] },
  })),
  movesBegun: [],
  movesCompleted: [],
  // Counted per period from STEPS by factsFor.
  chainCohort: [],
  stepsEnded: [],
  obstacleCases: [],
  risk: [],
  kompotten: [{ period: 'current', direction: 'sent', counterpartCode: '0184', counterpartName: 'Solna', outcome: 'accepted', count: 1 }],
};

/** The survivors' housing steps behind the chain tables. */
const STEPS: StepFact[] = [
  ...Array.from({ length: 7 }, (_, i) => ({
    id: i + 1,
    caseId: i + 1,
    kind: 'protected_shelter',
    startDate: '2026-02-10',
    endDate: '2026-04-10',
    outcome: 'completed',
    obstacles: [],
  })),
  ...Array.from({ length: 6 }, (_, i) => ({
    id: i + 20,
    caseId: i + 1,
    kind: 'transitional',
    startDate: '2026-04-10',
    endDate: null,
    outcome: 'ongoing',
    obstacles: ['debts'],
  })),
  { id: 40, caseId: 7, kind: 'own_lease', startDate: '2026-04-10', endDate: null, outcome: 'ongoing', obstacles: [] },
];

/** The facts with the housing chains counted for a report's two periods, as the database counts them. */
function factsFor(current: Range, previous: Range): ReportFacts {
  const c = countSteps(STEPS, current, 'current');
  const p = countSteps(STEPS, previous, 'previous');
  return { ...FACTS, chainCohort: [...c.cohort, ...p.cohort], stepsEnded: [...c.ended, ...p.ended], obstacleCases: [...c.obstacles, ...p.obstacles] };
}

/** A report as the API builds it, for this input (the figures do not depend on the scope). */
export function sampleReport(input: ReportInput = { period: { kind: 'year', year: 2026 }, districtSlugs: [] }, threshold = 5): Report {
  const { current, previous } = resolvePeriod(input.period);
  const { tables, links } = aggregateReport(factsFor(current, previous), current, previous);
  return {
    period: { kind: input.period.kind, from: current.from, to: current.to, previousFrom: previous.from, previousTo: previous.to },
    districtSlugs: [...input.districtSlugs],
    threshold,
    generatedOn: '2026-11-20',
    tables: publishTables(tables, threshold, links),
  };
}

/** A bridge for a report user whose reports:generate answers with the sample report for its input. */
export function reportsBridge(user: SessionUser = ADMIN) {
  return caseworkBridge(user)
    .ok('reports:prepare', { ready: true })
    .on('reports:generate', (input) => ({ ok: true, result: sampleReport(input) }));
}
