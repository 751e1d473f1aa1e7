import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, CaseDetail } from '../../../core/contract';
import { call, toApiError } from '../api/client';
import { CasePrefetch } from './case-prefetch';

export interface CaseDetailState {
  detail: CaseDetail | null;
  error: ApiError | null;
  reload: () => void;
  /** Takes the case as a change answered it, without asking again. */
  replace: (detail: CaseDetail) => void;
  /** The sections read with the case when it was opened, for their first load. */
  prefetch: CasePrefetch | null;
}

interface Loaded {
  id: number;
  detail: CaseDetail | null;
  error: ApiError | null;
  prefetch: CasePrefetch | null;
}

/**
 * One case, loaded by id; every change answers with the whole case, which replaces it here. The
 * first load opens the case with all its sections in one request (`cases:open`); reloads ask
 * for the case alone.
 */
export function useCaseDetail(caseId: number): CaseDetailState {
  const [state, setState] = useState<Loaded>({ id: caseId, detail: null, error: null, prefetch: null });
  const [version, setVersion] = useState(0);
  const opened = useRef<number | null>(null);

  useEffect(() => {
    let current = true;
    const failed = (thrown: unknown): void => {
      if (current) setState((previous) => ({ id: caseId, detail: previous.id === caseId ? previous.detail : null, error: toApiError(thrown), prefetch: previous.id === caseId ? previous.prefetch : null }));
    };
    if (opened.current === caseId) {
      call('cases:get', { id: caseId }).then((detail) => {
        if (current) setState((previous) => ({ id: caseId, detail, error: null, prefetch: previous.prefetch }));
      }, failed);
    } else {
      call('cases:open', { id: caseId }).then(({ detail, ...sections }) => {
        if (!current) return;
        opened.current = caseId;
        setState({ id: caseId, detail, error: null, prefetch: new CasePrefetch(sections) });
      }, failed);
    }
    return () => {
      current = false;
    };
  }, [caseId, version]);

  const reload = useCallback(() => setVersion((previous) => previous + 1), []);
  const replace = useCallback((detail: CaseDetail) => setState((previous) => ({ id: detail.id, detail, error: null, prefetch: previous.id === detail.id ? previous.prefetch : null })), []);
  const fresh = state.id === caseId;
  return { detail: fresh ? state.detail : null, error: fresh ? state.error : null, reload, replace, prefetch: fresh ? state.prefetch : null };
}
