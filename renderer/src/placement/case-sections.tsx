import type { CaseDetail } from '../../../core/contract';

/** Props every case section gets from the case view. */
export interface CaseSectionProps {
  caseDetail: CaseDetail;
  /** Ask the case view to reload the case (header, people) after a change. */
  onCaseChanged: () => void;
}

// Placeholders until the placement sections are written; each renders nothing.
export function MovesSection(_props: CaseSectionProps) {
  return null;
}
export function HousingSection(_props: CaseSectionProps) {
  return null;
}
export function SupportSection(_props: CaseSectionProps) {
  return null;
}
