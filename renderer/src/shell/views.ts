import type { Role } from '../../../core/contract';

export const VIEW_IDS = ['start', 'cases', 'reminders', 'shelters', 'kompotten', 'instruments', 'reports', 'retention', 'reference', 'audit', 'users', 'settings', 'about'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/**
 * Which roles see which view. The API enforces the same rules; hiding is only so nobody is
 * offered what they cannot use. Administrators and auditors see no case content.
 */
const CASEWORK: readonly Role[] = ['caseworker', 'team_lead'];

const ACCESS: Readonly<Record<ViewId, readonly Role[] | 'everyone'>> = {
  start: 'everyone',
  cases: CASEWORK,
  reminders: CASEWORK,
  shelters: CASEWORK,
  kompotten: CASEWORK,
  /** Risk instruments: who may add an organisation's licensed file (the API allows the same roles). */
  instruments: ['administrator', 'team_lead'],
  /** Reports to socialnämnden (the API allows the same roles). */
  reports: ['team_lead', 'administrator'],
  /** Gallring: the preview is case numbers only; only team leads decide and purge (the API allows the same roles). */
  retention: ['team_lead', 'administrator'],
  reference: 'everyone',
  audit: ['administrator', 'team_lead', 'auditor'],
  /** Team leads manage caseworkers' and team leads' accounts; administrators everyone's. */
  users: ['administrator', 'team_lead'],
  settings: 'everyone',
  about: 'everyone',
};

export function canSee(role: Role, view: ViewId): boolean {
  const allowed = ACCESS[view];
  return allowed === 'everyone' || allowed.includes(role);
}

export function visibleViews(role: Role): ViewId[] {
  return VIEW_IDS.filter((view) => canSee(role, view));
}

/** The roles whose accounts a user may create and disable (the API enforces the same). */
export function rolesManagedBy(role: Role): readonly Role[] {
  if (role === 'administrator') return ['administrator', 'team_lead', 'caseworker', 'auditor'];
  if (role === 'team_lead') return ['caseworker', 'team_lead'];
  return [];
}
