import type { Insertable, Selectable } from 'kysely';
import type { ReadDb, WriteDb } from '../handles';
import type { Shelter } from '../../core/contract';
import { permitStatusOn } from '../../core/rules/shelter-permit';
import type { ShelterPermit } from '../../core/rules/shelter-permit';
import type { SheltersTable } from '../schema';

const byName = new Intl.Collator('sv');

export type ShelterRow = Selectable<SheltersTable>;
export type NewShelter = Insertable<SheltersTable>;

/** A shelter row with what is joined or counted for display. */
export interface ShelterListRow extends ShelterRow {
  municipality_name: string;
  occupied_adults: number;
  occupied_children: number;
}

/** The register entry's IVO permit, as the rule in core/rules/shelter-permit.ts reads it. */
export function permitOf(row: Pick<ShelterRow, 'ivo_kind' | 'ivo_valid_until'>): ShelterPermit {
  return { ivoKind: row.ivo_kind, ivoValidUntil: row.ivo_valid_until };
}

/** Maps a shelter row to the contract type, with its permit status on `today`. */
export function toShelter(row: ShelterListRow, today: string): Shelter {
  return {
    id: row.id,
    name: row.name,
    operator: row.operator,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    ivoKind: row.ivo_kind,
    ivoNumber: row.ivo_number,
    ivoValidUntil: row.ivo_valid_until,
    permitStatus: permitStatusOn(permitOf(row), today),
    capacityAdults: row.capacity_adults,
    capacityChildren: row.capacity_children,
    specialisations: JSON.parse(row.specialisations) as Shelter['specialisations'],
    languages: row.languages,
    contact: row.contact,
    occupancy: { adults: Number(row.occupied_adults), children: Number(row.occupied_children) },
  };
}

/** Shelters with their municipality and the placements open on `today` (adults: the case's own steps; children: a child's). */
export async function listShelterRows(db: ReadDb, today: string, id?: number): Promise<ShelterListRow[]> {
  let q = db
    .selectFrom('shelters as s')
    .innerJoin('municipalities as m', 'm.code', 's.municipality_code')
    .selectAll('s')
    .select('m.name as municipality_name')
    .select((eb) => [
      eb
        .selectFrom('housing_steps as h')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('h.shelter_id', '=', 's.id')
        .where('h.child_id', 'is', null)
        .where('h.start_date', '<=', today)
        .where((w) => w.or([w('h.end_date', 'is', null), w('h.end_date', '>=', today)]))
        .as('occupied_adults'),
      eb
        .selectFrom('housing_steps as h')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('h.shelter_id', '=', 's.id')
        .where('h.child_id', 'is not', null)
        .where('h.start_date', '<=', today)
        .where((w) => w.or([w('h.end_date', 'is', null), w('h.end_date', '>=', today)]))
        .as('occupied_children'),
    ]);
  if (id !== undefined) q = q.where('s.id', '=', id);
  const rows = await q.orderBy('s.id').execute();
  return rows
    .map((r) => ({ ...r, occupied_adults: Number(r.occupied_adults ?? 0), occupied_children: Number(r.occupied_children ?? 0) }))
    .sort((a, b) => byName.compare(a.name, b.name));
}

/** One shelter's row (without occupancy), or undefined. */
export async function findShelterRow(db: ReadDb, id: number): Promise<ShelterRow | undefined> {
  return db.selectFrom('shelters').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a shelter and returns its id. */
export async function insertShelter(db: WriteDb, shelter: NewShelter): Promise<number> {
  const r = await db.insertInto('shelters').values(shelter).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Replaces a shelter's register entry. */
export async function updateShelter(db: WriteDb, id: number, shelter: Omit<NewShelter, 'id'>): Promise<void> {
  await db.updateTable('shelters').set(shelter).where('id', '=', id).execute();
}
