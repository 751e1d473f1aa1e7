import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../core/contract';
import { toApiError } from './client';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` on mount and on reload(). Pass a function with a stable identity (module level or
 * useCallback), or it reloads on every render.
 */
export function useLoader<T>(load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setState({ data, error: null, loading: false });
      },
      (thrown: unknown) => {
        if (current) setState((previous) => ({ data: previous.data, error: toApiError(thrown), loading: false }));
      },
    );
    return () => {
      current = false;
    };
  }, [load, version]);

  const reload = useCallback(() => {
    setState((previous) => ({ ...previous, loading: true }));
    setVersion((previous) => previous + 1);
  }, []);

  return { ...state, reload };
}
