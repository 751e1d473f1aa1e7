import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseShares, ShareInput } from '../../core/contract';
import { openCase } from '../../renderer/src/casework/casework-store';
import { caseDetail, caseRow, caseworkBridge } from './casework-fixtures';
import { CASEWORKER, TEAM_LEAD } from './fixtures';
import { button, renderApp } from './render-app';

const KIM = { id: 9, displayName: 'Kim Påhittad' };

/** Opens case 3 as the caseworker, with a bridge whose sharing behaves like the API. */
async function openSharedCase(initial: CaseShares) {
  const detail = caseDetail();
  let shares = initial;
  const bridge = caseworkBridge(CASEWORKER)
    .ok('cases:list', { total: 1, rows: [caseRow(2)] })
    .ok('cases:get', detail)
    .ok('users:assignees', [
      { id: TEAM_LEAD.id, displayName: TEAM_LEAD.displayName, role: 'team_lead' },
      { id: KIM.id, displayName: KIM.displayName, role: 'caseworker' },
    ])
    .on('cases:shares', () => ({ ok: true, result: shares }))
    .on('cases:share', (input: ShareInput) => {
      const colleague =
        input.userId === KIM.id
          ? { ...KIM, role: 'caseworker' as const }
          : { id: TEAM_LEAD.id, displayName: TEAM_LEAD.displayName, role: 'team_lead' as const };
      shares = {
        ...shares,
        shares: [
          ...shares.shares,
          {
            userId: colleague.id,
            displayName: colleague.displayName,
            role: colleague.role,
            grantedByName: CASEWORKER.displayName,
            grantedAt: '2026-03-01T10:00:00.000Z',
          },
        ],
      };
      return { ok: true, result: shares };
    })
    .on('cases:unshare', (input: ShareInput) => {
      shares = { ...shares, shares: shares.shares.filter((s) => s.userId !== input.userId) };
      return { ok: true, result: shares };
    });
  const app = renderApp();
  await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
  openCase(detail.id);
  await app.user.click(button('Ärenden'));
  await screen.findByRole('heading', { level: 1, name: `${detail.caseNumber} – ${detail.survivor.name}` });
  const section = (await screen.findByRole('heading', { level: 2, name: 'Delas med' })).closest('section');
  if (!section) throw new Error('no sharing section');
  return { bridge, section, detail, ...app };
}

describe('case view: "Delas med"', () => {
  it('shows who is named, shares with a colleague and takes the name off again', async () => {
    const { bridge, section, detail, user } = await openSharedCase({
      assignee: { id: CASEWORKER.id, displayName: CASEWORKER.displayName },
      creator: null,
      shares: [],
    });
    expect(await within(section).findByText('Ärendet är inte delat med någon.')).toBeTruthy();
    expect(within(section).getByText(CASEWORKER.displayName)).toBeTruthy();

    // The assignee is named already, so only the others are offered.
    const picker = within(section).getByLabelText('Kollega');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Välj en kollega', `${TEAM_LEAD.displayName} (Gruppledare)`, `${KIM.displayName} (Handläggare)`]);
    expect((within(section).getByRole('button', { name: 'Dela ärendet' }) as HTMLButtonElement).disabled).toBe(true);

    await user.selectOptions(picker, String(KIM.id));
    await user.click(within(section).getByRole('button', { name: 'Dela ärendet' }));
    await waitFor(() => expect(bridge.callsTo('cases:share')).toEqual([{ caseId: detail.id, userId: KIM.id }]));
    expect(await within(section).findByText('Ärendet är delat med Kim Påhittad.')).toBeTruthy();
    expect(within(section).getByText(/Kim Påhittad \(Handläggare\)/)).toBeTruthy();
    expect(within(within(section).getByLabelText('Kollega')).queryByRole('option', { name: /Kim Påhittad/ })).toBeNull();

    await user.click(within(section).getByRole('button', { name: 'Ta bort Kim Påhittad' }));
    await waitFor(() => expect(bridge.callsTo('cases:unshare')).toEqual([{ caseId: detail.id, userId: KIM.id }]));
    expect(await within(section).findByText('Kim Påhittad är inte längre namngiven på ärendet.')).toBeTruthy();
    expect(within(section).getByText('Ärendet är inte delat med någon.')).toBeTruthy();
  });

  it('names the creator of an unassigned case, and explains a refusal', async () => {
    const { bridge, section, user } = await openSharedCase({ assignee: null, creator: { id: CASEWORKER.id, displayName: CASEWORKER.displayName }, shares: [] });
    expect(await within(section).findByText('Skapat av (ärendet har ingen handläggare)')).toBeTruthy();
    bridge.fail('cases:share', {
      code: 'invalid_input',
      message: 'A case can only be shared with an active caseworker or team lead. Choose someone from the list.',
      reason: 'share_not_case_user',
    });
    await user.selectOptions(within(section).getByLabelText('Kollega'), String(TEAM_LEAD.id));
    await user.click(within(section).getByRole('button', { name: 'Dela ärendet' }));
    expect((await within(section).findByRole('alert')).textContent).toContain('Ett ärende kan bara delas med en aktiv handläggare eller gruppledare.');
  });
});

describe('case view: a case that is not shared with the user', () => {
  it('says so and whom to ask', async () => {
    const bridge = caseworkBridge(CASEWORKER)
      .ok('cases:list', { total: 0, rows: [] })
      .fail('cases:get', { code: 'forbidden', message: 'This case is not shared with you. Ask its caseworker or your team lead.' });
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
    openCase(42);
    await user.click(button('Ärenden'));
    expect((await screen.findByRole('alert')).textContent).toBe('Ärendet är inte delat med dig. Be ärendets handläggare eller din gruppledare att dela det.');
    expect(bridge.callsTo('cases:open')).toEqual([{ id: 42 }]);
  });
});

/** The team lead's case list, and its section of protected cases they are not named on. */
async function protectedListSection(): Promise<HTMLElement> {
  const { user } = renderApp();
  await screen.findByRole('heading', { name: 'Välkommen, Bertil Provsson' });
  await user.click(button('Ärenden'));
  const heading = await screen.findByRole('heading', { level: 2, name: 'Skyddade ärenden där du inte är namngiven' });
  const section = heading.closest('section');
  if (!section) throw new Error('no section');
  return section;
}

describe('case list: protected cases a team lead is not named on', () => {
  it('lists them by number only, outside the grid, with the marker', async () => {
    caseworkBridge(TEAM_LEAD).ok('cases:list', {
      total: 1,
      rows: [caseRow(2)],
      protectedNotNamed: [{ id: 77, caseNumber: 'RVT-2026-0077' }],
      protectedNotNamedTotal: 1,
    });
    const section = await protectedListSection();
    expect(within(section).getByRole('listitem').textContent).toBe('RVT-2026-0077 Skyddat – inte namngiven');
    expect(within(section).queryByRole('button')).toBeNull();
    expect(within(screen.getByRole('grid')).queryByText('RVT-2026-0077')).toBeNull();
    expect(within(section).queryByText(/visas inte här/)).toBeNull();
  });

  it('says how many more there are when only the first are named', async () => {
    const shown = Array.from({ length: 100 }, (_, i) => ({ id: 1000 + i, caseNumber: `RVT-2026-${String(1000 + i)}` }));
    caseworkBridge(TEAM_LEAD).ok('cases:list', { total: 1, rows: [caseRow(2)], protectedNotNamed: shown, protectedNotNamedTotal: 4321 });
    const section = await protectedListSection();
    expect(within(section).getAllByRole('listitem')).toHaveLength(100);
    expect(within(section).getByText(/^Ytterligare 4\s221 skyddade ärenden där du inte är namngiven visas inte här\.$/)).toBeTruthy();
  });
});
