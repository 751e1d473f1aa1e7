import type { Insertable, Selectable } from 'kysely';
import type { ReadDb, WriteDb } from '../handles';
import { SafeDistanceCheckSchema, type Move, type SafeDistanceCheck } from '../../core/contract';
import type { MoveStatus } from '../../core/rules/move-workflow';
import type { MovesTable, MoveTransitionsTable } from '../schema';
import { toPlace } from './places';

export type MoveRow = Selectable<MovesTable>;
export type NewMove = Insertable<MovesTable>;
export type NewMoveTransition = Insertable<MoveTransitionsTable>;

/** A recorded status change with the name of whoever recorded it. */
export interface MoveTransitionRow {
  moveId: number;
  status: MoveTransitionsTable['status'];
  date: string;
  recordedBy: string;
  recordedAt: string;
}

/** Inserts a move and returns the stored row. */
export async function insertMove(db: WriteDb, move: NewMove): Promise<MoveRow> {
  return db.insertInto('moves').values(move).returningAll().executeTakeFirstOrThrow();
}

/** One move, or undefined. */
export async function findMoveRow(db: ReadDb, id: number): Promise<MoveRow | undefined> {
  return db.selectFrom('moves').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A case's moves in the order they were planned. */
export async function listMoveRows(db: ReadDb, caseId: number): Promise<MoveRow[]> {
  return db.selectFrom('moves').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** Sets a move's status, and the check and override reason when they changed with it. */
export async function updateMoveStatus(
  db: ReadDb,
  id: number,
  change: { status: MoveStatus; checkJson?: string; overrideReason?: string | null },
): Promise<void> {
  await db
    .updateTable('moves')
    .set({
      status: change.status,
      ...(change.checkJson === undefined ? {} : { check_json: change.checkJson }),
      ...(change.overrideReason === undefined ? {} : { override_reason: change.overrideReason }),
    })
    .where('id', '=', id)
    .execute();
}

/** Records one status change. */
export async function insertMoveTransition(db: WriteDb, transition: NewMoveTransition): Promise<void> {
  await db.insertInto('move_transitions').values(transition).execute();
}

/** The transitions of the given moves, oldest first, with who recorded them. */
export async function listMoveTransitions(db: ReadDb, moveIds: readonly number[]): Promise<MoveTransitionRow[]> {
  if (moveIds.length === 0) return [];
  return db
    .selectFrom('move_transitions as t')
    .innerJoin('users as u', 'u.id', 't.recorded_by')
    .select(['t.move_id as moveId', 't.status', 't.date', 'u.display_name as recordedBy', 't.recorded_at as recordedAt'])
    .where('t.move_id', 'in', moveIds)
    .orderBy('t.id')
    .execute();
}

/** The stored check as the contract shape; the column is written only from that shape. */
export function parseCheck(json: string): SafeDistanceCheck {
  return SafeDistanceCheckSchema.parse(JSON.parse(json));
}

/** Maps a move row, its transitions and the names of its places to the contract type. */
export function toMove(row: MoveRow, transitions: readonly MoveTransitionRow[], names: ReadonlyMap<string, string>): Move {
  const to = toPlace(row.to_kind, row.to_code, names);
  if (!to) throw new Error('move without destination');
  return {
    id: row.id,
    caseId: row.case_id,
    from: toPlace(row.from_kind, row.from_code, names),
    to,
    route: row.route,
    status: row.status,
    receivingContact: row.receiving_contact,
    notes: row.notes,
    check: parseCheck(row.check_json),
    overrideReason: row.override_reason,
    transitions: transitions
      .filter((t) => t.moveId === row.id)
      .map((t) => ({ status: t.status, date: t.date, recordedBy: t.recordedBy, recordedAt: t.recordedAt })),
  };
}
