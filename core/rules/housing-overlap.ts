/** A housing-chain step's span: ISO dates (YYYY-MM-DD); an open step has no end. */
export interface StepSpan {
  id?: number;
  /** Whose chain: the case's own (null) or one child's. */
  childId: number | null;
  startDate: string;
  endDate: string | null;
  parallel: boolean;
}

/** Whether two date spans share at least one day; an end date is the last day of the step. */
export function spansOverlap(a: Pick<StepSpan, 'startDate' | 'endDate'>, b: Pick<StepSpan, 'startDate' | 'endDate'>): boolean {
  const aEnd = a.endDate ?? '9999-12-31';
  const bEnd = b.endDate ?? '9999-12-31';
  return a.startDate < bEnd && b.startDate < aEnd;
}

/**
 * The existing steps a new or changed step overlaps within the same chain (the case's, or one
 * child's). A step marked parallel, or overlapping only parallel steps, is allowed. A step may
 * start on the day the previous one ends (moving day).
 */
export function overlappingSteps<T extends StepSpan>(candidate: StepSpan, existing: readonly T[]): T[] {
  if (candidate.parallel) return [];
  return existing.filter((s) => s.id !== candidate.id && s.childId === candidate.childId && !s.parallel && spansOverlap(candidate, s));
}

/** A step must not end before it starts. */
export function validSpan(span: Pick<StepSpan, 'startDate' | 'endDate'>): boolean {
  return span.endDate === null || span.endDate >= span.startDate;
}
