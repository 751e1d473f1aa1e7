import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseDetail, JournalNote } from '../../core/contract';
import { localIsoDate } from '../../core/rules/calendar';
import { openCase, useCaseworkStore } from '../../renderer/src/casework/casework-store';
import { useNavigationStore } from '../../renderer/src/shell/navigation-store';
import { caseDetail, caseRow, caseworkBridge, note } from './casework-fixtures';
import { ADMIN, CASEWORKER, TEAM_LEAD, lockedStatus } from './fixtures';
import { button, input, renderApp } from './render-app';

/** Opens case 3 straight from the casework store, as the To-do view does. */
async function openCaseView(detail: CaseDetail = caseDetail(), setup?: (bridge: ReturnType<typeof caseworkBridge>) => void) {
  const bridge = caseworkBridge(CASEWORKER)
    .ok('cases:list', { total: 1, rows: [caseRow(2)] })
    .ok('cases:get', detail);
  setup?.(bridge);
  const app = renderApp();
  await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
  openCase(detail.id);
  await app.user.click(button('Ärenden'));
  await screen.findByRole('heading', { level: 1, name: `${detail.caseNumber} – ${detail.survivor.name}` });
  return { bridge, ...app };
}

/** A journal that behaves like the API: drafts, signing, corrections that point back. */
function statefulJournal(bridge: ReturnType<typeof caseworkBridge>, initial: JournalNote[] = []) {
  let notes = [...initial];
  let nextId = 100;
  bridge.on('journal:list', () => ({ ok: true, result: [...notes].sort((a, b) => b.id - a.id) }));
  bridge.on('journal:create', (input) => {
    nextId += 1;
    const created = note({ id: nextId, noteDate: input.noteDate, body: input.body, correctsNoteId: input.correctsNoteId });
    notes = notes.map((n) => (n.id === input.correctsNoteId ? { ...n, correctedByNoteIds: [...n.correctedByNoteIds, nextId] } : n));
    notes.push(created);
    return { ok: true, result: created };
  });
  bridge.on('journal:update-draft', (input) => {
    notes = notes.map((n) => (n.id === input.id ? { ...n, noteDate: input.noteDate, body: input.body } : n));
    return { ok: true, result: notes.find((n) => n.id === input.id) as JournalNote };
  });
  bridge.on('journal:sign', (input) => {
    notes = notes.map((n) => (n.id === input.id ? { ...n, status: 'signed', signedAt: '2026-03-03T12:00:00.000Z' } : n));
    return { ok: true, result: notes.find((n) => n.id === input.id) as JournalNote };
  });
}

function noteArticle(text: string | RegExp): HTMLElement {
  const body = screen.getByText(text, { selector: '.note-body' });
  const article = body.closest('article');
  if (!article) throw new Error('no article');
  return article;
}

describe('case view', () => {
  it('shows the header with the protection badge and in-page links that move focus to a section', async () => {
    const { user } = await openCaseView(caseDetail({ protectionLevel: 'fingerade_personuppgifter', honourContext: true }));
    const header = document.querySelector('.case-header');
    if (!(header instanceof HTMLElement)) throw new Error('no case header');
    expect(within(header).getAllByText('Fingerade personuppgifter').length).toBeGreaterThan(0);
    expect(screen.getByText(/Fingerade personuppgifter: lämna aldrig ut adress/)).toBeTruthy();
    expect(screen.getByText('Heder')).toBeTruthy();

    const nav = screen.getByRole('navigation', { name: 'Delar av ärendet' });
    const links = within(nav)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(links.slice(0, 3)).toEqual(['Översikt', 'Hotbild och riskbedömning', 'Personer']);
    expect(links.slice(-3)).toEqual(['Journal', 'Påminnelser', 'Delas med']);
    await user.click(within(nav).getByRole('button', { name: 'Journal' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Journal' }));
    // A placement section (another feature's) gets focus on its own heading too.
    if (links.includes('Flyttar')) {
      await user.click(within(nav).getByRole('button', { name: 'Flyttar' }));
      expect(document.activeElement?.closest('[data-slot="moves"]')).not.toBeNull();
    }
    expect(document.querySelectorAll('a[href]')).toHaveLength(0);
  });

  it('opens the case with all its sections in one request, and a section asks again only after a change', async () => {
    const { bridge, user } = await openCaseView(caseDetail(), (b) => statefulJournal(b, [note({ id: 7, body: 'Första samtalet (fiktivt).' })]));
    await waitFor(() => expect(noteArticle(/Första samtalet/)).toBeTruthy());
    expect(bridge.callsTo('cases:open')).toEqual([{ id: 3 }]);
    for (const channel of [
      'cases:get',
      'risk:list',
      'moves:list',
      'kompotten:requests',
      'housing:list',
      'support:list',
      'journal:list',
      'reminders:list',
      'cases:shares',
    ] as const) {
      expect({ channel, calls: bridge.callsTo(channel) }).toEqual({ channel, calls: [] });
    }
    await user.click(button('Ny anteckning'));
    await user.type(screen.getByLabelText('Anteckning'), 'Nytt samtal (fiktivt).');
    await user.click(button('Spara utkast'));
    await waitFor(() => expect(noteArticle(/Nytt samtal/)).toBeTruthy());
    expect(bridge.callsTo('journal:list')).toEqual([{ caseId: 3 }]);
    expect(bridge.callsTo('cases:open')).toHaveLength(1);
  });

  it('writes a draft, edits it, signs it after a warning, and corrects the signed note', async () => {
    const { bridge, user } = await openCaseView();
    statefulJournal(bridge);
    await user.click(within(screen.getByRole('navigation', { name: 'Delar av ärendet' })).getByRole('button', { name: 'Journal' }));
    await screen.findByText('Journalen har inga anteckningar än.');

    await user.click(button('Ny anteckning'));
    expect(input('Datum').value).toBe(localIsoDate(new Date()));
    await user.clear(input('Datum'));
    await user.type(input('Datum'), '2026-03-02');
    await user.type(screen.getByLabelText('Anteckning'), 'Samtal med kvinnan.{Enter}Hon vill flytta.');
    await user.click(button('Spara utkast'));

    const draft = await waitFor(() => noteArticle(/Samtal med kvinnan/));
    expect(draft.querySelector('.note-body')?.textContent).toBe('Samtal med kvinnan.\nHon vill flytta.');
    expect(within(draft).getByText('Utkast')).toBeTruthy();
    expect(bridge.callsTo('journal:create')).toEqual([
      { caseId: 3, noteDate: '2026-03-02', body: 'Samtal med kvinnan.\nHon vill flytta.', correctsNoteId: null },
    ]);

    await user.click(within(draft).getByRole('button', { name: 'Ändra utkastet' }));
    await user.type(screen.getByLabelText('Anteckning'), ' Rättat.');
    await user.click(button('Spara utkast'));
    await waitFor(() => expect(noteArticle(/Rättat\./)).toBeTruthy());
    expect(bridge.callsTo('journal:update-draft')).toEqual([{ id: 101, noteDate: '2026-03-02', body: 'Samtal med kvinnan.\nHon vill flytta. Rättat.' }]);

    await user.click(within(noteArticle(/Rättat\./)).getByRole('button', { name: 'Signera' }));
    expect(screen.getByText('En signerad anteckning kan inte ändras. Signera anteckningen?')).toBeTruthy();
    expect(document.activeElement).toBe(button('Ja, signera'));
    await user.click(button('Ja, signera'));
    await screen.findByText('Anteckningen är signerad.');
    const signed = noteArticle(/Rättat\./);
    await waitFor(() => expect(within(signed).getByText('Signerad')).toBeTruthy());
    // A signed note has no edit controls, only the correction.
    expect(within(signed).queryByRole('button', { name: 'Ändra utkastet' })).toBeNull();
    expect(within(signed).queryByRole('button', { name: 'Signera' })).toBeNull();
    expect(
      within(signed)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Skriv en rättelse']);

    await user.click(within(signed).getByRole('button', { name: 'Skriv en rättelse' }));
    expect(screen.getByRole('form', { name: /Rättelse av anteckningen från/ })).toBeTruthy();
    await user.type(screen.getByLabelText('Anteckning'), 'Hon vill flytta till en annan kommun.');
    await user.click(button('Spara utkast'));

    const correction = await waitFor(() => noteArticle('Hon vill flytta till en annan kommun.'));
    expect(bridge.callsTo('journal:create').at(-1)).toMatchObject({ correctsNoteId: 101, body: 'Hon vill flytta till en annan kommun.' });
    expect(within(correction).getByText(/^Rättar anteckningen från .* av Cecilia Exempelsson\./)).toBeTruthy();
    await waitFor(() => expect(within(noteArticle(/Rättat\./)).getByText(/^Rättad av anteckningen från/)).toBeTruthy());
    await user.click(within(correction).getByRole('button', { name: 'Gå till anteckningen' }));
    expect(document.activeElement).toBe(noteArticle(/Rättat\./));
  });

  it('keeps a rejected draft as typed and shows why', async () => {
    const { bridge, user } = await openCaseView();
    bridge.fail('journal:create', { code: 'not_allowed', message: 'closed' });
    await user.click(await screen.findByRole('button', { name: 'Ny anteckning' }));
    await user.clear(input('Datum'));
    await user.type(input('Datum'), '2026-13-40');
    await user.click(button('Spara utkast'));
    expect(screen.getByText('Ange datumet som ÅÅÅÅ-MM-DD.')).toBeTruthy();
    expect(screen.getByText('Fyll i det här fältet.')).toBeTruthy();
    expect(bridge.callsTo('journal:create')).toHaveLength(0);

    await user.clear(input('Datum'));
    await user.type(input('Datum'), '2026-03-02');
    await user.type(screen.getByLabelText('Anteckning'), 'Viktig text');
    await user.click(button('Spara utkast'));
    expect(await screen.findByText('Ändringen är inte tillåten i det här läget.')).toBeTruthy();
    expect((screen.getByLabelText('Anteckning') as HTMLTextAreaElement).value).toBe('Viktig text');
  });

  it('shows other people’s drafts without controls, and corrections of signed notes of others', async () => {
    await openCaseView(caseDetail(), (bridge) =>
      statefulJournal(bridge, [
        note({ id: 1, body: 'Kollegans utkast', authorId: TEAM_LEAD.id, authorName: TEAM_LEAD.displayName }),
        note({
          id: 2,
          body: 'Signerad av kollega',
          authorId: TEAM_LEAD.id,
          authorName: TEAM_LEAD.displayName,
          status: 'signed',
          signedAt: '2026-03-02T10:00:00.000Z',
        }),
      ]),
    );
    const draft = await waitFor(() => noteArticle('Kollegans utkast'));
    expect(within(draft).queryAllByRole('button')).toHaveLength(0);
    expect(within(draft).getByText(/bara den som skrev det kan ändra/)).toBeTruthy();
    expect(within(noteArticle('Signerad av kollega')).getByRole('button', { name: 'Skriv en rättelse' })).toBeTruthy();
  });

  it('knows a draft’s author by id, not by name', async () => {
    await openCaseView(caseDetail(), (bridge) =>
      statefulJournal(bridge, [
        // A colleague who happens to share the user's name.
        note({ id: 1, body: 'Namnes utkast', authorId: 99, authorName: CASEWORKER.displayName }),
        // The user's own draft, whatever name it was written under.
        note({ id: 2, body: 'Mitt utkast', authorId: CASEWORKER.id, authorName: 'Cecilia E.' }),
      ]),
    );
    const namesake = await waitFor(() => noteArticle('Namnes utkast'));
    expect(within(namesake).queryAllByRole('button')).toHaveLength(0);
    expect(within(namesake).getByText(/bara den som skrev det kan ändra/)).toBeTruthy();
    const mine = noteArticle('Mitt utkast');
    expect(
      within(mine)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Ändra utkastet', 'Signera']);
  });

  it('adds a child through people:add-child and removes it after confirmation', async () => {
    const { bridge, user } = await openCaseView();
    const withChild = caseDetail({ children: [{ id: 9, caseId: 3, name: 'Barn Ett', birthYear: 2016, school: 'Skola A', needs: '', placement: '' }] });
    bridge.ok('people:add-child', withChild).ok('people:remove-child', caseDetail());
    await user.click(button('Lägg till barn'));
    expect(document.activeElement).toBe(input('Barnets namn'));
    await user.type(input('Barnets namn'), 'Barn Ett');
    await user.type(input('Födelseår'), '2016');
    await user.type(input('Förskola eller skola'), 'Skola A');
    await user.click(
      within(screen.getByRole('region', { name: 'Personer' }))
        .getAllByRole('button', { name: 'Lägg till barn' })
        .at(-1) as HTMLElement,
    );
    expect(await screen.findByText('Barnet har lagts till.')).toBeTruthy();
    expect(bridge.callsTo('people:add-child')).toEqual([{ caseId: 3, name: 'Barn Ett', birthYear: 2016, school: 'Skola A', needs: '', placement: '' }]);
    expect(screen.getByRole('heading', { level: 3, name: 'Barn (1)' })).toBeTruthy();

    await user.click(button('Ta bort Barn Ett'));
    expect(document.activeElement).toBe(button('Ja, ta bort'));
    await user.keyboard('{Escape}');
    // Escape cancels the question, and does not leave the case.
    expect(screen.getByRole('heading', { level: 1, name: 'RVT-2026-00003 – Testperson 3' })).toBeTruthy();
    expect(bridge.callsTo('people:remove-child')).toHaveLength(0);
    await user.click(button('Ta bort Barn Ett'));
    await user.click(button('Ja, ta bort'));
    expect(await screen.findByText('Barn Ett är borttaget från ärendet.')).toBeTruthy();
    expect(bridge.callsTo('people:remove-child')).toEqual([{ id: 9 }]);
  });

  it('closes the case with a reason, then offers only reopening', async () => {
    const { bridge, user } = await openCaseView();
    const closed = caseDetail({ status: 'closed', closedReason: 'Flyttat till egen bostad', closedAt: '2026-03-05T10:00:00.000Z' });
    bridge.ok('cases:close', closed).ok('cases:reopen', caseDetail());
    await user.click(button('Avsluta ärendet'));
    await user.click(
      within(screen.getByRole('region', { name: 'Översikt' }))
        .getAllByRole('button', { name: 'Avsluta ärendet' })
        .at(-1) as HTMLElement,
    );
    expect(screen.getByText('Fyll i det här fältet.')).toBeTruthy();
    expect(bridge.callsTo('cases:close')).toHaveLength(0);
    await user.type(screen.getByLabelText('Varför avslutas ärendet?'), 'Flyttat till egen bostad');
    await user.click(
      within(screen.getByRole('region', { name: 'Översikt' }))
        .getAllByRole('button', { name: 'Avsluta ärendet' })
        .at(-1) as HTMLElement,
    );
    expect(await screen.findByText('Ärendet är avslutat.')).toBeTruthy();
    expect(bridge.callsTo('cases:close')).toEqual([{ id: 3, reason: 'Flyttat till egen bostad' }]);
    expect(screen.getByText('Motivering: Flyttat till egen bostad')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ändra uppgifter' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lägg till barn' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ny anteckning' })).toBeNull();

    await user.click(button('Återöppna ärendet'));
    await user.click(within(screen.getByRole('group', { name: /Återöppna ärendet\?/ })).getByRole('button', { name: 'Återöppna ärendet' }));
    expect(await screen.findByText('Ärendet är återöppnat.')).toBeTruthy();
    expect(bridge.callsTo('cases:reopen')).toEqual([{ id: 3 }]);
  });

  it('offers every colleague in the edit form, and keeps a current assignee who is no longer listed', async () => {
    const { bridge, user } = await openCaseView(caseDetail({ assignedUser: { id: 44, displayName: 'Doris Påhittad' } }));
    bridge.on('cases:update', (input) => ({
      ok: true,
      result: caseDetail({ id: input.id, assignedUser: { id: TEAM_LEAD.id, displayName: TEAM_LEAD.displayName } }),
    }));
    await user.click(button('Ändra uppgifter'));
    const select = screen.getByLabelText('Handläggare');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Ingen tilldelad', 'Jag (Cecilia Exempelsson)', ADMIN.displayName, TEAM_LEAD.displayName, 'Doris Påhittad']);
    expect(bridge.callsTo('users:list')).toHaveLength(0);
    await user.selectOptions(select, String(TEAM_LEAD.id));
    await user.click(button('Spara'));
    expect(await screen.findByText('Ändringarna är sparade.')).toBeTruthy();
    expect(bridge.callsTo('cases:update')).toEqual([expect.objectContaining({ id: 3, assignedUserId: TEAM_LEAD.id })]);
  });

  it('shows the API’s explanation when no field can show what is wrong', async () => {
    const { bridge, user } = await openCaseView();
    bridge.fail('cases:update', {
      code: 'invalid_input',
      message: 'The assigned caseworker is not an active user. Choose another.',
      reason: 'assignee_not_case_user',
    });
    await user.click(button('Ändra uppgifter'));
    await user.click(button('Spara'));
    const alert = await screen.findByText('Den ansvariga är inte en aktiv handläggare eller gruppledare. Välj någon annan.');
    expect(screen.queryByText(/assigned caseworker/)).toBeNull();
    expect(alert.closest('[role="alert"]')?.textContent).toContain('Några uppgifter behöver rättas.');

    // An issue at a field is shown there, and the API's general message is not repeated.
    bridge.fail('cases:update', {
      code: 'invalid_input',
      message: 'Some of the information is missing or not valid. Check the marked fields.',
      issues: [{ path: ['survivor', 'name'], message: 'required' }],
    });
    await user.click(button('Spara'));
    expect(await screen.findByText('Fyll i det här fältet.')).toBeTruthy();
    expect(screen.getByText('Några uppgifter behöver rättas.')).toBeTruthy();
    expect(screen.queryByText(/Check the marked fields/)).toBeNull();
  });

  it('explains a refused close, and an issue the form has no field for', async () => {
    const { bridge, user } = await openCaseView();
    bridge.fail('cases:close', { code: 'not_allowed', message: 'The case is already closed. Reload it.', reason: 'case_already_closed' });
    await user.click(button('Avsluta ärendet'));
    await user.type(screen.getByLabelText('Varför avslutas ärendet?'), 'Flyttat');
    const submit = (): HTMLElement =>
      within(screen.getByRole('region', { name: 'Översikt' }))
        .getAllByRole('button', { name: 'Avsluta ärendet' })
        .at(-1) as HTMLElement;
    await user.click(submit());
    expect(await screen.findByText('Ändringen är inte tillåten i det här läget.')).toBeTruthy();
    expect(screen.getByText('Ärendet är redan avslutat.')).toBeTruthy();
    expect(screen.queryByText(/already closed/)).toBeNull();

    // A refusal without a reason shows its code's text alone: never the API's English prose.
    bridge.fail('cases:close', { code: 'invalid_input', message: 'Some of the information is missing or not valid.', issues: [] });
    await user.click(submit());
    expect(await screen.findByText('Några uppgifter behöver rättas.')).toBeTruthy();
    expect(screen.queryByText(/missing or not valid/)).toBeNull();
  });

  it('forgets the open case and the list search when Fristad locks', async () => {
    const { bridge, user } = await openCaseView();
    bridge.ok('session:lock', lockedStatus());
    useCaseworkStore.setState((state) => ({ filters: { ...state.filters, query: 'Testperson' } }));
    await user.keyboard('{Control>}l{/Control}');
    await screen.findByRole('heading', { name: 'Lås upp Fristad' });
    expect(document.body.textContent).not.toContain('Testperson 3');
    expect(useCaseworkStore.getState().selectedCaseId).toBeNull();
    expect(useCaseworkStore.getState().filters.query).toBe('');
    // The next unlock starts at the Start view.
    expect(useNavigationStore.getState().view).toBe('start');
  });
});
