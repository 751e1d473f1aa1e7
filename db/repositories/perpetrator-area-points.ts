import { STOCKHOLM_MUNICIPALITY_CODE } from '../../core/contract';
import type { ReadDb } from '../handles';
import type { PlacePoint } from '../../core/rules/safe-distance';

/** One known perpetrator area as a point on the map. */
export interface PerpetratorAreaPoint {
  perpetratorId: number;
  perpetratorName: string;
  area: PlacePoint;
}

/** Every known area of every perpetrator in a case; an area with a district is placed at the district, else at the municipality. */
export async function listPerpetratorAreaPoints(db: ReadDb, caseId: number): Promise<PerpetratorAreaPoint[]> {
  const rows = await db
    .selectFrom('perpetrator_areas as pa')
    .innerJoin('perpetrators as p', 'p.id', 'pa.perpetrator_id')
    .leftJoin('districts as d', 'd.slug', 'pa.district_slug')
    .leftJoin('municipalities as m', 'm.code', 'pa.municipality_code')
    .select([
      'p.id as perpetratorId',
      'p.name as perpetratorName',
      'd.slug as districtSlug',
      'd.name as districtName',
      'd.lat as districtLat',
      'd.lon as districtLon',
      'm.code as municipalityCode',
      'm.name as municipalityName',
      'm.county_code as countyCode',
      'm.lat as municipalityLat',
      'm.lon as municipalityLon',
    ])
    .where('p.case_id', '=', caseId)
    .orderBy('p.id')
    .orderBy('pa.id')
    .execute();
  const stockholm = await db.selectFrom('municipalities').select('county_code').where('code', '=', STOCKHOLM_MUNICIPALITY_CODE).executeTakeFirst();
  const points: PerpetratorAreaPoint[] = [];
  for (const r of rows) {
    const base = { perpetratorId: r.perpetratorId, perpetratorName: r.perpetratorName };
    if (r.districtSlug !== null && r.districtName !== null && r.districtLat !== null && r.districtLon !== null) {
      points.push({
        ...base,
        area: {
          kind: 'district',
          code: r.districtSlug,
          name: r.districtName,
          municipalityCode: STOCKHOLM_MUNICIPALITY_CODE,
          countyCode: stockholm?.county_code ?? '01',
          lat: r.districtLat,
          lon: r.districtLon,
        },
      });
    } else if (
      r.municipalityCode !== null &&
      r.municipalityName !== null &&
      r.countyCode !== null &&
      r.municipalityLat !== null &&
      r.municipalityLon !== null
    ) {
      points.push({
        ...base,
        area: {
          kind: 'municipality',
          code: r.municipalityCode,
          name: r.municipalityName,
          municipalityCode: r.municipalityCode,
          countyCode: r.countyCode,
          lat: r.municipalityLat,
          lon: r.municipalityLon,
        },
      });
    }
  }
  return points;
}
