import { sql } from 'kysely';
import type { ReadDb } from '../handles';
import type { County, District, Municipality } from '../../core/contract';

/** The 21 counties in code order. */
export async function listCounties(db: ReadDb): Promise<County[]> {
  const rows = await db.selectFrom('counties').selectAll().orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, letterCode: r.letter_code }));
}

/** All municipalities in code order. */
export async function listMunicipalities(db: ReadDb): Promise<Municipality[]> {
  const rows = await db.selectFrom('municipalities').selectAll().orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, countyCode: r.county_code, lat: r.lat, lon: r.lon }));
}

/** Stockholm's districts by name, in Swedish order (sv_sort_key: Å, Ä, Ö after Z). */
export async function listDistricts(db: ReadDb): Promise<District[]> {
  const rows = await db
    .selectFrom('districts')
    .selectAll()
    .orderBy(sql`sv_sort_key(name)`)
    .execute();
  return rows.map((r) => ({ slug: r.slug, name: r.name, lat: r.lat, lon: r.lon }));
}
