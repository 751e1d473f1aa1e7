import { useCallback, useEffect, useState } from 'react';
import type { ApiError, CaseDetail } from '../../../core/contract';
import { call, toApiError } from '../api/client';

export interface CaseDetailState {
  detail: CaseDetail | null;
  error: ApiError | null;
  reload: () => void;
  /** Takes the case as a change answered it, without asking again. */
  replace: (detail: CaseDetail) => void;
}

/** One case, loaded by id; every change answers with the whole case, which replaces it here. */
export function useCaseDetail(caseId: number): CaseDetailState {
  const [state, setState] = useState<{ id: number; detail: CaseDetail | null; error: ApiError | null }>({ id: caseId, detail: null, error: null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    call('cases:get', { id: caseId }).then(
      (detail) => {
        if (current) setState({ id: caseId, detail, error: null });
      },
      (thrown: unknown) => {
        if (current) setState((previous) => ({ id: caseId, detail: previous.id === caseId ? previous.detail : null, error: toApiError(thrown) }));
      },
    );
    return () => {
      current = false;
    };
  }, [caseId, version]);

  const reload = useCallback(() => setVersion((previous) => previous + 1), []);
  const replace = useCallback((detail: CaseDetail) => setState({ id: detail.id, detail, error: null }), []);
  const fresh = state.id === caseId;
  return { detail: fresh ? state.detail : null, error: fresh ? state.error : null, reload, replace };
}
