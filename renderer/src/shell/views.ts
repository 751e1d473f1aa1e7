import { channels, ruleAllows, type Channel, type Role } from '../../../core/contract';

export const VIEW_IDS = [
  'start',
  'cases',
  'reminders',
  'shelters',
  'kompotten',
  'instruments',
  'reports',
  'retention',
  'reference',
  'audit',
  'users',
  'settings',
  'about',
] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/**
 * Which view shows for whom: the channel that is the view's reason to exist, whose access (in the
 * contract) decides; 'everyone' for views any unlocked user has. Hiding is only so nobody is
 * offered what they cannot use: the API refuses the channel itself.
 */
const MAIN_CHANNEL: Readonly<Record<ViewId, Channel | 'everyone'>> = {
  start: 'everyone',
  cases: 'cases:list',
  reminders: 'reminders:due',
  shelters: 'shelters:list',
  kompotten: 'kompotten:members',
  /** Risk instruments: adding an organisation's licensed file. */
  instruments: 'risk:import-instrument',
  reports: 'reports:generate',
  /** Gallring: the preview is case numbers only; only team leads decide and purge. */
  retention: 'retention:preview',
  reference: 'everyone',
  audit: 'audit:verify',
  users: 'users:list',
  settings: 'everyone',
  about: 'everyone',
};

export function canSee(role: Role, view: ViewId): boolean {
  const main = MAIN_CHANNEL[view];
  return main === 'everyone' || ruleAllows(channels[main].access, role);
}

export function visibleViews(role: Role): ViewId[] {
  return VIEW_IDS.filter((view) => canSee(role, view));
}

export { rolesManagedBy } from '../../../core/contract';
