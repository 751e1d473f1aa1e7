import type { ReadDb } from '../handles';

/** Which of the given SCB municipality codes exist in the reference data. */
export async function knownMunicipalityCodes(db: ReadDb, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('municipalities')
    .select('code')
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** Which of the given Stockholm district slugs exist in the reference data. */
export async function knownDistrictSlugs(db: ReadDb, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db
    .selectFrom('districts')
    .select('slug')
    .where('slug', 'in', [...new Set(slugs)])
    .execute();
  return new Set(rows.map((r) => r.slug));
}
