import type { Role } from './common';

// Each list is one decision about who may do something; the channels (core/contract/*.ts), the
// operations that check again and the renderer's views all read the same constant.

/** Who may run an operation: anyone (session set-up), any unlocked user, or the listed roles. */
export type RoleRule = 'public' | 'unlocked' | readonly Role[];

/** Who works with case content. Administrators and auditors never see any. */
export const CASEWORK: readonly Role[] = ['caseworker', 'team_lead'];

/** The installation's own business: backups, settings, the rollback warning. */
export const ADMIN: readonly Role[] = ['administrator'];

/**
 * Who reviews the log: team leads and auditors. Administrators keep only the chain check: they
 * create users and hand out roles, so the one who grants access should not also be the one who
 * checks how it was used (and marks it as fine).
 */
export const LOG_REVIEWERS: readonly Role[] = ['team_lead', 'auditor'];

/** Who checks the audit chain: the log reviewers and administrators (who answer for the installation). */
export const CHAIN_CHECKERS: readonly Role[] = ['administrator', 'team_lead', 'auditor'];

/** Who manages user accounts; team leads only caseworkers and team leads (see rolesManagedBy). */
export const USER_MANAGERS: readonly Role[] = ['administrator', 'team_lead'];

/**
 * Reports to socialnämnden: team leads and administrators. Administrators see no case content,
 * but reports are anonymised aggregates with small numbers suppressed, so they may produce them.
 */
export const REPORTERS: readonly Role[] = ['team_lead', 'administrator'];

/** Gallring's preview lists case numbers and dates only, so administrators may see it. */
export const RETENTION_PREVIEWERS: readonly Role[] = ['team_lead', 'administrator'];

/** Only team leads decide on and purge cases past retention. */
export const RETENTION_DECIDERS: readonly Role[] = ['team_lead'];

/** Who adds an organisation's licensed risk instrument file. */
export const INSTRUMENT_ADMINS: readonly Role[] = ['administrator', 'team_lead'];

/** Instrument templates hold no case content: those who use them and those who install them read them. */
export const INSTRUMENT_READERS: readonly Role[] = ['caseworker', 'team_lead', 'administrator'];

/** Who may see the whole team's due reminders, not only their own. */
export const TEAM_OVERVIEW: readonly Role[] = ['team_lead'];

/** The roles whose accounts a user may create and disable: administrators everyone's, team leads case workers'. */
export function rolesManagedBy(role: Role): readonly Role[] {
  if (role === 'administrator') return ['administrator', 'team_lead', 'caseworker', 'auditor'];
  if (role === 'team_lead') return CASEWORK;
  return [];
}

/** True when a role rule lets an unlocked user of this role through. */
export function ruleAllows(rule: RoleRule, role: Role): boolean {
  return rule === 'public' || rule === 'unlocked' || rule.includes(role);
}
