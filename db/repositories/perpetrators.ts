import type { Selectable } from 'kysely';
import type { ReadDb, WriteDb } from '../handles';
import type { z } from 'zod';
import type { Perpetrator, PerpetratorInputSchema } from '../../core/contract';
import type { PerpetratorsTable } from '../schema';
import { insertAreas, replaceAreas, toArea, type AreaRowWithNames, type CheckedArea } from './perpetrator-areas';

export type PerpetratorRow = Selectable<PerpetratorsTable>;
/** A perpetrator's fields with areas already checked against the reference data. */
export type PerpetratorFields = Omit<z.output<typeof PerpetratorInputSchema>, 'areas'> & { areas: CheckedArea[] };

/** Maps a perpetrator row and its area rows to the contract type. */
export function toPerpetrator(row: PerpetratorRow, areas: readonly AreaRowWithNames[]): Perpetrator {
  return {
    id: row.id,
    caseId: row.case_id,
    name: row.name,
    relation: row.relation,
    collective: row.collective === 1,
    notes: row.notes,
    areas: areas.filter((a) => a.perpetrator_id === row.id).map(toArea),
  };
}

function toColumns(f: PerpetratorFields): Omit<PerpetratorRow, 'id' | 'case_id'> {
  return { name: f.name, relation: f.relation, collective: f.collective ? 1 : 0, notes: f.notes };
}

/** A case's perpetrators in the order they were added. */
export async function listPerpetrators(db: ReadDb, caseId: number): Promise<PerpetratorRow[]> {
  return db.selectFrom('perpetrators').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** One perpetrator, or undefined. */
export async function findPerpetrator(db: ReadDb, id: number): Promise<PerpetratorRow | undefined> {
  return db.selectFrom('perpetrators').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Adds a perpetrator with areas to a case and returns the new id. */
export async function insertPerpetrator(db: WriteDb, caseId: number, f: PerpetratorFields): Promise<number> {
  const r = await db
    .insertInto('perpetrators')
    .values({ case_id: caseId, ...toColumns(f) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertAreas(db, r.id, f.areas);
  return r.id;
}

/** Replaces a perpetrator's fields and, wholesale, its areas. */
export async function updatePerpetrator(db: WriteDb, id: number, f: PerpetratorFields): Promise<void> {
  await db.updateTable('perpetrators').set(toColumns(f)).where('id', '=', id).execute();
  await replaceAreas(db, id, f.areas);
}

/** Removes a perpetrator; the areas go with it (foreign key cascade). */
export async function deletePerpetrator(db: WriteDb, id: number): Promise<void> {
  await db.deleteFrom('perpetrators').where('id', '=', id).execute();
}
