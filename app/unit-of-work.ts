import type { Role, SessionUser } from '../core/contract';
import { appendAudit, type AuditEntry } from '../db/repositories/audit-log';
import { writable, type ReadDb, type WriteDb } from '../db/handles';
import type { Store } from '../db/store/store';
import type { WorkerState } from './state';

/** An audit row as an operation writes it: the session's user and role are filled in. */
export type AuditRow = Omit<AuditEntry, 'userId' | 'role'>;

/** The active session, for the few operations that need its keys (the log sample's key). */
export type ActiveSession = ReturnType<Store['requireSession']>;

/** The roles allowed: a fixed list, or one chosen by the input (a scope, a printed entity). */
export type RolesOf<I> = readonly Role[] | ((input: I) => readonly Role[] | undefined);

/** What an operation gets inside its transaction: the transaction, the session's user, and its audit. */
export interface UnitOfWork {
  readonly w: WorkerState;
  readonly trx: WriteDb;
  readonly user: SessionUser;
  readonly session: ActiveSession;
  /** Appends a row to the audit chain in this transaction, as the session's user and role. */
  audit(row: AuditRow): Promise<number>;
}

/** What an operation that reads outside a transaction gets: the connection, the user, and the Store's audit. */
export interface AuditedRead {
  readonly w: WorkerState;
  readonly db: ReadDb;
  readonly user: SessionUser;
  readonly session: ActiveSession;
  /** Appends a row to the audit chain on its own, as the session's user and role. */
  audit(row: AuditRow): Promise<void>;
}

function sessionFor<I>(w: WorkerState, input: I, roles: RolesOf<I> | undefined): ActiveSession {
  return w.active.requireSession(typeof roles === 'function' ? roles(input) : roles);
}

/**
 * An operation that runs in one transaction of the active session (the role list, when given,
 * checked first): `requireSession` + `transaction().execute` + the audit's user and role, once.
 * Extra arguments (a test's or the demo's clock) are passed on.
 */
export function inTransaction<I, O, R extends unknown[]>(
  fn: (u: UnitOfWork, input: I, ...rest: R) => Promise<O>,
  roles?: RolesOf<I>,
): (w: WorkerState, input: I, ...rest: R) => Promise<O> {
  return async (w, input, ...rest) => {
    const session = sessionFor(w, input, roles);
    const user = session.user;
    return session.db.transaction().execute((tx) => {
      const trx = writable(tx);
      return fn({ w, trx, user, session, audit: (row) => appendAudit(trx, { userId: user.id, role: user.role, ...row }) }, input, ...rest);
    });
  };
}

/**
 * An operation of the active session that reads outside a transaction and writes only its audit
 * row, through the Store (the role list, when given, checked first).
 */
export function audited<I, O>(fn: (u: AuditedRead, input: I) => Promise<O>, roles?: RolesOf<I>): (w: WorkerState, input: I) => Promise<O> {
  return async (w, input) => {
    const session = sessionFor(w, input, roles);
    return fn({ w, db: session.db, user: session.user, session, audit: (row) => w.active.audit(row) }, input);
  };
}
