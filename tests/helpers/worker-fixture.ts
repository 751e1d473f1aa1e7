import type { Kysely } from 'kysely';
import { DbError } from '../../db/errors';
import type { WorkerState } from '../../worker/worker-state';
import type { DB } from '../../db/schema';
import type { WriteDb } from '../../db/handles';
import { addUser, freshWorker, loginAs } from './casework';

/**
 * freshWorker, plus the session's database and user id that fixtures and assertions need. With
 * `asTeamLead`, the session is a team lead's (`lead`): administrators see no case content.
 */
export async function unlockedWorkerState(
  options: { asTeamLead?: boolean } = {},
): Promise<{ w: WorkerState; db: WriteDb; userId: number; cleanup: () => void }> {
  const { w, cleanup } = await freshWorker();
  if (options.asTeamLead) {
    await addUser(w, 'lead', 'team_lead', 'Lena Gruppledare (fiktiv)');
    await loginAs(w, 'lead');
  }
  const s = w.active.requireSession();
  return { w, db: s.db, userId: s.user.id, cleanup };
}

/** The DbError code a promise rejects with, or 'resolved' (so a missing refusal reads clearly in a diff). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    if (err instanceof DbError) return err.code;
    throw err;
  }
}

/** Audit rows of the store, oldest first, without the hash columns. */
export async function auditRows(db: Kysely<DB>): Promise<{ action: string; entity: string; entity_id: string | null; user_id: number | null }[]> {
  return db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'user_id']).orderBy('seq').execute();
}
