import { damagedError, DbError, diskFullError, isDamageError, isDiskFullError } from '../db/errors';
import type { WireError } from './protocol';
import type { WorkerState } from './worker-state';

/** An operation's failure as it crosses to the main side: its code and a message the user can act on. */
export function toWireError(err: unknown, op: string): WireError {
  if (err instanceof DbError) {
    const wire: WireError = { code: err.code, message: err.message };
    if (err.retryAfterSeconds !== undefined) wire.retryAfterSeconds = err.retryAfterSeconds;
    if (err.issues !== undefined) wire.issues = err.issues;
    if (err.space) Object.assign(wire, err.space);
    if (err.reason !== undefined) wire.reason = err.reason;
    if (err.params !== undefined) wire.params = err.params;
    return wire;
  }
  // Only the kind of failure is logged: messages can carry values, and values can be personal data.
  const e = err as { name?: string; code?: string };
  console.error(`[fristad-db] operation ${op} failed: ${e.name ?? 'Error'}${e.code ? ` (${e.code})` : ''}`);
  return {
    code: 'internal',
    message: 'Something went wrong in the database. Your last change may not have been saved; try again, and restart Fristad if it keeps happening.',
  };
}

/**
 * The answer to a failed operation. When SQLite found a bad page (its HMAC fails) or a malformed
 * b-tree, the store is closed and marked damaged at once, rather than go on showing whatever else
 * the file still answers; the user is told what to do.
 */
export function failureAnswer(state: WorkerState, err: unknown, op: string): WireError {
  // A full disk is no damage: nothing acknowledged is lost, and writing resumes once there is room.
  if (!(err instanceof DbError) && isDiskFullError(err)) {
    const paths = state.active.paths;
    return toWireError(diskFullError(paths.dir, `${paths.db}-wal`), op);
  }
  if (err instanceof DbError || !isDamageError(err)) return toWireError(err, op);
  try {
    state.active.markDamaged();
  } catch {
    // The marker could not be written; the refusal still tells the user.
  }
  return toWireError(damagedError(), op);
}
