import { sql } from 'kysely';
import type { ReadDb } from '../handles';
import type { FailedUnlocks } from '../../core/contract';

/**
 * Failed unlocks logged against each user since their last successful unlock or recovery: the
 * `failed_unlock` rows naming them (a known slot's attempts are attributed when they move into
 * the log) with no later `unlock` or `recover` of theirs. Found by the action index, then each
 * row's user by the (user, seq) index, so it stays quick in a large log.
 */
export async function loggedFailedUnlocks(db: ReadDb): Promise<Map<number, FailedUnlocks>> {
  const rows = await sql<{ user_id: number; n: number; last: string }>`
    SELECT f.user_id, count(*) AS n, max(f.at) AS last
    FROM audit_log f
    WHERE f.action = 'failed_unlock' AND f.user_id IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM audit_log u
        WHERE u.user_id = f.user_id AND u.seq > f.seq AND u.action IN ('unlock', 'recover') AND u.outcome = 'ok'
      )
    GROUP BY f.user_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.user_id, { count: Number(r.n), lastAt: r.last }]));
}

/** Adds attempts not yet in the log (newer than any logged row) to the logged counts. */
export function withPendingFailures(
  logged: ReadonlyMap<number, FailedUnlocks>,
  pending: readonly { userId: number; at: string }[],
): Map<number, FailedUnlocks> {
  const all = new Map(logged);
  for (const p of pending) {
    const had = all.get(p.userId);
    const lastAt = had?.lastAt && had.lastAt > p.at ? had.lastAt : p.at;
    all.set(p.userId, { count: (had?.count ?? 0) + 1, lastAt });
  }
  return all;
}
