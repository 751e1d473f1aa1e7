import type { Role } from '../../core/contract';
import { DbError } from '../errors';
import { CASE_ROLES } from './case-access';

/** Who manages user accounts. */
export const USER_MANAGER_ROLES: readonly Role[] = ['administrator', 'team_lead'];

/**
 * Refuses a team lead creating or disabling an administrator's or auditor's account: those roles
 * run the installation and review the team's log, so only an administrator manages them.
 */
export function assertManages(actor: Role, target: Role): void {
  if (actor === 'administrator') return;
  if (actor === 'team_lead' && CASE_ROLES.includes(target)) return;
  throw new DbError('forbidden', 'Only an administrator can manage administrator and auditor accounts. Ask your administrator.').because('admin_only_accounts');
}
