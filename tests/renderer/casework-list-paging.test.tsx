import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiResult, ChannelOutput, ListCasesInput } from '../../core/contract';
import { MAX_PAGES_KEPT } from '../../renderer/src/casework/case-pages';
import { caseRow, caseworkBridge } from './casework-fixtures';
import { CASEWORKER } from './fixtures';
import { button, renderApp } from './render-app';

// Issue 7: the case list asks for one page at a time, each chosen when the one before answers
// from what is in view then, counts once, and asks for a page next to a loaded one by its cursor.

const TOTAL = 50_000;
const ROW_HEIGHT = 44;

interface Pending {
  q: ListCasesInput;
  answer: () => void;
}

/**
 * A list of TOTAL rows whose answers wait until the test releases them, like a busy worker. A
 * page asked for by cursor is found from the cursor, not the offset, so a wrong cursor shows
 * wrong rows.
 */
function heldList() {
  const bridge = caseworkBridge(CASEWORKER);
  const pending: Pending[] = [];
  let mostInFlight = 0;
  bridge.on(
    'cases:list',
    (q) =>
      new Promise<ApiResult<ChannelOutput<'cases:list'>>>((resolve) => {
        const cursor = q.cursor ?? null;
        const limit = q.limit;
        // Row i has the id i + 1.
        const start = cursor === null ? q.offset : cursor.side === 'after' ? cursor.id : cursor.id - 1 - limit;
        const rows = [];
        for (let i = Math.max(start, 0); i < Math.min(start + limit, TOTAL); i += 1) rows.push(caseRow(i));
        const first = rows[0];
        const last = rows[rows.length - 1];
        const bounds = first && last ? { first: { key: first.updatedAt, id: first.id }, last: { key: last.updatedAt, id: last.id } } : undefined;
        const result = { rows, ...(bounds ? { bounds } : {}), ...(q.withTotal === false ? {} : { total: TOTAL }) };
        pending.push({ q, answer: () => resolve({ ok: true, result }) });
        mostInFlight = Math.max(mostInFlight, pending.length);
      }),
  );
  const calls = (): ListCasesInput[] => bridge.callsTo('cases:list') as ListCasesInput[];
  return {
    bridge,
    calls,
    pending,
    mostInFlight: () => mostInFlight,
    /** Releases the oldest answer and lets the list take it in. */
    async answer(): Promise<ListCasesInput> {
      const next = pending.shift();
      if (!next) throw new Error('no request is waiting');
      await act(async () => {
        next.answer();
        await Promise.resolve();
      });
      return next.q;
    },
    /** The request now waiting (there is at most one per list). */
    async waiting(): Promise<ListCasesInput> {
      await waitFor(() => expect(pending.length).toBeGreaterThan(0));
      return (pending[0] as Pending).q;
    },
  };
}

async function openHeldList(list: ReturnType<typeof heldList>) {
  const app = renderApp();
  await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
  await app.user.click(button('Ärenden'));
  expect(await list.waiting()).toMatchObject({ offset: 0, limit: 200, withTotal: true, cursor: null });
  await list.answer();
  await screen.findByText('RVT-2026-00001');
  const grid = screen.getByRole('grid', { name: 'Ärendelista' });
  Object.defineProperty(grid, 'scrollTop', { value: 0, writable: true, configurable: true });
  return { ...app, grid };
}

function scrollTo(grid: HTMLElement, row: number): void {
  act(() => {
    grid.scrollTop = row * ROW_HEIGHT;
    fireEvent.scroll(grid);
  });
}

describe('case list paging', () => {
  it('asks only for the pages in view when the answer before comes, one at a time, and counts once', async () => {
    const list = heldList();
    const { grid } = await openHeldList(list);

    scrollTo(grid, 10_000);
    expect(await list.waiting()).toMatchObject({ offset: 9_800, withTotal: false, cursor: null });
    // Scrolling on past many pages while the worker is busy asks for none of them.
    for (const row of [15_000, 20_000, 30_000, 40_000]) scrollTo(grid, row);
    expect(list.calls()).toHaveLength(2);

    await list.answer();
    // What is in view now: the page holding the top of the view first, by offset (nothing near it is loaded) …
    expect(await list.waiting()).toMatchObject({ offset: 39_800, withTotal: false, cursor: null });
    await list.answer();
    // … then the page after it, by the last row of the page just loaded.
    expect(await list.waiting()).toMatchObject({ offset: 40_000, withTotal: false, cursor: { side: 'after', id: 40_000, key: caseRow(39_999).updatedAt } });
    await list.answer();
    expect(await screen.findByText('RVT-2026-40001')).toBeTruthy();
    expect(screen.getByText('RVT-2026-39993')).toBeTruthy();
    expect(list.pending).toHaveLength(0);

    expect(list.calls().map((c) => c.offset)).toEqual([0, 9_800, 39_800, 40_000]);
    expect(list.calls().filter((c) => c.withTotal)).toHaveLength(1);
    expect(list.mostInFlight()).toBe(1);
    // The total of the first answer stays, though no answer after it has one.
    expect(grid.getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    expect(screen.getByRole('status', { name: '' }).textContent).toMatch(/^50.000 ärenden$/);

    // Scrolling back up a little: the page before, by the first row of the loaded page after it.
    scrollTo(grid, 39_750);
    expect(await list.waiting()).toMatchObject({ offset: 39_600, withTotal: false, cursor: { side: 'before', id: 39_801 } });
    await list.answer();
    expect(await screen.findByText('RVT-2026-39751')).toBeTruthy();
    expect(within(grid).queryAllByText('Hämtar …')).toEqual([]);
  });

  it('keeps the pages near the view only, and asks again, by cursor, for a dropped page the view comes back to', async () => {
    const list = heldList();
    const { grid } = await openHeldList(list);
    const lastPage = MAX_PAGES_KEPT + 10;
    for (let page = 1; page <= lastPage; page++) {
      scrollTo(grid, page * 200 + 50);
      expect(await list.waiting()).toMatchObject({ offset: page * 200, cursor: { side: 'after', id: page * 200 } });
      await list.answer();
    }
    expect(await screen.findByText(`RVT-2026-${String(lastPage * 200 + 51).padStart(5, '0')}`)).toBeTruthy();
    // Near the view: still there, nothing asked.
    scrollTo(grid, (lastPage - 5) * 200 + 50);
    expect(await screen.findByText(`RVT-2026-${String((lastPage - 5) * 200 + 51).padStart(5, '0')}`)).toBeTruthy();
    expect(list.pending).toHaveLength(0);
    // The top was dropped: asked for again, by the bound the list kept of the page after it.
    scrollTo(grid, 50);
    expect(await list.waiting()).toMatchObject({ offset: 0, withTotal: false, cursor: { side: 'before', id: 201 } });
    await list.answer();
    expect(await screen.findByText('RVT-2026-00051')).toBeTruthy();
    expect(list.calls()).toHaveLength(lastPage + 2);
  });

  it('a list left for a new query asks for nothing more when its late answer comes', async () => {
    const list = heldList();
    const { grid, user } = await openHeldList(list);
    scrollTo(grid, 10_000);
    expect(await list.waiting()).toMatchObject({ sort: 'updated', offset: 9_800 });
    scrollTo(grid, 30_000);

    await user.click(within(screen.getByRole('columnheader', { name: /Namn/ })).getByRole('button'));
    await waitFor(() => expect(list.pending).toHaveLength(2));
    expect(list.pending[1]?.q).toMatchObject({ sort: 'name', offset: 0, withTotal: true });

    // The old query's answer lands in a cache no one reads; it asks for no page of the old query.
    await list.answer();
    await list.answer();
    await screen.findByText('RVT-2026-00001');
    expect(
      list
        .calls()
        .filter((c) => c.sort === 'updated')
        .map((c) => c.offset),
    ).toEqual([0, 9_800]);
    expect(list.pending).toHaveLength(0);
  });

  it('after an error asks for nothing until the user retries, then for what is in view', async () => {
    const list = heldList();
    const { grid, user } = await openHeldList(list);
    list.bridge.fail('cases:list', { code: 'internal', message: 'boom' });
    scrollTo(grid, 10_000);
    expect((await screen.findByRole('alert')).textContent).toBe('Något gick fel i Fristad. Försök igen.');
    scrollTo(grid, 20_000);
    expect(list.calls().map((c) => c.offset)).toEqual([0, 9_800]);

    list.bridge.on('cases:list', (q) => ({
      ok: true,
      result: { rows: Array.from({ length: q.limit }, (_, i) => caseRow(q.offset + i)), ...(q.withTotal ? { total: TOTAL } : {}) },
    }));
    await user.click(button('Försök igen'));
    expect(await screen.findByText('RVT-2026-20001')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(list.calls().map((c) => c.offset)).toEqual([0, 9_800, 19_800, 20_000]);
    expect(list.calls().at(-1)).toMatchObject({ withTotal: false, cursor: null });
  });
});

describe('case list scrolling', () => {
  it('reuses the row elements as the window moves, and keeps the active row apart', async () => {
    const list = heldList();
    const { grid } = await openHeldList(list);
    scrollTo(grid, 50);
    const rowsBefore = within(grid)
      .getAllByRole('row')
      .filter((r) => r.getAttribute('aria-rowindex') !== '1');
    scrollTo(grid, 100);
    const rowsAfter = within(grid)
      .getAllByRole('row')
      .filter((r) => r.getAttribute('aria-rowindex') !== '1');
    // Every row of the window is another row now, in an element it had before; the active row
    // (the first), now outside the window, is kept in its own element.
    const active = rowsAfter.find((r) => r.getAttribute('aria-rowindex') === '2');
    if (!active) throw new Error('the active row is not rendered');
    expect(active.textContent).toContain('RVT-2026-00001');
    const windowRows = rowsAfter.filter((r) => r !== active);
    expect(windowRows.length).toBeGreaterThan(10);
    expect(windowRows.every((r) => rowsBefore.includes(r))).toBe(true);
    expect(windowRows.map((r) => Number(r.getAttribute('aria-rowindex')))).toEqual(Array.from({ length: windowRows.length }, (_, i) => 100 - 8 + i + 2));
    expect(windowRows[0]?.textContent).toContain('RVT-2026-00093');
  });

  it('never pulls the list back to a position it reported after it has scrolled on, but still moves it for the keyboard', async () => {
    const list = heldList();
    const { grid, user } = await openHeldList(list);
    // The element reports a position and scrolls on before the list has rendered that report.
    act(() => {
      grid.scrollTop = 1_000 * ROW_HEIGHT;
      grid.dispatchEvent(new Event('scroll'));
      grid.scrollTop = 3_000 * ROW_HEIGHT;
    });
    expect(grid.scrollTop).toBe(3_000 * ROW_HEIGHT);
    scrollTo(grid, 3_000);
    expect(grid.scrollTop).toBe(3_000 * ROW_HEIGHT);

    // A position the list chooses (the active row, moved by the keyboard) is still written.
    grid.focus();
    await user.keyboard('{End}');
    await waitFor(() => expect(grid.scrollTop).toBeGreaterThan((TOTAL - 20) * ROW_HEIGHT));
    await user.keyboard('{Home}');
    await waitFor(() => expect(grid.scrollTop).toBe(0));
  });
});
