import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ListCasesInput } from '../../core/contract';
import { caseRow, caseworkBridge } from './casework-fixtures';
import { CASEWORKER } from './fixtures';
import { button, renderApp } from './render-app';

const ROWS = [
  caseRow(0, { riskLevel: 'high', nextReviewDate: '2026-01-05', reviewOverdue: true }),
  caseRow(1, { riskLevel: 'low', nextReviewDate: '2026-09-01', reviewOverdue: false }),
  caseRow(2),
];

async function openList() {
  const bridge = caseworkBridge(CASEWORKER).on('cases:list', () => ({ ok: true, result: { total: ROWS.length, rows: ROWS } }));
  const app = renderApp();
  await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
  await app.user.click(button('Ärenden'));
  await screen.findByText('RVT-2026-00001');
  const last = (): ListCasesInput => bridge.callsTo('cases:list').at(-1) as ListCasesInput;
  return { ...app, bridge, last, grid: screen.getByRole('grid', { name: 'Ärendelista' }) };
}

describe('case list by risk', () => {
  it('shows each case’s current level as a word and its review, overdue marked', async () => {
    const { grid } = await openList();
    const rows = within(grid)
      .getAllByRole('row')
      .filter((r) => r.getAttribute('aria-rowindex') !== '1');
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('gridcell')
        .map((c) => c.textContent);
    expect(cells(rows[0] as HTMLElement).slice(3, 5)).toEqual(['Hög', '5 jan. 2026Försenad']);
    expect(cells(rows[1] as HTMLElement).slice(3, 5)).toEqual(['Låg', '1 sep. 2026']);
    expect(cells(rows[2] as HTMLElement).slice(3, 5)).toEqual(['Ej bedömd', '–']);
  });

  it('filters by current level and by overdue review', async () => {
    const { user, last } = await openList();
    await user.selectOptions(screen.getByLabelText('Aktuell risknivå'), 'Hög');
    await waitFor(() => expect(last()).toMatchObject({ riskLevel: 'high', overdueReviewOnly: false, offset: 0 }));
    await user.click(screen.getByLabelText('Bara försenad omprövning'));
    await waitFor(() => expect(last()).toMatchObject({ riskLevel: 'high', overdueReviewOnly: true }));
    await user.click(button('Rensa sökning och filter'));
    await waitFor(() => expect(last()).toMatchObject({ riskLevel: null, overdueReviewOnly: false }));
  });

  it('sorts by level (highest first) and by next review (soonest first)', async () => {
    const { user, last, grid } = await openList();
    await user.click(within(grid).getByRole('button', { name: /^Risknivå/ }));
    await waitFor(() => expect(last()).toMatchObject({ sort: 'risk_level', direction: 'desc' }));
    expect(
      within(grid)
        .getByRole('columnheader', { name: /Risknivå/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
    await user.click(within(grid).getByRole('button', { name: /^Risknivå/ }));
    await waitFor(() => expect(last()).toMatchObject({ sort: 'risk_level', direction: 'asc' }));
    await user.click(within(grid).getByRole('button', { name: /^Omprövning/ }));
    await waitFor(() => expect(last()).toMatchObject({ sort: 'next_review', direction: 'asc' }));
  });
});
