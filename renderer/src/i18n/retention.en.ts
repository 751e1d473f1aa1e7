import type { Message } from '../../../core/i18n';
import type { retentionSv } from './retention.sv';

/** English texts of retention (gallring), with the same keys as Swedish. */
export const retentionEn: Record<keyof typeof retentionSv, Message> = {
  'nav.retention': 'Retention',

  'retention.title': 'Retention',
  'retention.intro':
    'Closed cases are purged once the time after their last entry has run out, under the team’s rules. Only case numbers and dates are shown here, never names.',
  'retention.loading': 'Going through the closed cases …',
  'retention.reload': 'Refresh the list',
  'retention.rules_title': 'Rules',
  'retention.rule_years': {
    by: 'years',
    one: 'A closed case is purged {years} year after its last entry, at the latest by the end of the following year.',
    other: 'A closed case is purged {years} years after its last entry, at the latest by the end of the following year.',
  },
  'retention.rule_birth_days_on': 'People born on the 5th, 15th or 25th of a month are kept for research.',
  'retention.rule_birth_days_off': 'People born on the 5th, 15th and 25th are purged like everyone else.',
  'retention.rule_research': 'The municipality is a research municipality: nothing is purged.',
  'retention.rules_admin': 'The administrator changes the rules under Settings.',
  'retention.generated': 'Worked out {date}.',

  'retention.purge_title': 'Can be purged now ({count})',
  'retention.purge_none': 'No cases are due for purging today.',
  'retention.col_case': 'Case number',
  'retention.col_closed': 'Closed',
  'retention.col_last_entry': 'Last entry',
  'retention.col_due': 'Purgeable from',
  'retention.col_deadline': 'Purge by',
  'retention.col_note': 'Note',
  'retention.overdue': 'Late',
  'retention.decided_purge': 'Decided: purge',

  'retention.manual_title': 'Needs a decision ({count})',
  'retention.manual_intro': 'The rules cannot decide these cases on their own. A team lead decides whether each is kept or purged.',
  'retention.manual_none': 'No cases are waiting for a decision.',
  'retention.col_reasons': 'Why',
  'retention.reason.birth_day_unknown': 'Birth day unknown (no personal identity number)',
  'retention.reason.child_placed': 'A child lives or is placed outside the home',
  'retention.decide': 'Decision for {case}',
  'retention.decide_keep': 'Keep',
  'retention.decide_purge': 'Purge',
  'retention.decide_comment': 'Comment (optional)',
  'retention.decide_comment_hint': 'For example where the date of birth was checked. Write no personal data that is not needed.',
  'retention.decide_choose': 'Choose Keep or Purge.',
  'retention.decide_submit': 'Save decision',
  'retention.decided': 'The decision for {case} is saved.',
  'retention.decide_lead_only': 'Only a team lead can decide these cases.',

  'retention.kept_title': 'Kept',
  'retention.kept.open': 'Open cases',
  'retention.kept.research_municipality': 'Research municipality',
  'retention.kept.not_due': 'Time not yet run out',
  'retention.kept.birth_day': 'Born on the 5th, 15th or 25th',
  'retention.kept.decided_keep': 'Decided: keep',

  'retention.confirm_title': 'Purge',
  'retention.confirm_intro':
    'Purging deletes the cases in the list above with everything that belongs to them: people, moves, housing chain, support, journal, reminders and risk assessments. It cannot be undone. The log gets one row with the number of cases, no case numbers.',
  'retention.confirm_backups': 'Backups made before the purge hold the cases until newer ones replace them.',
  'retention.confirm_count': 'Type the number of cases to delete ({count})',
  'retention.confirm_count_wrong': 'Type {count}, the number of cases in the list.',
  'retention.confirm_submit': { one: 'Permanently delete {count} case', other: 'Permanently delete {count} cases' },
  'retention.confirm_lead_only': 'Only a team lead can confirm a purge.',
  'retention.purged': { one: '{count} case is purged.', other: '{count} cases are purged.' },
  'retention.purged_not_compacted': 'The cases are deleted, but the database file could not be compacted. The next purge tries again.',
  'retention.purge_changed': 'The list has changed since it was shown. Nothing was deleted. Look at the new list and confirm again.',

  'settings.retention_title': 'Retention',
  'settings.retention_years': 'Purge this many years after the last entry',
  'settings.retention_years_hint': 'Between 1 and 50 years. Social-services records are normally purged after 5 years.',
  'settings.retention_keep_birth_days': 'Keep people born on the 5th, 15th and 25th of a month',
  'settings.retention_keep_birth_days_hint': 'The archives’ sample for research. Without a personal identity number a team lead decides.',
  'settings.research_municipality': 'Research municipality: keep everything',
  'settings.research_municipality_hint': 'Nothing is purged in a research municipality.',
  'settings.retention_submit': 'Save retention rules',
  'settings.retention_saved': 'The retention rules are saved.',

  'validation.retention_years_range': 'Enter a number of years between 1 and 50.',
};
