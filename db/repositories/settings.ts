import type { ReadDb, WriteDb } from '../handles';

/** Reads a JSON setting, or the fallback when it is absent or unreadable. */
export async function getSetting<T>(db: ReadDb, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

/** Writes a JSON setting, replacing any earlier value. */
export async function setSetting(db: WriteDb, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}
