import { CASEWORK } from '../../core/contract';
import type { ReadDb } from '../handles';

/** True when the user is enabled and works with cases (caseworker or team lead), so they can be named on a case. */
export async function isEnabledCaseUser(db: ReadDb, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .where('role', 'in', CASEWORK)
    .executeTakeFirst();
  return row !== undefined;
}
