import type { CaseDetail } from '../../../core/contract';

/** Props every placement section gets from the case view. */
export interface CaseSectionProps {
  caseDetail: CaseDetail;
}
