import type { ReadDb, WriteDb } from '../handles';
import type { Role, User } from '../../core/contract';
import type { NewUser, UserRow } from '../schema';

/** Maps a users row to the contract type; the wrapped key never leaves db/. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

/** All users, enabled first, then by username. */
export async function listUsers(db: ReadDb): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('disabled_at').orderBy('username').execute();
}

/** One user by login name, or undefined. */
export async function findUserByUsername(db: ReadDb, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

/** Inserts a user and returns the stored row. */
export async function insertUser(db: WriteDb, user: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

/** Stores the user's new key-file slot copy after a passphrase change or recovery. */
export async function updateWrappedKey(db: WriteDb, userId: number, wrappedKey: string): Promise<void> {
  await db.updateTable('users').set({ wrapped_key: wrappedKey }).where('id', '=', userId).execute();
}

/** Marks a user disabled; the row stays for the audit trail. */
export async function disableUser(db: ReadDb, userId: number, at: Date): Promise<UserRow> {
  return db.updateTable('users').set({ disabled_at: at.toISOString() }).where('id', '=', userId).returningAll().executeTakeFirstOrThrow();
}

/** Counts enabled users holding a role (used to keep at least one administrator). */
export async function countEnabledWithRole(db: ReadDb, role: Role): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', role)
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
