import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UserListRow } from '../../core/contract';
import { installBridge } from './fake-bridge';
import { ADMIN, CASEWORKER, TEAM_LEAD, unlockedStatus, userRow } from './fixtures';
import { button, input, renderApp } from './render-app';

const INITIAL = 'första lösenfrasen för bertil';

async function openUsers(users: UserListRow[], viewer = ADMIN) {
  const bridge = installBridge().ok('session:status', unlockedStatus(viewer)).ok('users:list', users);
  const app = renderApp();
  await screen.findByRole('heading', { name: `Välkommen, ${viewer.displayName}` });
  await app.user.click(button('Användare'));
  await screen.findByRole('table', { name: 'Teamets användare' });
  return { bridge, ...app };
}

async function fillCreate(user: ReturnType<typeof renderApp>['user']): Promise<void> {
  await user.type(input('Användarnamn'), 'bertil.lead');
  await user.type(input('Namn som visas'), 'Bertil Provsson');
  await user.selectOptions(screen.getByLabelText('Roll'), 'team_lead');
  await user.type(input('Första lösenfras'), INITIAL);
  await user.type(input('Upprepa lösenfrasen'), INITIAL);
}

describe('users view', () => {
  it('lists users with translated roles and status, and marks the view current', async () => {
    await openUsers([userRow(ADMIN), userRow(CASEWORKER, '2026-03-01T12:00:00.000Z')]);
    expect(button('Användare').getAttribute('aria-current')).toBe('page');
    expect(button('Start').getAttribute('aria-current')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Användare', level: 1 }));

    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const cecilia = rows[2];
    if (!cecilia) throw new Error('missing row');
    expect(within(cecilia).getByText('Handläggare')).toBeTruthy();
    expect(within(cecilia).getByText(/^Avstängd sedan /)).toBeTruthy();
    expect(within(cecilia).queryByRole('button')).toBeNull();
    expect(within(rows[1] as HTMLElement).getByText('Aktiv')).toBeTruthy();
  });

  it('shows each managed account’s failed unlocks since its last unlock, and nothing for the others', async () => {
    const bo = { ...CASEWORKER, id: 4, username: 'bo.hl', displayName: 'Bo Provsson' };
    await openUsers(
      [userRow(ADMIN, null, null), userRow(TEAM_LEAD, null, { count: 0, lastAt: null }), userRow(bo, null, { count: 3, lastAt: '2026-03-02T08:15:00.000Z' })],
      TEAM_LEAD,
    );
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Misslyckade inloggningar' })).toBeTruthy();
    const [, admin, lead, boRow] = within(table).getAllByRole('row') as HTMLElement[];
    const cells = (row: HTMLElement | undefined) =>
      row
        ? within(row)
            .getAllByRole('cell')
            .map((c) => c.textContent)
        : [];
    expect(cells(boRow)[4]).toMatch(/^3 sedan senaste inloggningen, senast 2 mars 2026 \d{2}:\d{2}$/);
    expect(cells(lead)[4]).toBe('Inga sedan senaste inloggningen');
    // The administrator's account is not the team lead's to watch.
    expect(cells(admin)[4]).toBe('');
  });

  it('creates a user, then shows a confirmation and the new list', async () => {
    const { bridge, user } = await openUsers([userRow(ADMIN)]);
    bridge.on('users:create', (input) => {
      bridge.ok('users:list', [userRow(ADMIN), userRow(TEAM_LEAD)]);
      return { ok: true, result: { ...userRow(TEAM_LEAD), username: input.username } };
    });
    await fillCreate(user);
    await user.click(button('Lägg till användare'));

    expect(await screen.findByText('Bertil Provsson har lagts till.')).toBeTruthy();
    expect(bridge.callsTo('users:create')).toEqual([{ username: 'bertil.lead', displayName: 'Bertil Provsson', role: 'team_lead', passphrase: INITIAL }]);
    expect(await screen.findByRole('cell', { name: 'Bertil Provsson' })).toBeTruthy();
    expect(input('Användarnamn').value).toBe('');
    expect(input('Första lösenfras').value).toBe('');
  });

  it('shows user_exists on the username field and keeps what was typed', async () => {
    const { bridge, user } = await openUsers([userRow(ADMIN)]);
    bridge.fail('users:create', { code: 'user_exists', message: 'exists' });
    await fillCreate(user);
    await user.click(button('Lägg till användare'));

    expect(await screen.findByText('Det finns redan en användare med det användarnamnet.')).toBeTruthy();
    expect(input('Användarnamn').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input('Användarnamn'));
    expect(input('Användarnamn').value).toBe('bertil.lead');
    expect(input('Namn som visas').value).toBe('Bertil Provsson');
    expect(input('Första lösenfras').value).toBe(INITIAL);
  });

  it('validates on the client first: mismatch and bad username never reach the API', async () => {
    const { bridge, user } = await openUsers([userRow(ADMIN)]);
    await user.type(input('Användarnamn'), '-x');
    await user.type(input('Första lösenfras'), INITIAL);
    await user.type(input('Upprepa lösenfrasen'), 'något annat{Enter}');
    expect(screen.getByText(/Använd bara små bokstäver a–z/)).toBeTruthy();
    expect(screen.getByText('Fyll i det här fältet.')).toBeTruthy();
    expect(screen.getByText('Lösenfraserna är inte likadana.')).toBeTruthy();
    expect(bridge.callsTo('users:create')).toHaveLength(0);
  });

  it('disables a user only after confirmation', async () => {
    const { bridge, user } = await openUsers([userRow(ADMIN), userRow(CASEWORKER)]);
    bridge.on('users:disable', () => {
      bridge.ok('users:list', [userRow(ADMIN), userRow(CASEWORKER, '2026-04-01T08:00:00.000Z')]);
      return { ok: true, result: userRow(CASEWORKER, '2026-04-01T08:00:00.000Z') };
    });
    await user.click(button('Stäng av Cecilia Exempelsson'));
    expect(screen.getByText('Stänga av Cecilia Exempelsson? Användaren kan inte längre låsa upp Fristad.')).toBeTruthy();
    expect(document.activeElement).toBe(button('Ja, stäng av'));
    await user.click(button('Avbryt'));
    expect(bridge.callsTo('users:disable')).toHaveLength(0);

    await user.click(button('Stäng av Cecilia Exempelsson'));
    await user.click(button('Ja, stäng av'));
    expect(await screen.findByText('Cecilia Exempelsson är avstängd.')).toBeTruthy();
    expect(bridge.callsTo('users:disable')).toEqual([{ username: 'cecilia.hl' }]);
  });

  it('explains last_administrator when the last administrator would be disabled', async () => {
    const { bridge, user } = await openUsers([userRow(ADMIN)]);
    bridge.fail('users:disable', { code: 'last_administrator', message: 'last' });
    await user.click(button('Stäng av Astrid Testsson'));
    await user.click(button('Ja, stäng av'));
    expect((await screen.findByRole('alert')).textContent).toBe('Det måste alltid finnas minst en aktiv administratör.');
  });

  it('translates forbidden from the list', async () => {
    installBridge().ok('session:status', unlockedStatus(ADMIN)).fail('users:list', { code: 'forbidden', message: 'no' });
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' });
    await user.click(button('Användare'));
    expect((await screen.findByRole('alert')).textContent).toBe('Din roll har inte behörighet till det här.');
  });

  it('is not offered to caseworkers', async () => {
    installBridge().ok('session:status', unlockedStatus(CASEWORKER));
    renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    expect(within(nav).queryByRole('button', { name: 'Användare' })).toBeNull();
    expect(within(nav).getByRole('button', { name: 'Ärenden' })).toBeTruthy();
  });

  it('lets a team lead add caseworkers and team leads only, and disable only their accounts', async () => {
    installBridge()
      .ok('session:status', unlockedStatus(TEAM_LEAD))
      .ok('users:list', [userRow(ADMIN), userRow(TEAM_LEAD), userRow(CASEWORKER)]);
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Bertil Provsson' });
    await user.click(button('Användare'));
    await screen.findByText(CASEWORKER.displayName);
    const roles = within(screen.getByLabelText('Roll'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(roles).toEqual(['Handläggare', 'Gruppledare']);
    expect(screen.queryByRole('button', { name: `Stäng av ${ADMIN.displayName}` })).toBeNull();
    expect(screen.getByRole('button', { name: `Stäng av ${CASEWORKER.displayName}` })).toBeTruthy();
  });
});
