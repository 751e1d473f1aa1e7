import type { Role } from '../../core/contract';
import { withAuditCase } from '../audit/context';
import { DbError } from '../errors';
import { appendAudit } from '../repositories/audit-log';
import type { Store } from '../store/store';
import { caseAccess, DENIED_REASONS, deniedMessage } from './case-access';
import type { CaseScope } from '../../core/contract';
import { isCaseScope, resolveCaseScope } from './case-scope';

// Operations that only read: a refused attempt is logged as a read, an export as an export,
// anything else as an update.
const READ_OPERATION = /:(list|get|compare|check-destination|shares|requests|case-extract)$/;
const EXPORT_OPERATION = /-export$/;

/**
 * Runs a case-scoped operation: the role rule first, then the case the scope names must be one
 * the user may open. A refusal is logged (outcome denied, with the case, without content) and
 * answered with forbidden; a scope naming nothing lets the operation answer not_found itself.
 * The operation runs with its case as the audit context, so every row it writes names the case.
 */
export async function runInCaseScope<T>(store: Store, roles: readonly Role[], scope: CaseScope | null, op: string, run: () => Promise<T>): Promise<T> {
  const s = store.requireSession(roles);
  if (scope === null) return withAuditCase(null, run);
  if (!isCaseScope(scope))
    throw new DbError('invalid_input', 'The request does not say which case it concerns. Reload and try again.').because('scope_missing');
  const resolved = await resolveCaseScope(s.db, scope);
  if (resolved.kind === 'missing' || resolved.caseId === null) return withAuditCase(null, run);
  const caseId = resolved.caseId;
  const access = await caseAccess(s.db, s.user, caseId);
  if (access !== 'open') {
    await appendAudit(s.db, {
      userId: s.user.id,
      role: s.user.role,
      action: READ_OPERATION.test(op) ? 'read' : EXPORT_OPERATION.test(op) ? 'export' : 'update',
      // The log names the operation as it always has (`journal.update-draft`), so old and new rows read alike.
      entity: op.replace(':', '.'),
      entityId: Object.values(scope)[0] ?? null,
      outcome: 'denied',
      caseId,
    });
    throw new DbError('forbidden', deniedMessage(access)).because(DENIED_REASONS[access]);
  }
  return withAuditCase(caseId, run);
}
