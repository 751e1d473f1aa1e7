import type { Channel } from '../../core/contract';

/**
 * Channels a caseworker or team lead can call that name no single case, and why that is safe.
 * Every other such channel must declare a `caseScope` (see handler-types.ts); the access tests
 * fail when a channel is in neither place. `filtered`: answers rows of several cases and
 * filters them in SQL to the cases the user may open (db/access/case-access.ts).
 */
export const UNSCOPED_CASEWORK: Partial<Record<Channel, { kind: 'filtered' | 'no_case_content' | 'new_case'; why: string }>> = {
  'cases:list': { kind: 'filtered', why: 'Only cases the user may open; a team lead also gets protected cases they are not named on, by number only.' },
  'reminders:due': { kind: 'filtered', why: 'Deadlines of the cases the user may open only.' },
  'cases:create': { kind: 'new_case', why: 'Creates a case; its creator or assignee is named on it.' },
  'kompotten:members': { kind: 'no_case_content', why: 'The team’s list of member municipalities.' },
  'kompotten:set-member': { kind: 'no_case_content', why: 'The team’s list of member municipalities.' },
  'shelters:list': {
    kind: 'no_case_content',
    why: 'The shelter register. Occupancy is a count over all cases, kept whole so nobody books a full shelter; it names no case.',
  },
  'shelters:create': { kind: 'no_case_content', why: 'The shelter register.' },
  'shelters:update': { kind: 'no_case_content', why: 'The shelter register.' },
  'risk:instruments': { kind: 'no_case_content', why: 'Instrument templates.' },
  'risk:instrument': { kind: 'no_case_content', why: 'Instrument templates.' },
  'risk:import-instrument': { kind: 'no_case_content', why: 'Instrument templates.' },
  'users:assignees': { kind: 'no_case_content', why: 'Colleagues a case can be assigned to or shared with.' },
  'users:list': { kind: 'no_case_content', why: 'User accounts.' },
  'users:create': { kind: 'no_case_content', why: 'User accounts.' },
  'users:disable': { kind: 'no_case_content', why: 'User accounts.' },
  'reports:generate': { kind: 'no_case_content', why: 'Anonymised aggregates with small numbers suppressed.' },
  'reports:export': { kind: 'no_case_content', why: 'Anonymised aggregates with small numbers suppressed.' },
  'audit:verify': { kind: 'no_case_content', why: 'Checks the hash chain; answers counts only.' },
  'reference:counties': { kind: 'no_case_content', why: 'Reference data.' },
  'reference:municipalities': { kind: 'no_case_content', why: 'Reference data.' },
  'reference:districts': { kind: 'no_case_content', why: 'Reference data.' },
  'settings:get': { kind: 'no_case_content', why: 'Team settings.' },
  'session:change-passphrase': { kind: 'no_case_content', why: 'The user’s own passphrase.' },
};
