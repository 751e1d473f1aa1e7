import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { PendingAttempt } from './throttle';

/**
 * The ids of pending attempts already in the audit log: a move into the log cut short after its
 * commit but before the file was removed leaves them in the file. Read by the (action, at) index
 * from the oldest pending attempt's time on, so it stays small whatever the log's size.
 */
export async function loggedAttemptIds(db: Kysely<DB>, pending: readonly PendingAttempt[]): Promise<Set<string>> {
  const ids = pending.flatMap((a) => (a.id === undefined ? [] : [a.id]));
  if (ids.length === 0) return new Set();
  const since = pending.reduce((min, a) => (a.at < min ? a.at : min), pending[0]?.at ?? '');
  const rows = await db
    .selectFrom('audit_log')
    .select('entity_id')
    .where('action', 'in', ['failed_unlock', 'failed_recover'])
    .where('at', '>=', new Date(since).toISOString())
    .where('entity_id', 'in', ids)
    .execute();
  return new Set(rows.flatMap((r) => (r.entity_id === null ? [] : [r.entity_id])));
}
