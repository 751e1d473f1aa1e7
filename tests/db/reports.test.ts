import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportInputSchema, type Report, type ReportCell, type ReportInput } from '../../core/contract';
import type { WorkerState } from '../../db/host/worker-state';
import { foundationOps } from '../../db/ops/foundation';
import { reportsOps } from '../../db/ops/reports';
import { addUser, auditTail, failureOf, freshWorker, loginAs, TEST_PIN } from '../helpers/casework';

/**
 * A dataset whose true answers are known (2024 against 2023), with a canary in every name and
 * free-text field. Whole team in 2024: 7 open at the start, 13 new, 8 closed, 12 open at the end.
 *  - Skärholmen: 12 women, opened 2024-03-01, one child each; 6 closed 2024-10-01; 3 protected identity.
 *    6 protected-shelter placements 2024-03-01 → 03-31 (30 days, 1000 kr/day) in an honour-violence
 *    shelter with a valid permit; 5 go on to a transitional flat (→ 2024-09-30, debts) and then an own
 *    lease; 1 has no next step. 5 moves within the city (request → completion 20 days), 5 through
 *    Kompotten to Västerås (30 days). 6 Kompotten requests sent to Västerås, accepted.
 *  - Hässelby-Vällingby: opened 2023-05-01: 5 women (honour context, assessed high 2024-06-01, review
 *    due 2024-06-15 → overdue) and 2 men, closed 2024-02-01.
 *  - No district: 1 non-binary survivor opened 2024-06-01; a child placed 2024-11-01 with a provider
 *    outside the register, still there (61 days). 1 Kompotten request received from Uppsala, no case.
 */
const CANARY = 'KANARIEFÅGEL';
let w: WorkerState;
let cleanup: () => void;
let me: number;
let caseSeq = 0;

const ts = (day: string) => `${day}T10:00:00.000Z`;

async function insertCase(db: ReturnType<WorkerState['active']['requireSession']>['db'], f: { district: string | null; gender: string; opened: string; closed?: string; honour?: boolean; protectedId?: boolean; children?: number }): Promise<number> {
  caseSeq += 1;
  const r = await db
    .insertInto('cases')
    .values({
      case_number: `RVT-2024-${String(caseSeq).padStart(4, '0')}`,
      status: f.closed ? 'closed' : 'open',
      closed_reason: f.closed ? `${CANARY} stängd` : null,
      closed_at: f.closed ? ts(f.closed) : null,
      survivor_name: `${CANARY} Namn ${caseSeq}`,
      survivor_pin: TEST_PIN,
      survivor_gender: f.gender,
      survivor_birth_year: 1987,
      survivor_language: `${CANARY}språk`,
      safe_contact: `${CANARY} Storgatan 1`,
      protection_level: f.protectedId ? 'skyddad_folkbokforing' : 'none',
      honour_context: f.honour ? 1 : 0,
      vulnerabilities: '[]',
      interpreter_needed: 0,
      vulnerability_note: `${CANARY} anteckning`,
      district_slug: f.district,
      created_by: me,
      created_at: ts(f.opened),
      updated_at: ts(f.opened),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < (f.children ?? 0); i++) {
    await db.insertInto('children').values({ case_id: r.id, name: `${CANARY} Barn`, birth_year: 2015, school: `${CANARY} skola`, needs: CANARY, placement: CANARY }).execute();
  }
  await db.insertInto('perpetrators').values({ case_id: r.id, name: `${CANARY} Förövare`, relation: 'partner', collective: 0, notes: CANARY }).execute();
  return r.id;
}

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
  await addUser(w, 'kim', 'caseworker');
  await addUser(w, 'lea', 'team_lead');
  const s = w.active.requireSession();
  me = s.user.id;
  const db = s.db;
  const step = (caseId: number, v: { kind: string; start: string; end: string | null; childId?: number | null; shelterId?: number | null; cost?: number | null; outcome?: string; obstacles?: string[] }) =>
    db
      .insertInto('housing_steps')
      .values({
        case_id: caseId,
        child_id: v.childId ?? null,
        kind: v.kind,
        start_date: v.start,
        end_date: v.end,
        provider: `${CANARY} Vägen 3`,
        shelter_id: v.shelterId ?? null,
        cost_per_day: v.cost ?? null,
        outcome: v.outcome ?? (v.end ? 'moved_on' : 'ongoing'),
        obstacles: JSON.stringify(v.obstacles ?? []),
        obstacle_note: `${CANARY} hinder`,
        permit_override_reason: `${CANARY} skäl`,
        parallel: 0,
        created_by: me,
        created_at: ts(v.start),
      })
      .execute();
  const move = async (caseId: number, route: string, to: { kind: string; code: string }, dates: [string, string][]) => {
    const m = await db
      .insertInto('moves')
      .values({ case_id: caseId, to_kind: to.kind, to_code: to.code, route, status: dates.at(-1)?.[0] ?? 'planned', receiving_contact: `${CANARY} kontakt`, notes: `${CANARY} flytt`, check_json: JSON.stringify({ note: CANARY }), override_reason: CANARY, created_by: me, created_at: ts(dates[0]?.[1] ?? '2024-01-01') })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [status, date] of dates) await db.insertInto('move_transitions').values({ move_id: m.id, status, date, recorded_by: me, recorded_at: ts(date) }).execute();
  };

  const shelter = await db
    .insertInto('shelters')
    .values({ name: `${CANARY} Skyddade boendet`, operator: CANARY, municipality_code: '0180', ivo_kind: 'permit', ivo_number: CANARY, ivo_valid_until: '2030-12-31', specialisations: JSON.stringify(['honour_violence']), languages: CANARY, capacity_adults: 10, capacity_children: 10, contact: CANARY })
    .returning('id')
    .executeTakeFirstOrThrow();

  for (let i = 0; i < 12; i++) {
    const id = await insertCase(db, { district: 'skarholmen', gender: 'woman', opened: '2024-03-01', closed: i < 6 ? '2024-10-01' : undefined, protectedId: i < 3, children: 1 });
    if (i < 6) {
      await step(id, { kind: 'protected_shelter', start: '2024-03-01', end: '2024-03-31', shelterId: shelter.id, cost: 1000 });
      if (i < 5) {
        await step(id, { kind: 'transitional', start: '2024-03-31', end: '2024-09-30', obstacles: ['debts'] });
        await step(id, { kind: 'own_lease', start: '2024-09-30', end: null });
      }
    }
    if (i < 5) await move(id, 'within_city', { kind: 'district', code: 'hasselby-vallingby' }, [['planned', '2024-04-01'], ['requested', '2024-04-05'], ['offered', '2024-04-10'], ['accepted', '2024-04-15'], ['completed', '2024-04-25']]);
    else if (i < 10) await move(id, 'kompotten', { kind: 'municipality', code: '1980' }, [['planned', '2024-05-01'], ['requested', '2024-05-11'], ['offered', '2024-05-20'], ['accepted', '2024-06-01'], ['completed', '2024-06-10']]);
    if (i < 6) await db.insertInto('kompotten_requests').values({ direction: 'sent', counterpart_code: '1980', case_id: id, date: '2024-05-11', outcome: 'accepted', notes: CANARY, created_by: me, created_at: ts('2024-05-11') }).execute();
  }
  for (let i = 0; i < 7; i++) {
    const woman = i < 5;
    const id = await insertCase(db, { district: 'hasselby-vallingby', gender: woman ? 'woman' : 'man', opened: '2023-05-01', closed: woman ? undefined : '2024-02-01', honour: woman });
    if (woman) {
      await db
        .insertInto('assessments')
        .values({ case_id: id, template_id: 'test', template_version: '1', status: 'completed', answers_json: JSON.stringify([{ note: CANARY }]), judgements_json: '[]', survivor_view: CANARY, headline_level: 'high', next_review_date: '2024-06-15', started_by: me, started_at: ts('2024-06-01'), completed_by: me, completed_at: ts('2024-06-01') })
        .execute();
    }
  }
  const loner = await insertCase(db, { district: null, gender: 'non_binary', opened: '2024-06-01', children: 1 });
  const child = await db.selectFrom('children').select('id').where('case_id', '=', loner).executeTakeFirstOrThrow();
  await step(loner, { kind: 'protected_shelter', start: '2024-11-01', end: null, childId: child.id });
  await db.insertInto('kompotten_requests').values({ direction: 'received', counterpart_code: '0380', case_id: null, date: '2024-08-01', outcome: 'pending', notes: CANARY, created_by: me, created_at: ts('2024-08-01') }).execute();
});
afterAll(() => cleanup());

const generate = (input: ReportInput) => reportsOps['reports.generate'](w, ReportInputSchema.parse(input) as Parameters<(typeof reportsOps)['reports.generate']>[1]);
const YEAR_2024: ReportInput = { period: { kind: 'year', year: 2024 }, districtSlugs: [] };

function table(report: Report, id: string, period: 'current' | 'previous' = 'current') {
  const t = report.tables.find((x) => x.id === id && x.period === period);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}
/** A cell by row and column key. */
function cell(report: Report, id: string, row: string, col: string, period: 'current' | 'previous' = 'current'): ReportCell {
  const t = table(report, id, period);
  const r = t.rows.find((x) => x.key === row);
  const c = t.columns.findIndex((x) => x.key === col);
  const found = r?.cells[c];
  if (!found) throw new Error(`no cell ${id}/${row}/${col}`);
  return found;
}
const n = (value: number): ReportCell => ({ kind: 'count', value });
const hidden: ReportCell = { kind: 'suppressed' };
const days = (value: number | null): ReportCell => ({ kind: 'measure', value, unit: 'days' });

describe('reports.generate: figures against a known dataset', () => {
  let report: Report;
  beforeAll(async () => {
    report = await generate(YEAR_2024);
  });

  it('gives the period, the previous period and the threshold', () => {
    expect(report.period).toEqual({ kind: 'year', from: '2024-01-01', to: '2024-12-31', previousFrom: '2023-01-01', previousTo: '2023-12-31' });
    expect(report.threshold).toBe(5);
    expect(report.districtSlugs).toEqual([]);
  });

  it('counts cases open at the start, new, closed and open at the end, for both periods', () => {
    expect(['open_at_start', 'new', 'closed', 'open_at_end'].map((k) => cell(report, 'cases_flow', k, 'cases'))).toEqual([n(7), n(13), n(8), n(12)]);
    expect(['open_at_start', 'new', 'closed', 'open_at_end'].map((k) => cell(report, 'cases_flow', k, 'cases', 'previous'))).toEqual([n(0), n(7), n(0), n(7)]);
  });

  it('breaks cases down by district and gender, suppressing small counts and what would give them away', () => {
    // Hässelby-Vällingby: 7 at the start, 2 closed (hidden), 5 at the end — hidden too, or 7 − 2 would show.
    expect(cell(report, 'cases_by_district', 'hasselby-vallingby', 'open_at_start')).toEqual(n(7));
    expect(cell(report, 'cases_by_district', 'hasselby-vallingby', 'closed')).toEqual(hidden);
    expect(cell(report, 'cases_by_district', 'hasselby-vallingby', 'open_at_end')).toEqual(hidden);
    expect(cell(report, 'cases_by_district', 'none', 'new')).toEqual(hidden);
    expect(cell(report, 'cases_by_district', 'total', 'new')).toEqual(n(13));
    expect(table(report, 'cases_by_district').rows.find((r) => r.key === 'skarholmen')?.label).toBe('Skärholmen');
    // Men: 2 at the start and 2 closed (hidden); the women's 5 at the start and 6 closed are hidden
    // beside them, and the one non-binary survivor's new and open-at-end hide the women's 12 and 11.
    expect(table(report, 'cases_by_gender').rows.map((r) => r.cells.map((c) => (c.kind === 'count' ? c.value : c.kind)))).toEqual([
      ['suppressed', 'suppressed', 'suppressed', 'suppressed'],
      ['suppressed', 0, 'suppressed', 0],
      [0, 'suppressed', 0, 'suppressed'],
      [0, 0, 0, 0],
      [7, 13, 8, 12],
    ]);
    expect(cell(report, 'cases_by_gender', 'woman', 'open_at_start', 'previous')).toEqual(n(0));
    // The same figure as 2024's hidden open-at-start: hidden in both periods.
    expect(cell(report, 'cases_by_gender', 'woman', 'open_at_end', 'previous')).toEqual(hidden);
    expect(cell(report, 'cases_by_gender', 'woman', 'new', 'previous')).toEqual(hidden);
  });

  it('counts children affected, honour context and protected identity among the cases of the period', () => {
    expect(cell(report, 'cases_characteristics', 'children_affected', 'cases')).toEqual(n(13));
    expect(cell(report, 'cases_characteristics', 'with_children', 'cases')).toEqual(n(13));
    expect(cell(report, 'cases_characteristics', 'honour_context', 'cases')).toEqual(n(5));
    expect(cell(report, 'cases_characteristics', 'protected_identity', 'cases')).toEqual(hidden);
  });

  it('counts placements, shelter days and cost, hiding the figures of a suppressed row', () => {
    expect(cell(report, 'placements_by_shelter_type', 'total', 'placements')).toEqual(n(7));
    expect(cell(report, 'placements_by_shelter_type', 'total', 'shelter_days')).toEqual(days(6 * 30 + 61));
    expect(cell(report, 'placements_by_shelter_type', 'total', 'cost')).toEqual({ kind: 'measure', value: 180_000, unit: 'sek' });
    // One placement outside the register is hidden, so the six beside it are too (7 − 1 would show).
    expect(cell(report, 'placements_by_shelter_type', 'not_in_register', 'placements')).toEqual(hidden);
    expect(cell(report, 'placements_by_shelter_type', 'honour_violence', 'placements')).toEqual(hidden);
    expect(cell(report, 'placements_by_shelter_type', 'honour_violence', 'shelter_days')).toEqual(days(null));
    expect(cell(report, 'placements_by_permit', 'valid', 'placements')).toEqual(hidden);
    expect(cell(report, 'placements_by_permit', 'total', 'started')).toEqual(n(7));
    expect(cell(report, 'placement_length', 'all', 'ended')).toEqual(n(6));
    expect(cell(report, 'placement_length', 'all', 'mean_days')).toEqual(days(30));
    expect(cell(report, 'placement_length', 'all', 'median_days')).toEqual(days(30));
    expect(cell(report, 'placements_by_shelter_type', 'total', 'placements', 'previous')).toEqual(n(0));
  });

  it('counts moves by route and outcome, destination and the median days from request to completion', () => {
    expect(cell(report, 'moves_by_route', 'within_city', 'completed')).toEqual(n(5));
    expect(cell(report, 'moves_by_route', 'kompotten', 'completed')).toEqual(n(5));
    expect(cell(report, 'moves_by_route', 'total', 'total')).toEqual(n(10));
    expect(cell(report, 'moves_destination', 'within_city', 'completed')).toEqual(n(5));
    expect(cell(report, 'moves_destination', 'other_municipality', 'completed')).toEqual(n(5));
    expect(cell(report, 'moves_duration', 'within_city', 'median_days_request_to_completion')).toEqual(days(20));
    expect(cell(report, 'moves_duration', 'kompotten', 'median_days_request_to_completion')).toEqual(days(30));
    expect(cell(report, 'moves_duration', 'total', 'median_days_request_to_completion')).toEqual(days(25));
  });

  it('reviews the housing chain of those who left protected housing', () => {
    expect(cell(report, 'chain_review', 'left_protected', 'cases')).toEqual(n(6));
    expect(cell(report, 'chain_review', 'not_reached_own_lease', 'cases')).toEqual(hidden);
    expect(cell(report, 'chain_review', 'reached_own_lease', 'cases')).toEqual(hidden);
    expect(cell(report, 'chain_next_step', 'none_recorded', 'cases')).toEqual(hidden);
    expect(cell(report, 'chain_next_step', 'total', 'cases')).toEqual(n(6));
    expect(cell(report, 'chain_step_days', 'protected_shelter', 'median_days')).toEqual(days(30));
    expect(cell(report, 'chain_step_days', 'transitional', 'ended')).toEqual(n(5));
    expect(cell(report, 'chain_step_days', 'transitional', 'median_days')).toEqual(days(183));
    expect(cell(report, 'chain_step_days', 'own_lease', 'median_days')).toEqual(days(null));
    expect(cell(report, 'chain_obstacles', 'debts', 'cases')).toEqual(n(5));
  });

  it('distributes the latest judged risk level and counts overdue reviews', () => {
    expect(cell(report, 'risk_levels', 'high', 'cases')).toEqual(n(5));
    expect(cell(report, 'risk_levels', 'not_assessed', 'cases')).toEqual(n(7));
    expect(cell(report, 'risk_levels', 'total', 'cases')).toEqual(n(12));
    expect(cell(report, 'risk_reviews', 'overdue', 'cases')).toEqual(n(5));
    expect(cell(report, 'risk_levels', 'not_assessed', 'cases', 'previous')).toEqual(n(7));
  });

  it('lists Kompotten requests by counterpart, with a municipality name and no more', () => {
    const sent = table(report, 'kompotten_sent');
    expect(sent.rows.map((r) => r.label ?? r.key)).toEqual(['Västerås', 'total']);
    expect(cell(report, 'kompotten_sent', '1980', 'accepted')).toEqual(n(6));
    expect(cell(report, 'kompotten_received', '0380', 'pending')).toEqual(hidden);
    expect(cell(report, 'kompotten_received', 'total', 'total')).toEqual(hidden);
  });

  it('never publishes a count under the threshold, and no column or row gives a hidden cell away', () => {
    for (const t of report.tables) {
      for (const row of t.rows) for (const c of row.cells) if (c.kind === 'count') expect(c.value === 0 || c.value >= 5).toBe(true);
      const totalRow = t.rows.find((r) => r.total);
      if (!totalRow) continue;
      t.columns.forEach((_, ci) => {
        if (totalRow.cells[ci]?.kind === 'measure') return;
        const hiddenInColumn = t.rows.filter((r) => r.cells[ci]?.kind === 'suppressed').length;
        expect(hiddenInColumn, `${t.id}/${t.period} column ${ci}`).not.toBe(1);
      });
    }
  });

  it('contains no name, number, date of birth, address or free text', () => {
    const json = JSON.stringify(report);
    expect(json).not.toContain(CANARY);
    expect(json).not.toContain('1212');
    expect(json).not.toContain('1987');
    expect(json).not.toContain('RVT-');
  });
});

describe('reports.generate: scope, periods, settings and access', () => {
  it('limits a report to the chosen districts', async () => {
    const r = await generate({ period: { kind: 'year', year: 2024 }, districtSlugs: ['hasselby-vallingby'] });
    // 7 at the start, none new, 2 closed (hidden), so the 5 open at the end are hidden too…
    expect(['open_at_start', 'new', 'closed', 'open_at_end'].map((k) => cell(r, 'cases_flow', k, 'cases'))).toEqual([n(7), n(0), hidden, hidden]);
    expect(table(r, 'cases_by_district').rows.map((x) => x.key)).toEqual(['hasselby-vallingby', 'total']);
    // …and with them the risk table's total (the same figure) and the 5 assessed high beside it.
    expect(cell(r, 'risk_levels', 'total', 'cases')).toEqual(hidden);
    expect(cell(r, 'risk_levels', 'high', 'cases')).toEqual(hidden);
    expect(cell(r, 'risk_reviews', 'overdue', 'cases')).toEqual(n(5));
    expect(cell(r, 'placements_by_shelter_type', 'total', 'placements')).toEqual(n(0));
    // The request without a case belongs to no district.
    expect(table(r, 'kompotten_received').rows.map((x) => x.key)).toEqual(['total']);
    const skarholmen = await generate({ period: { kind: 'year', year: 2024 }, districtSlugs: ['skarholmen'] });
    expect(cell(skarholmen, 'cases_flow', 'new', 'cases')).toEqual(n(12));
    expect(cell(skarholmen, 'moves_by_route', 'total', 'total')).toEqual(n(10));
  });

  it('resolves a tertial and its previous period', async () => {
    const r = await generate({ period: { kind: 'tertial', year: 2024, index: 1 }, districtSlugs: [] });
    expect(r.period).toMatchObject({ from: '2024-01-01', to: '2024-04-30', previousFrom: '2023-09-01', previousTo: '2023-12-31' });
    // 7 + 12 − 2 = 17: the 2 closed hide the 7 at the start (and the previous period's 7 at its end).
    expect(['open_at_start', 'new', 'closed', 'open_at_end'].map((k) => cell(r, 'cases_flow', k, 'cases'))).toEqual([hidden, hidden, hidden, n(17)]);
    expect(cell(r, 'cases_flow', 'open_at_end', 'cases', 'previous')).toEqual(hidden);
    expect(cell(r, 'placements_by_shelter_type', 'honour_violence', 'shelter_days')).toEqual(days(180));
    expect(cell(r, 'placements_by_shelter_type', 'honour_violence', 'cost')).toEqual({ kind: 'measure', value: 180_000, unit: 'sek' });
    expect(cell(r, 'moves_by_route', 'kompotten', 'ongoing')).toEqual(n(0));
  });

  it('uses the threshold setting, never below 3', async () => {
    await foundationOps['settings.update'](w, { reportThreshold: 3 });
    expect((await foundationOps['settings.get'](w, {})).reportThreshold).toBe(3);
    const r = await generate(YEAR_2024);
    expect(r.threshold).toBe(3);
    expect(cell(r, 'cases_characteristics', 'protected_identity', 'cases')).toEqual(n(3));
    // A stored value under 3 (written past the API) still counts as 3.
    await w.active.requireSession().db.updateTable('settings').set({ value: '1' }).where('key', '=', 'report_threshold').execute();
    expect((await generate(YEAR_2024)).threshold).toBe(3);
    await foundationOps['settings.update'](w, { reportThreshold: 5 });
  });

  it('refuses an unknown district', async () => {
    expect((await failureOf(generate({ period: { kind: 'year', year: 2024 }, districtSlugs: ['atlantis'] }))).code).toBe('invalid_input');
  });

  it('audits a read of a report with no content', async () => {
    await generate(YEAR_2024);
    const [row] = await auditTail(w, 1);
    expect(row).toMatchObject({ action: 'read', entity: 'report', entity_id: null, outcome: 'ok' });
  });

  it('refuses a caseworker and allows a team lead', async () => {
    await loginAs(w, 'kim');
    expect((await failureOf(generate(YEAR_2024))).code).toBe('forbidden');
    await loginAs(w, 'lea');
    expect((await generate(YEAR_2024)).tables.length).toBeGreaterThan(20);
    await loginAs(w, 'admin');
  });
});
