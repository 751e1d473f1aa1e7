import { useEffect } from 'react';
import type { CaseDetail } from '../../../core/contract';
import { caseDetailKey, caseKeys, loadCaseDetail } from '../api/case-queries';
import { useQuery, useQueryClient } from '../api/query';
import type { QueryResult } from '../api/query';

/**
 * One case, by id, through the query layer: opened with all its sections in one request, then
 * kept current by the invalidations of the changes made to it. Leaving the case drops what no
 * section took, so the next visit opens it again.
 */
export function useCaseDetail(caseId: number): QueryResult<CaseDetail> {
  const client = useQueryClient();
  const result = useQuery(caseDetailKey(caseId), (context) => loadCaseDetail(caseId, context));
  useEffect(
    () => () => {
      for (const key of caseKeys(caseId)) client.forget(key);
    },
    [client, caseId],
  );
  return result;
}
