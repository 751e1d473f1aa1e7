import type { ReactNode } from 'react';

/** A view's title; focusable by script so moving between views tells screen readers where they are. */
export function ViewHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="view-heading" tabIndex={-1}>
      {children}
    </h1>
  );
}
