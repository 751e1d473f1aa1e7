export const MOVE_STATUSES = ['planned', 'requested', 'offered', 'accepted', 'completed', 'declined', 'cancelled'] as const;
export type MoveStatus = (typeof MOVE_STATUSES)[number];

const NEXT: Record<MoveStatus, readonly MoveStatus[]> = {
  planned: ['requested', 'cancelled'],
  requested: ['offered', 'declined', 'cancelled'],
  offered: ['accepted', 'declined', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  completed: [],
  declined: [],
  cancelled: [],
};

export type TransitionRefusal = 'finished' | 'skips_steps' | 'goes_back' | 'same_status';

/** The refusal key the renderer says for each way a transition is refused. */
export const TRANSITION_REFUSAL_REASONS = {
  finished: 'move_transition_finished',
  skips_steps: 'move_transition_skips',
  goes_back: 'move_transition_goes_back',
  same_status: 'move_transition_same',
} as const satisfies Record<TransitionRefusal, string>;

/** The statuses a move may go to next. */
export function allowedNextStatuses(from: MoveStatus): readonly MoveStatus[] {
  return NEXT[from];
}

/** Whether a move may go from one status to another, and if not, why (for a message the user can act on). */
export function checkTransition(from: MoveStatus, to: MoveStatus): { ok: true } | { ok: false; reason: TransitionRefusal; allowed: readonly MoveStatus[] } {
  if (NEXT[from].includes(to)) return { ok: true };
  const allowed = NEXT[from];
  if (from === to) return { ok: false, reason: 'same_status', allowed };
  if (allowed.length === 0) return { ok: false, reason: 'finished', allowed };
  const order = MOVE_STATUSES.indexOf(to) - MOVE_STATUSES.indexOf(from);
  return { ok: false, reason: order < 0 ? 'goes_back' : 'skips_steps', allowed };
}
