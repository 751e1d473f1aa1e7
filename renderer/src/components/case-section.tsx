import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../core/contract';

/** Props every case section gets from the case view. */
export interface CaseSectionProps {
  caseDetail: CaseDetail;
}

/** A section of the case view: its h2 can take focus, so the in-page links can move the user there. */
export function CaseSection({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="case-section" aria-labelledby={id}>
      <div className="case-section-title">
        <h2 id={id} tabIndex={-1}>
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Moves to an element of the page: into view, and focus on it. */
export function goToElement(element: Element | null): void {
  if (!(element instanceof HTMLElement)) return;
  element.scrollIntoView?.({ block: 'start' });
  element.focus();
}
