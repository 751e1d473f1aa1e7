import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { ApiError, Channel, ChannelInput, ChannelOutput } from '../../../core/contract';
import { registerUiReset } from '../session/ui-reset';
import { call, toApiError } from './client';

/**
 * What a query is known by: the channel first, then its input, e.g. `['moves:list', { caseId }]`.
 * Keys that are not one channel (several calls read together) start with a name of their own.
 */
export type QueryKey = readonly [string, ...unknown[]];

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  /** A request for this key is on its way. */
  fetching: boolean;
}

/** Told to a query's loader: whether the key already held an answer (a refetch after an invalidation). */
export interface LoadContext {
  refetch: boolean;
  /** Puts an answer this request also read under its own key (dropped if the cache was cleared meanwhile). */
  seed: (key: QueryKey, data: unknown) => void;
}

export type Loader<T> = (context: LoadContext) => Promise<T>;

interface Entry {
  key: QueryKey;
  state: QueryState<unknown>;
  /** Whether the data is older than the last invalidation of the key. */
  stale: boolean;
  observers: Set<() => void>;
  loader: Loader<unknown> | null;
  /** The request on its way, so a second observer waits for it instead of asking again. */
  inFlight: Promise<void> | null;
}

const EMPTY: QueryState<never> = { data: undefined, error: null, fetching: false };

/** The same text for equal keys whatever the order of their objects' fields. */
export function hashKey(key: QueryKey): string {
  return JSON.stringify(key, (_name, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const sorted: Record<string, unknown> = {};
    for (const field of Object.keys(value).sort()) sorted[field] = (value as Record<string, unknown>)[field];
    return sorted;
  });
}

/** Whether `part` matches `whole`: equal, or for objects every field of `part` matches in `whole`. */
function partMatches(part: unknown, whole: unknown): boolean {
  if (part === whole) return true;
  if (part === null || whole === null || typeof part !== 'object' || typeof whole !== 'object') return false;
  if (Array.isArray(part) || Array.isArray(whole)) return hashKey(['', part]) === hashKey(['', whole]);
  return Object.entries(part).every(([field, value]) => partMatches(value, (whole as Record<string, unknown>)[field]));
}

/** Whether `prefix` names `key` or a family of keys it belongs to (`['moves:list']` matches every case's). */
export function keyMatches(prefix: QueryKey, key: QueryKey): boolean {
  return prefix.length <= key.length && prefix.every((part, index) => partMatches(part, key[index]));
}

/**
 * The server data the renderer holds, one entry per key. An answer lives as long as something
 * shows it: when the last observer leaves, the entry is dropped, so the next visit asks again
 * (every read is an audited request, as before the layer). Nothing refetches by itself (no focus,
 * interval or retry): an answer is replaced only when a change invalidates its key.
 */
export class QueryClient {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by clear(): answers to requests made before it are thrown away. */
  private generation = 0;

  private entry(key: QueryKey): Entry {
    const hash = hashKey(key);
    let entry = this.entries.get(hash);
    if (!entry) {
      entry = { key, state: EMPTY, stale: false, observers: new Set(), loader: null, inFlight: null };
      this.entries.set(hash, entry);
    }
    return entry;
  }

  /** The current state of a key (the same object until it changes). */
  getState<T>(key: QueryKey): QueryState<T> {
    return (this.entries.get(hashKey(key))?.state ?? EMPTY) as QueryState<T>;
  }

  /** Watches a key; the returned function stops watching, and the last to stop drops the entry soon after. */
  observe(key: QueryKey, listener: () => void): () => void {
    const entry = this.entry(key);
    entry.observers.add(listener);
    return () => {
      entry.observers.delete(listener);
      if (entry.observers.size > 0) return;
      // Later, not now: React may unmount and mount the same observer in one go (strict mode).
      setTimeout(() => {
        if (entry.observers.size === 0 && this.entries.get(hashKey(entry.key)) === entry) this.entries.delete(hashKey(entry.key));
      }, 0);
    };
  }

  /** Asks for the key unless its answer is current or on its way. */
  ensure<T>(key: QueryKey, loader: Loader<T>): void {
    const entry = this.entry(key);
    entry.loader = loader as Loader<unknown>;
    const answered = entry.state.data !== undefined || entry.state.error !== null;
    if (entry.inFlight === null && (!answered || entry.stale)) this.fetch(entry);
  }

  /** Asks again now (a retry button), unless a request is already on its way. */
  refetch(key: QueryKey): void {
    const entry = this.entries.get(hashKey(key));
    if (entry && entry.inFlight === null && entry.loader) this.fetch(entry);
  }

  private fetch(entry: Entry): void {
    const loader = entry.loader;
    if (!loader) return;
    const generation = this.generation;
    const refetch = entry.state.data !== undefined;
    entry.stale = false;
    this.set(entry, { ...entry.state, fetching: true });
    const seed = (key: QueryKey, data: unknown): void => {
      if (generation === this.generation) this.setData(key, data);
    };
    const request = loader({ refetch, seed }).then(
      (data) => {
        if (generation !== this.generation) return;
        entry.inFlight = null;
        this.set(entry, { data, error: null, fetching: false });
        if (entry.stale) this.fetch(entry);
      },
      (thrown: unknown) => {
        if (generation !== this.generation) return;
        entry.inFlight = null;
        this.set(entry, { data: entry.state.data, error: toApiError(thrown), fetching: false });
      },
    );
    entry.inFlight = request;
  }

  private set(entry: Entry, state: QueryState<unknown>): void {
    entry.state = state;
    for (const listener of [...entry.observers]) listener();
  }

  /** Puts an answer under a key without asking (seeding from a request that read several at once). */
  setData<T>(key: QueryKey, data: T): void {
    const entry = this.entry(key);
    entry.stale = false;
    this.set(entry, { data, error: null, fetching: entry.inFlight !== null });
  }

  /**
   * Marks every key the prefix matches as out of date: those shown are asked for again (once, even
   * if invalidated twice meanwhile), the others are dropped so nothing later starts from them.
   */
  invalidate(prefix: QueryKey): void {
    for (const [hash, entry] of [...this.entries]) {
      if (!keyMatches(prefix, entry.key)) continue;
      if (entry.observers.size === 0) {
        this.entries.delete(hash);
        continue;
      }
      entry.stale = true;
      if (entry.inFlight === null) this.fetch(entry);
    }
  }

  /** Drops the entries the prefix matches that nothing shows (seeds no section took, say). */
  forget(prefix: QueryKey): void {
    for (const [hash, entry] of [...this.entries]) {
      if (entry.observers.size === 0 && keyMatches(prefix, entry.key)) this.entries.delete(hash);
    }
  }

  /** Forgets everything (the session ended): nothing of one session is shown in the next. */
  clear(): void {
    this.generation += 1;
    for (const entry of this.entries.values()) {
      entry.inFlight = null;
      entry.stale = false;
      this.set(entry, EMPTY);
    }
    this.entries.clear();
  }
}

/** The app's one client; tests may hand their own to QueryProvider. */
export const queryClient = new QueryClient();
registerUiReset(() => queryClient.clear());

const QueryClientContext = createContext<QueryClient>(queryClient);

export function QueryProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return createElement(QueryClientContext.Provider, { value: client }, children);
}

export function useQueryClient(): QueryClient {
  return useContext(QueryClientContext);
}

export interface QueryResult<T> {
  data: T | null;
  error: ApiError | null;
  /** No answer yet, or a request is on its way. */
  loading: boolean;
  /** Asks again (after an error, say). */
  reload: () => void;
}

/**
 * Reads a key through the client: asked for on mount unless another observer holds it, shared
 * while shown, asked again when invalidated. `enabled: false` waits without asking.
 */
export function useQuery<T>(key: QueryKey, loader: Loader<T>, options: { enabled?: boolean } = {}): QueryResult<T> {
  const client = useQueryClient();
  const enabled = options.enabled ?? true;
  const hash = hashKey(key);
  // The key as of its hash: a new array with the same contents is the same key.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableKey = useMemo(() => key, [hash]);
  const loaderRef = useRef(loader);
  useEffect(() => {
    loaderRef.current = loader;
  });
  const subscribe = useCallback((listener: () => void) => client.observe(stableKey, listener), [client, stableKey]);
  const state = useSyncExternalStore(subscribe, () => client.getState<T>(stableKey));
  useEffect(() => {
    if (enabled) client.ensure(stableKey, (context) => loaderRef.current(context));
  }, [client, stableKey, enabled]);
  const reload = useCallback(() => client.refetch(stableKey), [client, stableKey]);
  return { data: state.data ?? null, error: state.error, loading: state.fetching || (state.data === undefined && state.error === null), reload };
}

/** One channel read as a query keyed `[channel, input]`. */
export function useChannel<C extends Channel>(channel: C, input: ChannelInput<C>, options: { enabled?: boolean } = {}): QueryResult<ChannelOutput<C>> {
  return useQuery<ChannelOutput<C>>([channel, input], () => call(channel, input), options);
}

/** The keys a change makes out of date, from what was sent and what came back. */
export type Invalidates<C extends Channel> = (input: ChannelInput<C>, output: ChannelOutput<C>) => readonly QueryKey[];

/** The keys whose new value a change answered with (a saved setting answers with all settings). */
export type Answers<C extends Channel> = (input: ChannelInput<C>, output: ChannelOutput<C>) => readonly (readonly [QueryKey, unknown])[];

/**
 * A write through the client: calls the channel and, when it succeeded, puts what it answered
 * under the keys it answers for and invalidates the keys it affects, so everything showing them
 * reads them again. Errors are thrown to the caller (the forms show them).
 */
export function useMutation<C extends Channel>(
  channel: C,
  invalidates?: Invalidates<C>,
  answers?: Answers<C>,
): (input: ChannelInput<C>) => Promise<ChannelOutput<C>> {
  const client = useQueryClient();
  const effects = useRef({ invalidates, answers });
  useEffect(() => {
    effects.current = { invalidates, answers };
  });
  return useCallback(
    async (input: ChannelInput<C>) => {
      const output = await call(channel, input);
      for (const [key, data] of effects.current.answers?.(input, output) ?? []) client.setData(key, data);
      for (const key of effects.current.invalidates?.(input, output) ?? []) client.invalidate(key);
      return output;
    },
    [client, channel],
  );
}

/** Invalidates keys from an event handler (a timer ran out, a refusal says the data moved on). */
export function useInvalidate(): (...keys: readonly QueryKey[]) => void {
  const client = useQueryClient();
  return useCallback(
    (...keys: readonly QueryKey[]) => {
      for (const key of keys) client.invalidate(key);
    },
    [client],
  );
}
