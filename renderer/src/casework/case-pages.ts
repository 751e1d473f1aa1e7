import { useMemo, useSyncExternalStore } from 'react';
import type { ApiError, CaseListRow, ListCasesInput, ProtectedNotNamed } from '../../../core/contract';
import { call, toApiError } from '../api/client';

/** Rows fetched per request: large enough that scrolling rarely waits, small enough to answer fast. */
export const PAGE_SIZE = 200;

export type CaseListParams = Omit<ListCasesInput, 'offset' | 'limit'>;

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

/**
 * The pages of one query of the case list, fetched on demand and kept. A new query (search,
 * filter, sort) gets a new cache, so answers to an old query can never land in the new list
 * (an abandoned cache may still receive its answers; no one listens to it any more).
 */
export class CasePageCache {
  private snapshot: PagesSnapshot = { total: null, capped: false, pages: new Map(), error: null, protectedNotNamed: [], protectedNotNamedTotal: 0 };
  private readonly inFlight = new Set<number>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly params: CaseListParams) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): PagesSnapshot => this.snapshot;

  /** Fetches every page that holds a row in [first, last] and is neither cached nor on its way. */
  ensure(first: number, last: number): void {
    if (this.snapshot.error !== null) return;
    const total = this.snapshot.total;
    const lastRow = total === null ? first : Math.min(last, total - 1);
    for (let page = Math.floor(Math.max(first, 0) / PAGE_SIZE); page <= Math.floor(lastRow / PAGE_SIZE); page += 1) {
      if (!this.snapshot.pages.has(page) && !this.inFlight.has(page)) this.fetch(page);
    }
  }

  /** After an error: forget it and ask again for what is needed. */
  retry(first: number, last: number): void {
    this.update({ error: null });
    this.ensure(first, last);
  }

  private fetch(page: number): void {
    this.inFlight.add(page);
    call('cases:list', { ...this.params, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (answer) => {
        this.inFlight.delete(page);
        const pages = new Map(this.snapshot.pages);
        pages.set(page, answer.rows);
        // Protected cases the lead is not named on come with the first page only.
        const notNamed = page === 0 ? { protectedNotNamed: answer.protectedNotNamed ?? [], protectedNotNamedTotal: answer.protectedNotNamedTotal ?? 0 } : {};
        this.update({ total: answer.total ?? this.snapshot.total, capped: answer.capped === true, pages, ...notNamed });
      },
      (thrown: unknown) => {
        this.inFlight.delete(page);
        this.update({ error: toApiError(thrown) });
      },
    );
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
