import { rolesManagedBy } from '../../core/contract';
import type { Role } from '../../core/contract';
import { DbError } from '../errors';

/**
 * Refuses a team lead creating or disabling an administrator's or auditor's account: those roles
 * run the installation and review the team's log, so only an administrator manages them.
 */
export function assertManages(actor: Role, target: Role): void {
  if (rolesManagedBy(actor).includes(target)) return;
  throw new DbError('forbidden', 'Only an administrator can manage administrator and auditor accounts. Ask your administrator.').because('admin_only_accounts');
}
