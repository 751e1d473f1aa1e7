import type { ReadDb } from '../db/handles';
import type { PlaceRef } from '../core/contract';
import type { PlacePoint } from '../core/rules/safe-distance';
import { DbError } from '../db/errors';
import { findChild } from '../db/repositories/children';
import { findPlacePoint } from '../db/repositories/places';

/** Refuses a child that does not exist (not_found) or belongs to another case (invalid_input). */
export async function requireChildOfCase(db: ReadDb, childId: number, caseId: number): Promise<void> {
  const child = await findChild(db, childId);
  if (!child) throw new DbError('not_found', 'That child is not registered any more. Reload the case.').because('child_gone');
  if (child.case_id !== caseId)
    throw new DbError('invalid_input', 'That child does not belong to this case. Choose one of the case’s children.').because('child_not_of_case');
}

/** The place a reference names, or invalid_input when it names none. */
export async function requirePlacePoint(db: ReadDb, ref: PlaceRef): Promise<PlacePoint> {
  const point = await findPlacePoint(db, ref);
  if (!point) {
    throw new DbError(
      'invalid_input',
      ref.kind === 'district'
        ? 'That Stockholm district is not in the reference data. Choose one from the list.'
        : 'That municipality is not in the reference data. Choose one from the list.',
    ).because(ref.kind === 'district' ? 'place_unknown_district' : 'place_unknown_municipality');
  }
  return point;
}
