import type { ReadDb } from '../db/handles';
import type { CaseDetail } from '../core/contract';
import { maskCaseDetail } from '../core/rules/protected-fields';
import { DbError } from '../db/errors';
import type { WorkerState } from './state';
import { appendAudit, type AuditSink } from '../db/repositories/audit-log';
import { loadCaseDetail } from '../db/repositories/case-detail';
import { caseReveal } from './protection';

/** The case as the contract shows it to this session (protected fields masked unless revealed), or not_found. */
export async function requireCaseDetail(w: WorkerState, db: ReadDb, id: number): Promise<CaseDetail> {
  const detail = await loadCaseDetail(db, id);
  if (!detail) throw new DbError('not_found', 'The case does not exist. It may have been removed; reload the case list.').because('case_missing');
  const reveal = await caseReveal(w, db, id);
  const shown = { ...detail, reveal };
  return reveal.masked ? maskCaseDetail(shown) : shown;
}

/** The case as this session may see it, with the read's audit row; inside the caller's transaction. */
export async function readCaseDetail(w: WorkerState, trx: ReadDb, id: number, audit: AuditSink = appendAudit): Promise<CaseDetail> {
  const s = w.active.requireSession();
  const detail = await requireCaseDetail(w, trx, id);
  await audit(trx, { userId: s.user.id, role: s.user.role, action: 'read', entity: 'case', entityId: id });
  return detail;
}
