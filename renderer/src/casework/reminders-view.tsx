import type { SessionUser } from '../../../core/contract';

/** What is due this week or overdue (placeholder until written). */
export function RemindersView(_props: { user: SessionUser }) {
  return null;
}
