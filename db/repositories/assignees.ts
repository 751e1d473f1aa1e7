import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/** True when the user exists and is not disabled, so a case may be assigned to them. */
export async function isEnabledUser(db: Kysely<DB>, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', userId).where('disabled_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}
