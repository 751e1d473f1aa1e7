import { useMemo, useSyncExternalStore } from 'react';
import type { ApiError, CaseListRow, ChannelOutput, ListCasesInput, ProtectedNotNamed } from '../../../core/contract';
import { call, toApiError } from '../api/client';

/** Rows fetched per request: large enough that scrolling rarely waits, small enough to answer fast. */
export const PAGE_SIZE = 200;

export type CaseListParams = Omit<ListCasesInput, 'offset' | 'limit' | 'withTotal' | 'cursor'>;

type CaseListOutput = ChannelOutput<'cases:list'>;

export interface PagesSnapshot {
  /** Null until the first page answers. */
  total: number | null;
  /** A search matched more than CASE_SEARCH_CAP cases: `total` is the cap, the list stops there. */
  capped: boolean;
  pages: ReadonlyMap<number, readonly CaseListRow[]>;
  error: ApiError | null;
  /** Team leads: protected cases they are not named on, by number only (cannot be opened). */
  protectedNotNamed: readonly ProtectedNotNamed[];
  /** How many protected cases the team lead is not named on, of which protectedNotNamed names the first. */
  protectedNotNamedTotal: number;
}

/** Where a loaded page starts and ends in the list's order, when the order takes a cursor. */
type PageBounds = NonNullable<CaseListOutput['bounds']>;

/**
 * Page requests of one list on their way at once. The database worker answers one request at a
 * time, so more would only queue pages that the view may have left by the time their turn comes.
 */
const MAX_IN_FLIGHT = 1;

/**
 * Pages kept; past this the ones farthest from the view are dropped (and asked for again if the
 * view comes back). Scrolling through 120 000 rows kept them all, and the collector's pauses grew
 * with them into the frames.
 */
export const MAX_PAGES_KEPT = 50;

/**
 * The pages of one query of the case list, fetched on demand and kept. A new query (search,
 * filter, sort) gets a new cache, so answers to an old query can never land in the new list
 * (an abandoned cache may still receive its answers; no one listens to it any more, and it asks
 * for nothing after them).
 *
 * Requests go one at a time, each chosen when the one before answers from the rows the view
 * wants then (the latest `ensure`), so a fast scroll asks only for the pages it stops on. The
 * total is counted once, with the first answer; a page next to a loaded one is asked for by
 * that page's bound (a cursor) where the order takes one, so the worker need not walk past every
 * row before it.
 */
export class CasePageCache {
  private snapshot: PagesSnapshot = { total: null, capped: false, pages: new Map(), error: null, protectedNotNamed: [], protectedNotNamedTotal: 0 };
  private readonly inFlight = new Set<number>();
  private readonly bounds = new Map<number, PageBounds>();
  private readonly listeners = new Set<() => void>();
  /** The rows the view wants now: the range of the latest `ensure`. */
  private wanted: { first: number; last: number } | null = null;

  constructor(private readonly params: CaseListParams) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): PagesSnapshot => this.snapshot;

  /** The view wants the rows [first, last]: the pages holding them are asked for, one at a time. */
  ensure(first: number, last: number): void {
    this.wanted = { first, last };
    this.pump();
  }

  /** After an error: forget it and ask again for what is needed. */
  retry(first: number, last: number): void {
    this.update({ error: null });
    this.ensure(first, last);
  }

  private pump(): void {
    while (this.snapshot.error === null && this.inFlight.size < MAX_IN_FLIGHT) {
      const page = this.nextPage();
      if (page === null) return;
      this.fetch(page);
    }
  }

  /**
   * The page the view needs next: of the wanted range's pages neither loaded nor on their way, one
   * next to a loaded page (found by cursor) before others, then the topmost. Until the first answer
   * says how long the list is, only the page at the top of the view.
   */
  private nextPage(): number | null {
    if (this.wanted === null) return null;
    const { first, last } = this.wanted;
    const total = this.snapshot.total;
    const lastRow = total === null ? first : Math.min(last, total - 1);
    let fallback: number | null = null;
    for (let page = Math.floor(Math.max(first, 0) / PAGE_SIZE); page <= Math.floor(lastRow / PAGE_SIZE); page += 1) {
      if (this.snapshot.pages.has(page) || this.inFlight.has(page)) continue;
      if (this.cursorFor(page) !== null) return page;
      fallback ??= page;
    }
    return fallback;
  }

  /** The cursor of a page next to a loaded one whose bounds the list gave, else null (by offset). */
  private cursorFor(page: number): ListCasesInput['cursor'] {
    const before = this.bounds.get(page - 1);
    if (before) return { side: 'after', ...before.last };
    const after = this.bounds.get(page + 1);
    if (after) return { side: 'before', ...after.first };
    return null;
  }

  private fetch(page: number): void {
    this.inFlight.add(page);
    const withTotal = this.snapshot.total === null;
    call('cases:list', { ...this.params, offset: page * PAGE_SIZE, limit: PAGE_SIZE, withTotal, cursor: this.cursorFor(page) }).then(
      (answer) => {
        this.inFlight.delete(page);
        const pages = new Map(this.snapshot.pages);
        pages.set(page, answer.rows);
        this.dropFarPages(pages);
        if (answer.bounds) this.bounds.set(page, answer.bounds);
        const counted = answer.total === undefined ? {} : { total: answer.total, capped: answer.capped === true };
        // Protected cases the lead is not named on come with the first page only.
        const notNamed = page === 0 ? { protectedNotNamed: answer.protectedNotNamed ?? [], protectedNotNamedTotal: answer.protectedNotNamedTotal ?? 0 } : {};
        this.update({ pages, ...counted, ...notNamed });
        // A cache no one listens to has been left for a new query: it asks for nothing more.
        if (this.listeners.size > 0) this.pump();
      },
      (thrown: unknown) => {
        this.inFlight.delete(page);
        this.update({ error: toApiError(thrown) });
      },
    );
  }

  /** Drops the pages farthest from the view while more than MAX_PAGES_KEPT are kept; their bounds stay, for cursors. */
  private dropFarPages(pages: Map<number, readonly CaseListRow[]>): void {
    if (pages.size <= MAX_PAGES_KEPT) return;
    const { first, last } = this.wanted ?? { first: 0, last: 0 };
    const middle = (first + last) / 2 / PAGE_SIZE;
    const farthestFirst = [...pages.keys()].sort((a, b) => Math.abs(b - middle) - Math.abs(a - middle));
    for (const page of farthestFirst.slice(0, pages.size - MAX_PAGES_KEPT)) pages.delete(page);
  }

  private update(change: Partial<PagesSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

/** The row at an index of the list, when its page has arrived. */
export function rowAt(snapshot: PagesSnapshot, index: number): CaseListRow | undefined {
  return snapshot.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

/** The page cache of the current query and its latest state. */
export function useCasePages(params: CaseListParams): { cache: CasePageCache; snapshot: PagesSnapshot } {
  const key = JSON.stringify(params);
  const cache = useMemo(() => new CasePageCache(JSON.parse(key) as CaseListParams), [key]);
  const snapshot = useSyncExternalStore(cache.subscribe, cache.getSnapshot);
  return { cache, snapshot };
}
