import type { Selectable } from 'kysely';
import type { ReadDb, WriteDb } from '../handles';
import type { Area } from '../../core/contract';
import type { PerpetratorAreasTable } from '../schema';

/** An area after checking: codes known, a district already paired with Stockholm's code. */
export interface CheckedArea {
  municipalityCode: string | null;
  districtSlug: string | null;
  description: string;
}

export type AreaRowWithNames = Selectable<PerpetratorAreasTable> & { municipality_name: string | null; district_name: string | null };

/** Maps an area row with its place names to the contract type. */
export function toArea(row: AreaRowWithNames): Area {
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    districtSlug: row.district_slug,
    districtName: row.district_name,
    description: row.description,
  };
}

/** Adds areas to a perpetrator. */
export async function insertAreas(db: WriteDb, perpetratorId: number, areas: readonly CheckedArea[]): Promise<void> {
  if (areas.length === 0) return;
  await db
    .insertInto('perpetrator_areas')
    .values(
      areas.map((a) => ({ perpetrator_id: perpetratorId, municipality_code: a.municipalityCode, district_slug: a.districtSlug, description: a.description })),
    )
    .execute();
}

/** Replaces all of a perpetrator's areas with the given list. */
export async function replaceAreas(db: WriteDb, perpetratorId: number, areas: readonly CheckedArea[]): Promise<void> {
  await db.deleteFrom('perpetrator_areas').where('perpetrator_id', '=', perpetratorId).execute();
  await insertAreas(db, perpetratorId, areas);
}

/** Every area of every perpetrator in a case, with place names, in one query. */
export async function listAreasForCase(db: ReadDb, caseId: number): Promise<AreaRowWithNames[]> {
  return db
    .selectFrom('perpetrator_areas as a')
    .innerJoin('perpetrators as p', 'p.id', 'a.perpetrator_id')
    .leftJoin('municipalities as m', 'm.code', 'a.municipality_code')
    .leftJoin('districts as d', 'd.slug', 'a.district_slug')
    .selectAll('a')
    .select(['m.name as municipality_name', 'd.name as district_name'])
    .where('p.case_id', '=', caseId)
    .orderBy('a.id')
    .execute();
}
