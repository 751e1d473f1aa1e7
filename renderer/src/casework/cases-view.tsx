import type { SessionUser } from '../../../core/contract';

/** The case list and a case (placeholder until written). */
export function CasesView(_props: { user: SessionUser }) {
  return null;
}
