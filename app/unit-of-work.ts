import type { Role, SessionUser } from '../core/contract';
import { appendAudit, type AuditEntry } from '../db/repositories/audit-log';
import { writable, type WriteDb } from '../db/handles';
import type { WorkerState } from './state';

/** An audit row as an operation writes it: the session's user and role are filled in. */
export type AuditRow = Omit<AuditEntry, 'userId' | 'role'>;

/** What an operation gets inside its transaction: the transaction, the session's user, and its audit. */
export interface UnitOfWork {
  readonly w: WorkerState;
  readonly trx: WriteDb;
  readonly user: SessionUser;
  /** Appends a row to the audit chain in this transaction, as the session's user and role. */
  audit(row: AuditRow): Promise<number>;
}

/**
 * An operation that runs in one transaction of the active session (the role list, when given,
 * checked first): `requireSession` + `transaction().execute` + the audit's user and role, once.
 * Extra arguments (a test's or the demo's clock) are passed on.
 */
export function inTransaction<I, O, R extends unknown[]>(
  fn: (u: UnitOfWork, input: I, ...rest: R) => Promise<O>,
  roles?: readonly Role[],
): (w: WorkerState, input: I, ...rest: R) => Promise<O> {
  return async (w, input, ...rest) => {
    const s = w.active.requireSession(roles);
    const user = s.user;
    return s.db.transaction().execute((tx) => {
      const trx = writable(tx);
      return fn({ w, trx, user, audit: (row) => appendAudit(trx, { userId: user.id, role: user.role, ...row }) }, input, ...rest);
    });
  };
}
