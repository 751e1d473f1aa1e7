import type { Insertable, Selectable } from 'kysely';
import type { ReadDb, WriteDb } from '../handles';
import type { HousingStep } from '../../core/contract';
import type { StepSpan } from '../../core/rules/housing-overlap';
import type { HousingStepsTable } from '../schema';
import { toPlace } from './places';

export type HousingStepRow = Selectable<HousingStepsTable>;
export type NewHousingStep = Insertable<HousingStepsTable>;

/** A step row with the names joined for display. */
export interface HousingStepListRow extends HousingStepRow {
  child_name: string | null;
  shelter_name: string | null;
}

function stepsQuery(db: ReadDb) {
  return db
    .selectFrom('housing_steps as h')
    .leftJoin('children as c', 'c.id', 'h.child_id')
    .leftJoin('shelters as s', 's.id', 'h.shelter_id')
    .selectAll('h')
    .select(['c.name as child_name', 's.name as shelter_name']);
}

/** A case's steps: the case's own chain first, then each child's, each by start date. */
export async function listHousingStepRows(db: ReadDb, caseId: number): Promise<HousingStepListRow[]> {
  return stepsQuery(db)
    .where('h.case_id', '=', caseId)
    .orderBy((eb) => eb('h.child_id', 'is not', null))
    .orderBy('h.child_id')
    .orderBy('h.start_date')
    .orderBy('h.id')
    .execute();
}

/** One step with its names, or undefined. */
export async function findHousingStepRow(db: ReadDb, id: number): Promise<HousingStepListRow | undefined> {
  return stepsQuery(db).where('h.id', '=', id).executeTakeFirst();
}

/** The spans of a case's steps, for the overlap rule. */
export async function listStepSpans(db: ReadDb, caseId: number): Promise<(StepSpan & { id: number; kind: HousingStepsTable['kind'] })[]> {
  const rows = await db
    .selectFrom('housing_steps')
    .select(['id', 'child_id', 'kind', 'start_date', 'end_date', 'parallel'])
    .where('case_id', '=', caseId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, childId: r.child_id, kind: r.kind, startDate: r.start_date, endDate: r.end_date, parallel: r.parallel === 1 }));
}

/** Inserts a step and returns its id. */
export async function insertHousingStep(db: WriteDb, step: NewHousingStep): Promise<number> {
  const r = await db.insertInto('housing_steps').values(step).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Replaces a step's editable fields; who created it and when stay. */
export async function updateHousingStep(db: WriteDb, id: number, step: Omit<NewHousingStep, 'id' | 'case_id' | 'created_by' | 'created_at'>): Promise<void> {
  await db.updateTable('housing_steps').set(step).where('id', '=', id).execute();
}

/** Maps a step row and the names of its places to the contract type. */
export function toHousingStep(row: HousingStepListRow, names: ReadonlyMap<string, string>): HousingStep {
  return {
    id: row.id,
    caseId: row.case_id,
    childId: row.child_id,
    childName: row.child_name,
    kind: row.kind,
    startDate: row.start_date,
    endDate: row.end_date,
    provider: row.provider,
    shelterId: row.shelter_id,
    shelterName: row.shelter_name,
    place: toPlace(row.place_kind, row.place_code, names),
    costPerDay: row.cost_per_day,
    outcome: row.outcome,
    obstacles: JSON.parse(row.obstacles) as HousingStep['obstacles'],
    obstacleNote: row.obstacle_note,
    parallel: row.parallel === 1,
    permitOverrideReason: row.permit_override_reason,
  };
}
