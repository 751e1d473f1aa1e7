import type { ReadDb } from '../handles';

/** The protection level of each of the given cases that exists, by case id. */
export async function protectionLevels(db: ReadDb, caseIds: readonly number[]): Promise<Map<number, string>> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'protection_level']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.protection_level]));
}
