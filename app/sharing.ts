import type { ReadDb } from '../db/handles';
import type { z } from 'zod';
import type { ByCaseInput, CaseShares, ShareInputSchema } from '../core/contract';
import { DbError } from '../db/errors';
import type { WorkerState } from './state';
import { inTransaction } from './unit-of-work';
import { isEnabledCaseUser } from '../db/repositories/assignees';
import { appendAudit, type AuditSink } from '../db/repositories/audit-log';
import { deleteCaseShare, insertCaseShare, loadCaseShares } from '../db/repositories/case-shares';
import { requireCase } from './case-rules';

type ShareInput = z.output<typeof ShareInputSchema>;

/** Who is named on a known case, with the read's audit row; inside the caller's transaction. */
export async function readCaseShares(w: WorkerState, trx: ReadDb, caseId: number, audit: AuditSink = appendAudit): Promise<CaseShares> {
  const s = w.active.requireSession();
  const shares = await loadCaseShares(trx, caseId);
  await audit(trx, { userId: s.user.id, role: s.user.role, action: 'read', entity: 'case_shares', entityId: caseId });
  return shares;
}

/**
 * Case sharing: who is named on a case, naming a colleague and taking the name off. Whoever may
 * open the case may share it (the worker has checked that before these run); reassigning a case
 * keeps its shares. A change that changes nothing writes nothing.
 */
export const sharingOps = {
  'cases:shares': inTransaction(async ({ w, trx }, input: z.output<typeof ByCaseInput>): Promise<CaseShares> => {
    await requireCase(trx, input.caseId);
    return readCaseShares(w, trx, input.caseId);
  }),

  'cases:share': inTransaction(async ({ trx, user, audit }, input: ShareInput): Promise<CaseShares> => {
    await requireCase(trx, input.caseId);
    if (!(await isEnabledCaseUser(trx, input.userId))) {
      throw new DbError('invalid_input', 'A case can only be shared with an active caseworker or team lead. Choose someone from the list.', undefined, [
        { path: ['userId'], message: 'share_not_case_user' },
      ]).because('share_not_case_user');
    }
    if (await insertCaseShare(trx, { caseId: input.caseId, userId: input.userId, grantedBy: user.id, at: new Date() })) {
      await audit({ action: 'share', entity: 'case_share', entityId: input.userId, caseId: input.caseId });
    }
    return loadCaseShares(trx, input.caseId);
  }),

  'cases:unshare': inTransaction(async ({ trx, audit }, input: ShareInput): Promise<CaseShares> => {
    await requireCase(trx, input.caseId);
    if (await deleteCaseShare(trx, input.caseId, input.userId)) {
      await audit({ action: 'unshare', entity: 'case_share', entityId: input.userId, caseId: input.caseId });
    }
    return loadCaseShares(trx, input.caseId);
  }),
} as const;
