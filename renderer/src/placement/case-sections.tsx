import type { CaseDetail } from '../../../core/contract';

/** Props every case section gets from the case view. */
export interface CaseSectionProps {
  caseDetail: CaseDetail;
  /** Ask the case view to reload the case (header, people) after a change. */
  onCaseChanged: () => void;
}

// The case view mounts these three sections; each lives in its own file.
export { MovesSection } from './moves-section';
export { HousingSection } from './housing-section';
export { SupportSection } from './support-section';
