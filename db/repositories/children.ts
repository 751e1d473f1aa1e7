import type { Selectable } from 'kysely';
import type { ReadDb, WriteDb } from '../handles';
import type { z } from 'zod';
import type { Child, ChildInputSchema } from '../../core/contract';
import type { ChildrenTable } from '../schema';

export type ChildRow = Selectable<ChildrenTable>;
export type ChildFields = z.output<typeof ChildInputSchema>;

/** Maps a children row to the contract type. */
export function toChild(row: ChildRow): Child {
  return { id: row.id, caseId: row.case_id, name: row.name, birthYear: row.birth_year, school: row.school, needs: row.needs, placement: row.placement };
}

function toColumns(f: ChildFields): Omit<ChildRow, 'id' | 'case_id'> {
  return { name: f.name, birth_year: f.birthYear, school: f.school, needs: f.needs, placement: f.placement };
}

/** A case's children in the order they were added. */
export async function listChildren(db: ReadDb, caseId: number): Promise<ChildRow[]> {
  return db.selectFrom('children').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** One child, or undefined. */
export async function findChild(db: ReadDb, id: number): Promise<ChildRow | undefined> {
  return db.selectFrom('children').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Adds a child to a case and returns the new id. */
export async function insertChild(db: WriteDb, caseId: number, f: ChildFields): Promise<number> {
  const r = await db
    .insertInto('children')
    .values({ case_id: caseId, ...toColumns(f) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Replaces a child's fields. */
export async function updateChild(db: WriteDb, id: number, f: ChildFields): Promise<void> {
  await db.updateTable('children').set(toColumns(f)).where('id', '=', id).execute();
}

/** Removes a child; the child's own housing steps go with it (foreign key cascade). */
export async function deleteChild(db: WriteDb, id: number): Promise<void> {
  await db.deleteFrom('children').where('id', '=', id).execute();
}
