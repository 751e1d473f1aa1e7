import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportInputSchema, type Report, type ReportCell, type ReportInput } from '../../core/contract';
import type { WorkerState } from '../../worker/worker-state';
import { foundationOps } from '../../app/foundation';
import { reportsOps } from '../../app/reports';
import { auditTail, failureOf, freshWorker, loginAs } from '../helpers/casework';
import { CANARY, seedReportDataset } from '../helpers/report-dataset';

let w: WorkerState;
let cleanup: () => void;

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
  await seedReportDataset(w);
});
afterAll(() => cleanup());

const generate = (input: ReportInput) =>
  reportsOps['reports:generate'](w, ReportInputSchema.parse(input) as Parameters<(typeof reportsOps)['reports:generate']>[1]);
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
    // Three of the six requests are for cases with protected personal data: counted, never named.
    expect(sent.rows.map((r) => r.label ?? r.key)).toEqual(['Västerås', 'protected', 'total']);
    expect(sent.rows.find((r) => r.key === 'protected')).toMatchObject({ labelKey: 'reports.row.protected_counterpart', label: undefined });
    expect(cell(report, 'kompotten_sent', 'total', 'accepted')).toEqual(n(6));
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
    await foundationOps['settings:update'](w, { reportThreshold: 3 });
    expect((await foundationOps['settings:get'](w, {})).reportThreshold).toBe(3);
    const r = await generate(YEAR_2024);
    expect(r.threshold).toBe(3);
    expect(cell(r, 'cases_characteristics', 'protected_identity', 'cases')).toEqual(n(3));
    // A stored value under 3 (written past the API) still counts as 3.
    await w.active.requireSession().db.updateTable('settings').set({ value: '1' }).where('key', '=', 'report_threshold').execute();
    expect((await generate(YEAR_2024)).threshold).toBe(3);
    await foundationOps['settings:update'](w, { reportThreshold: 5 });
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
