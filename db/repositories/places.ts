import { STOCKHOLM_MUNICIPALITY_CODE } from '../../core/contract';
import type { ReadDb } from '../handles';
import type { Place, PlaceRef } from '../../core/contract';
import type { PlacePoint } from '../../core/rules/safe-distance';

/** Every Stockholm district lies in Stockholm municipality; the reference table of districts does not say so. */

/** The key a place is known by in a name index. */
export function placeKey(kind: string, code: string): string {
  return `${kind}:${code}`;
}

/** A municipality as a point for the distance check, or null when the code is unknown. */
export async function findMunicipalityPoint(db: ReadDb, code: string): Promise<PlacePoint | null> {
  const m = await db.selectFrom('municipalities').selectAll().where('code', '=', code).executeTakeFirst();
  return m ? { kind: 'municipality', code: m.code, name: m.name, municipalityCode: m.code, countyCode: m.county_code, lat: m.lat, lon: m.lon } : null;
}

/** A Stockholm district as a point (in municipality 0180 and its county), or null when the slug is unknown. */
export async function findDistrictPoint(db: ReadDb, slug: string): Promise<PlacePoint | null> {
  const d = await db.selectFrom('districts').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!d) return null;
  const stockholm = await db.selectFrom('municipalities').select('county_code').where('code', '=', STOCKHOLM_MUNICIPALITY_CODE).executeTakeFirst();
  return {
    kind: 'district',
    code: d.slug,
    name: d.name,
    municipalityCode: STOCKHOLM_MUNICIPALITY_CODE,
    countyCode: stockholm?.county_code ?? '01',
    lat: d.lat,
    lon: d.lon,
  };
}

/** Resolves a place reference against the reference tables, or null when it names no known place. */
export async function findPlacePoint(db: ReadDb, ref: PlaceRef): Promise<PlacePoint | null> {
  return ref.kind === 'district' ? findDistrictPoint(db, ref.code) : findMunicipalityPoint(db, ref.code);
}

/** Names of the given places, keyed by placeKey, in two queries however many places there are. */
export async function placeNames(db: ReadDb, refs: readonly { kind: string; code: string }[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const municipalities = [...new Set(refs.filter((r) => r.kind === 'municipality').map((r) => r.code))];
  const districts = [...new Set(refs.filter((r) => r.kind === 'district').map((r) => r.code))];
  if (municipalities.length) {
    const rows = await db.selectFrom('municipalities').select(['code', 'name']).where('code', 'in', municipalities).execute();
    for (const r of rows) names.set(placeKey('municipality', r.code), r.name);
  }
  if (districts.length) {
    const rows = await db.selectFrom('districts').select(['slug', 'name']).where('slug', 'in', districts).execute();
    for (const r of rows) names.set(placeKey('district', r.slug), r.name);
  }
  return names;
}

/** A stored kind and code as a contract place; null when the row has no place. */
export function toPlace(kind: string | null, code: string | null, names: ReadonlyMap<string, string>): Place | null {
  if (kind === null || code === null) return null;
  // A place that left the reference data keeps its code as its name rather than vanishing.
  return { kind: kind as Place['kind'], code, name: names.get(placeKey(kind, code)) ?? code };
}

/** A resolved point as the contract's place. */
export function pointToPlace(point: PlacePoint): Place {
  return { kind: point.kind, code: point.code, name: point.name };
}
