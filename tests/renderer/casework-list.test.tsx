import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CASE_SEARCH_CAP, type ListCasesInput } from '../../core/contract';
import { caseDetail, caseRow, caseworkBridge } from './casework-fixtures';
import { CASEWORKER } from './fixtures';
import { button, input, renderApp } from './render-app';

const TOTAL = 50_000;

/** A case list of TOTAL rows answered page by page, like the API. */
function bigList() {
  const bridge = caseworkBridge(CASEWORKER);
  bridge.on('cases:list', (q) => {
    const rows = [];
    for (let i = q.offset; i < Math.min(q.offset + q.limit, TOTAL); i += 1) rows.push(caseRow(i));
    return { ok: true, result: { total: TOTAL, rows } };
  });
  bridge.on('cases:get', (q) => ({
    ok: true,
    result: caseDetail({ id: q.id, caseNumber: caseRow(q.id - 1).caseNumber, survivor: { ...caseDetail().survivor, name: `Testperson ${q.id}` } }),
  }));
  return bridge;
}

async function openCases() {
  const app = renderApp();
  await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
  await app.user.click(button('Ärenden'));
  await screen.findByText('RVT-2026-00001');
  return { ...app, grid: screen.getByRole('grid', { name: 'Ärendelista' }) };
}

function listCalls(bridge: ReturnType<typeof bigList>): ListCasesInput[] {
  return bridge.callsTo('cases:list') as ListCasesInput[];
}

function bodyRows(grid: HTMLElement): HTMLElement[] {
  return within(grid)
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1');
}

describe('case list', () => {
  it('renders only a window of a 50 000-row list and fetches pages of 200', async () => {
    const bridge = bigList();
    const { grid } = await openCases();

    expect(grid.getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    const rows = bodyRows(grid);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(listCalls(bridge)).toEqual([
      {
        query: '',
        status: 'open',
        assignedUserId: null,
        districtSlug: null,
        protectedOnly: false,
        honourOnly: false,
        openRemindersOnly: false,
        riskLevel: null,
        overdueReviewOnly: false,
        sort: 'updated',
        direction: 'desc',
        offset: 0,
        limit: 200,
        withTotal: true,
        cursor: null,
      },
    ]);
    expect(screen.getByText('50 000 ärenden')).toBeTruthy();
    // Row 1 (index 0) is protected: the badge is translated.
    expect(within(rows[0] as HTMLElement).getByText('Skyddad folkbokföring')).toBeTruthy();
  });

  it('fetches the page that scrolling brings into view, and no other', async () => {
    const bridge = bigList();
    const { grid } = await openCases();
    Object.defineProperty(grid, 'scrollTop', { value: 0, writable: true, configurable: true });
    grid.scrollTop = 25_000 * 44;
    fireEvent.scroll(grid);

    expect(await screen.findByText('RVT-2026-25001')).toBeTruthy();
    expect(listCalls(bridge).map((c) => c.offset)).toEqual([0, 24_800, 25_000]);
    // Rows scrolled out of view are gone; only the active row stays, for aria-activedescendant.
    expect(screen.queryByText('RVT-2026-00002')).toBeNull();
    expect(screen.getByText('RVT-2026-00001')).toBeTruthy();
    expect(bodyRows(grid).length).toBeLessThan(60);
  });

  it('moves the active row with the keyboard, fetches the last page on End, and opens a case with Enter', async () => {
    const bridge = bigList();
    const { user, grid } = await openCases();
    grid.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const activeId = grid.getAttribute('aria-activedescendant') ?? '';
    const active = document.getElementById(activeId);
    expect(active?.getAttribute('aria-rowindex')).toBe('4');
    expect(active?.getAttribute('aria-selected')).toBe('true');
    expect(active?.textContent).toContain('RVT-2026-00003');

    await user.keyboard('{End}');
    expect(await screen.findByText('RVT-2026-50000')).toBeTruthy();
    expect(listCalls(bridge).map((c) => c.offset)).toContain(49_800);
    expect(document.getElementById(grid.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-rowindex')).toBe(String(TOTAL + 1));
    expect(bodyRows(grid).length).toBeLessThan(60);

    await user.keyboard('{Home}{ArrowDown}{ArrowDown}{PageDown}{PageUp}{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'RVT-2026-00003 – Testperson 3' })).toBeTruthy();
    expect(bridge.callsTo('cases:open')).toEqual([{ id: 3 }]);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));

    // Escape goes back to the list, with the same row active and focus on the list.
    await user.keyboard('{Escape}');
    const back = await screen.findByRole('grid', { name: 'Ärendelista' });
    await waitFor(() => expect(document.activeElement).toBe(back));
    expect(document.getElementById(back.getAttribute('aria-activedescendant') ?? '')?.textContent).toContain('RVT-2026-00003');
  });

  it('searches as the user types, once the typing pauses', async () => {
    const bridge = bigList();
    await openCases();
    const box = input('Sök ärende');
    act(() => {
      fireEvent.change(box, { target: { value: 'A' } });
      fireEvent.change(box, { target: { value: 'An' } });
      fireEvent.change(box, { target: { value: 'Ann' } });
    });
    expect(listCalls(bridge).filter((c) => c.query !== '')).toEqual([]);
    await waitFor(() =>
      expect(
        listCalls(bridge)
          .filter((c) => c.query !== '')
          .map((c) => c.query),
      ).toEqual(['Ann']),
    );
    expect(listCalls(bridge).at(-1)).toMatchObject({ query: 'Ann', offset: 0 });
  });

  it('says when a search matched more cases than it counts, and lists only those', async () => {
    const bridge = caseworkBridge(CASEWORKER);
    // Like the API: a search counts up to the cap and says so; the list without one counts all.
    bridge.on('cases:list', (q) => {
      const total = q.query === '' ? TOTAL : CASE_SEARCH_CAP;
      const rows = [];
      for (let i = q.offset; i < Math.min(q.offset + q.limit, total); i += 1) rows.push(caseRow(i));
      return { ok: true, result: { total, rows, ...(q.query === '' ? {} : { capped: true }) } };
    });
    const { grid } = await openCases();
    expect(screen.getByRole('status', { name: '' }).textContent).toMatch(/^50.000 ärenden$/);
    act(() => {
      fireEvent.change(input('Sök ärende'), { target: { value: 'a' } });
    });
    await waitFor(() => expect(grid.getAttribute('aria-rowcount')).toBe(String(CASE_SEARCH_CAP + 1)));
    expect(
      screen.getByText(`Fler än ${CASE_SEARCH_CAP} ärenden matchar. Listan visar de ${CASE_SEARCH_CAP} första – skriv mer för att begränsa sökningen.`),
    ).toBeTruthy();
    expect(
      listCalls(bridge)
        .filter((c) => c.query === 'a')
        .map((c) => c.offset),
    ).toEqual([0]);
  });

  it('sorts by a column header and says so with aria-sort; filters ask the API', async () => {
    const bridge = bigList();
    const { user } = await openCases();
    const nameHeader = screen.getByRole('columnheader', { name: /Namn/ });
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');
    expect(screen.getByRole('columnheader', { name: /Ändrat/ }).getAttribute('aria-sort')).toBe('descending');

    await user.click(within(nameHeader).getByRole('button'));
    await waitFor(() => expect(listCalls(bridge).at(-1)).toMatchObject({ sort: 'name', direction: 'asc', offset: 0 }));
    expect(screen.getByRole('columnheader', { name: /Namn/ }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(within(screen.getByRole('columnheader', { name: /Namn/ })).getByRole('button'));
    expect(screen.getByRole('columnheader', { name: /Namn/ }).getAttribute('aria-sort')).toBe('descending');

    await user.click(screen.getByLabelText('Bara skyddade personuppgifter'));
    await user.selectOptions(screen.getByLabelText('Handläggare'), 'me');
    await user.selectOptions(screen.getByLabelText('Ansvarigt stadsdelsområde'), 'skarholmen');
    await waitFor(() =>
      expect(listCalls(bridge).at(-1)).toMatchObject({
        protectedOnly: true,
        assignedUserId: CASEWORKER.id,
        districtSlug: 'skarholmen',
        sort: 'name',
        direction: 'desc',
      }),
    );
  });

  it('says so when nothing matches, and shows an error it can retry', async () => {
    const bridge = caseworkBridge(CASEWORKER).fail('cases:list', { code: 'internal', message: 'boom' });
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
    await user.click(button('Ärenden'));
    expect((await screen.findByRole('alert')).textContent).toBe('Något gick fel i Fristad. Försök igen.');

    bridge.ok('cases:list', { total: 0, rows: [] });
    await user.click(button('Försök igen'));
    expect(await screen.findByText('Inga ärenden visas. Ändra filtren eller skapa ett nytt ärende.')).toBeTruthy();
  });

  it('speaks English after the language switch', async () => {
    bigList();
    const { user } = await openCases();
    await user.selectOptions(screen.getByLabelText('Språk (Language)'), 'en');
    expect(screen.getByRole('heading', { level: 1, name: 'Cases' })).toBeTruthy();
    expect(screen.getByRole('grid', { name: 'Case list' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /Case number/ })).toBeTruthy();
    expect(screen.getAllByText('Protected registration').length).toBeGreaterThan(0);
    expect(screen.getByText('50,000 cases')).toBeTruthy();
    expect(button('New case')).toBeTruthy();
  });
});
