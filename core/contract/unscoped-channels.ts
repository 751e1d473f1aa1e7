import type { Channel } from './index';

/**
 * Channels a caseworker or team lead can call that name no single case, and why that is safe.
 * Every other such channel must declare a `caseScope` (see channel-access.ts); the access tests
 * fail when a channel is in neither place. `filtered`: answers rows of several cases and
 * filters them in SQL to the cases the user may open (db/access/case-access.ts).
 * `namesCase`: the channel's input does carry a case id or number (or an id of a case's row), and
 * why no case scope is needed for it; tests/api/access-matrix.test.ts reads every input schema
 * and fails for an unscoped channel taking such an id without this reason.
 */
export const UNSCOPED_CASEWORK: Partial<
  Record<Channel, { kind: 'filtered' | 'no_case_content' | 'new_case' | 'log' | 'retention'; why: string; namesCase?: string }>
> = {
  'cases:list': {
    kind: 'filtered',
    why: 'Only cases the user may open; a team lead also gets protected cases they are not named on, by number only.',
    namesCase: 'cursor.id is where the previous page ended; the page is filtered like the first.',
  },
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
  'reports:prepare': { kind: 'no_case_content', why: 'Starts the report’s second reader; reads nothing.' },
  'reports:generate': { kind: 'no_case_content', why: 'Anonymised aggregates with small numbers suppressed.' },
  'reports:export': { kind: 'no_case_content', why: 'Anonymised aggregates with small numbers suppressed.' },
  'audit:verify': { kind: 'no_case_content', why: 'Checks the hash chain; answers counts only.' },
  // The log names who did what to which case, never content; its review is a job of its own.
  'audit:users': { kind: 'log', why: 'Log review: the users to filter by.' },
  'audit:search': {
    kind: 'log',
    why: 'Log review: rows of the log, no content.',
    namesCase: 'Log reviewers (team leads, auditors) review the log of any case; the search is audited against the case it names.',
  },
  'audit:sample': { kind: 'log', why: 'Log review: rows of the log, no content.' },
  'audit:protected-access': { kind: 'log', why: 'Log review: who opened protected cases, no content.' },
  'audit:mark-reviewed': { kind: 'log', why: 'Log review marks.' },
  'audit:export': { kind: 'log', why: 'Log review: rows of the log, no content.', namesCase: 'As audit:search, as a file.' },
  'retention:preview': { kind: 'retention', why: 'Gallring: case numbers and dates only.' },
  'retention:decide': {
    kind: 'retention',
    why: 'Gallring: a team lead decides by case number, whoever the case is named on.',
    namesCase: 'Team leads only; it reads and answers no content, only whether the case is kept or removed.',
  },
  'retention:purge': {
    kind: 'retention',
    why: 'Gallring: removes cases past retention; audited with counts only.',
    namesCase: 'Team leads only; removes the numbered cases past retention, answers counts.',
  },
  'audit:record-print': {
    kind: 'log',
    why: 'Writes a print row; the operation checks per printed thing that the user may see it.',
    namesCase:
      'A case’s log extract is recorded only for a case the user may open (refused and audited as denied otherwise); a log review print may name the case it was searched by.',
  },
  'reference:counties': { kind: 'no_case_content', why: 'Reference data.' },
  'reference:municipalities': { kind: 'no_case_content', why: 'Reference data.' },
  'reference:districts': { kind: 'no_case_content', why: 'Reference data.' },
  'settings:get': { kind: 'no_case_content', why: 'Team settings.' },
  'session:change-passphrase': { kind: 'no_case_content', why: 'The user’s own passphrase.' },
};
