import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Reminder, SessionUser } from '../../core/contract';
import { useCaseworkStore } from '../../renderer/src/casework/casework-store';
import { useNavigationStore } from '../../renderer/src/shell/navigation-store';
import { caseDetail, caseworkBridge, reminder } from './casework-fixtures';
import { CASEWORKER, TEAM_LEAD } from './fixtures';
import { button, renderApp } from './render-app';

const OVERDUE = [reminder({ id: 1, caseId: 3, caseNumber: 'RVT-2026-00003', dueDate: '2026-03-02', kind: 'review', note: 'Ompröva placeringen' })];
const THIS_WEEK = [
  reminder({ id: 2, caseId: 5, caseNumber: 'RVT-2026-00005', dueDate: '2026-03-12', kind: 'placement_end', note: 'Placeringen upphör' }),
  reminder({ id: 3, caseId: 3, caseNumber: 'RVT-2026-00003', dueDate: '2026-03-13', kind: 'follow_up', note: '' }),
];

async function openReminders(user: SessionUser, due: { overdue: Reminder[]; thisWeek: Reminder[] } = { overdue: OVERDUE, thisWeek: THIS_WEEK }) {
  const bridge = caseworkBridge(user).ok('reminders:due', due);
  const app = renderApp();
  await screen.findByRole('heading', { name: `Välkommen, ${user.displayName}` });
  await app.user.click(button('Att göra'));
  await screen.findByRole('heading', { level: 2, name: /^Försenade/ });
  return { bridge, ...app };
}

function navButton(name: string): HTMLElement {
  return within(screen.getByRole('navigation', { name: 'Huvudmeny' })).getByRole('button', { name });
}

function table(name: RegExp): HTMLElement {
  return screen.getByRole('table', { name });
}

describe('To-do view', () => {
  it('lists what is overdue and what is due this week, for the caseworker’s own cases', async () => {
    const { bridge } = await openReminders(CASEWORKER);
    expect(bridge.callsTo('reminders:due')).toEqual([{ scope: 'mine' }]);
    expect(screen.getByText('1 försenade, 2 den här veckan.')).toBeTruthy();

    const overdue = table(/^Försenade \(1\)/);
    const overdueRows = within(overdue).getAllByRole('row').slice(1);
    expect(overdueRows).toHaveLength(1);
    expect(within(overdueRows[0] as HTMLElement).getByText('Omprövning')).toBeTruthy();
    expect(within(overdueRows[0] as HTMLElement).getByText('Ompröva placeringen')).toBeTruthy();

    const week = table(/^Den här veckan \(2\)/);
    const weekRows = within(week).getAllByRole('row').slice(1);
    expect(weekRows.map((row) => within(row).getByRole('button', { name: /^Öppna ärende/ }).textContent)).toEqual(['RVT-2026-00005', 'RVT-2026-00003']);
    expect(within(weekRows[0] as HTMLElement).getByText('Placering upphör')).toBeTruthy();
    // A caseworker has no team overview.
    expect(screen.queryByLabelText('Visa')).toBeNull();
  });

  it('lets a team lead switch to the whole team, with each row’s caseworker', async () => {
    const { bridge, user } = await openReminders(TEAM_LEAD);
    bridge.ok('reminders:due', { overdue: [], thisWeek: [reminder({ id: 9, assignedUserName: 'Doris Påhittad', note: 'Teamets' })] });
    await user.selectOptions(screen.getByLabelText('Visa'), 'team');
    expect(await screen.findByText('Teamets')).toBeTruthy();
    expect(bridge.callsTo('reminders:due')).toEqual([{ scope: 'mine' }, { scope: 'team' }]);
    expect(screen.getByText('Inget är försenat.')).toBeTruthy();
    expect(within(table(/^Den här veckan/)).getByRole('columnheader', { name: 'Handläggare' })).toBeTruthy();
    expect(screen.getByText('Doris Påhittad')).toBeTruthy();
  });

  it('opens a row’s case in the Cases view, and comes back to the row', async () => {
    const { bridge, user } = await openReminders(CASEWORKER);
    bridge.ok('cases:get', caseDetail({ id: 5, caseNumber: 'RVT-2026-00005' }));
    await user.click(button('Öppna ärende RVT-2026-00005'));
    expect(await screen.findByRole('heading', { level: 1, name: 'RVT-2026-00005 – Testperson 3' })).toBeTruthy();
    expect(bridge.callsTo('cases:open')).toEqual([{ id: 5 }]);
    expect(useCaseworkStore.getState().selectedCaseId).toBe(5);
    // The case is shown by the Cases view, not inside the To-do view.
    expect(useNavigationStore.getState().view).toBe('cases');
    expect(navButton('Ärenden').getAttribute('aria-current')).toBe('page');
    expect(navButton('Att göra').getAttribute('aria-current')).toBeNull();

    await user.click(button('← Tillbaka till Att göra'));
    await screen.findByRole('heading', { level: 1, name: 'Att göra' });
    await waitFor(() => expect(document.activeElement).toBe(button('Öppna ärende RVT-2026-00005')));
    expect(useCaseworkStore.getState().selectedCaseId).toBeNull();
    expect(navButton('Att göra').getAttribute('aria-current')).toBe('page');

    // The Cases view now shows its list again.
    bridge.ok('cases:list', { total: 0, rows: [] });
    await user.click(navButton('Ärenden'));
    expect(await screen.findByText('Inga ärenden visas. Ändra filtren eller skapa ett nytt ärende.')).toBeTruthy();
  });

  it('goes back from the case with Escape too', async () => {
    const { bridge, user } = await openReminders(CASEWORKER);
    bridge.ok('cases:get', caseDetail({ id: 3 }));
    await user.click(within(table(/^Försenade/)).getByRole('button', { name: 'Öppna ärende RVT-2026-00003' }));
    await screen.findByRole('heading', { level: 1, name: 'RVT-2026-00003 – Testperson 3' });
    await user.keyboard('{Escape}');
    await screen.findByRole('heading', { level: 1, name: 'Att göra' });
    await waitFor(() => expect(document.activeElement).toBe(within(table(/^Försenade/)).getByRole('button', { name: 'Öppna ärende RVT-2026-00003' })));
  });

  it('marks a reminder done and fetches the lists again', async () => {
    const { bridge, user } = await openReminders(CASEWORKER);
    bridge.on('reminders:complete', (input) => {
      bridge.ok('reminders:due', { overdue: [], thisWeek: THIS_WEEK });
      return { ok: true, result: { ...OVERDUE[0], id: input.id, doneAt: '2026-03-10T09:00:00.000Z' } as Reminder };
    });
    await user.click(button('Markera Omprövning i RVT-2026-00003 som klar'));
    expect(await screen.findByText('Omprövning i RVT-2026-00003 är markerad som klar.')).toBeTruthy();
    expect(bridge.callsTo('reminders:complete')).toEqual([{ id: 1 }]);
    expect(await screen.findByText('Inget är försenat.')).toBeTruthy();
  });

  it('speaks English', async () => {
    const { user } = await openReminders(CASEWORKER);
    await user.selectOptions(screen.getByLabelText('Språk (Language)'), 'en');
    expect(screen.getByRole('heading', { level: 1, name: 'To do' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Overdue (1)' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'This week (2)' })).toBeTruthy();
    expect(screen.getByText('Placement ends')).toBeTruthy();
  });
});

describe('reminders of a case', () => {
  it('adds a reminder with kind, date and note, and marks one done', async () => {
    const bridge = caseworkBridge(CASEWORKER)
      .ok('cases:list', { total: 0, rows: [] })
      .ok('cases:get', caseDetail())
      .ok('reminders:list', [reminder({ id: 4, dueDate: '2020-01-01', note: 'Gammal' })]);
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
    useCaseworkStore.setState({ selectedCaseId: 3 });
    await user.click(button('Ärenden'));
    const section = await screen.findByRole('region', { name: 'Påminnelser' });
    expect(await within(section).findByText('Gammal')).toBeTruthy();
    expect(within(section).getByText('Försenad')).toBeTruthy();

    bridge.on('reminders:create', (input) => ({ ok: true, result: reminder({ id: 5, ...input }) }));
    await user.click(within(section).getByRole('button', { name: 'Lägg till påminnelse' }));
    expect(document.activeElement).toBe(within(section).getByLabelText('Datum'));
    await user.type(within(section).getByLabelText('Datum'), '2026-04-01x');
    await user.click(within(section).getByRole('button', { name: 'Spara påminnelsen' }));
    expect(within(section).getByText('Ange datumet som ÅÅÅÅ-MM-DD.')).toBeTruthy();
    await user.clear(within(section).getByLabelText('Datum'));
    await user.type(within(section).getByLabelText('Datum'), '2026-04-01');
    await user.selectOptions(within(section).getByLabelText('Typ'), 'review');
    await user.type(within(section).getByLabelText('Anteckning'), 'Ompröva');
    await user.click(within(section).getByRole('button', { name: 'Spara påminnelsen' }));
    expect(await within(section).findByText('Påminnelsen är sparad.')).toBeTruthy();
    expect(bridge.callsTo('reminders:create')).toEqual([{ caseId: 3, kind: 'review', dueDate: '2026-04-01', note: 'Ompröva' }]);

    bridge.ok('reminders:complete', reminder({ id: 4, doneAt: '2026-03-10T09:00:00.000Z' }));
    await user.click(within(section).getByRole('button', { name: /^Markera Uppföljning .* som klar$/ }));
    expect(await within(section).findByText('Uppföljning är markerad som klar.')).toBeTruthy();
    expect(bridge.callsTo('reminders:complete')).toEqual([{ id: 4 }]);
  });
});
