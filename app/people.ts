import type { WriteDb, ReadDb } from '../db/handles';
import type { z } from 'zod';
import type {
  AddChildInputSchema,
  AddPerpetratorInputSchema,
  ByIdInput,
  CaseDetail,
  UpdateChildInputSchema,
  UpdatePerpetratorInputSchema,
} from '../core/contract';
import { DbError } from '../db/errors';
import type { WorkerState } from './state';
import type { AuditAction } from '../db/repositories/audit-log';
import { inTransaction } from './unit-of-work';
import { touchCase } from '../db/repositories/cases';
import { deleteChild, findChild, insertChild, updateChild } from '../db/repositories/children';
import { deletePerpetrator, findPerpetrator, insertPerpetrator, updatePerpetrator } from '../db/repositories/perpetrators';
import { requireCaseDetail } from './case-detail';
import { checkAreas, requireOpenCase } from './case-rules';
import { assertMayWriteProtected } from './protection';

/**
 * One change to a person on an open case: the change, the case's updated stamp and the audit row
 * in one transaction. `change` returns the person's id; the answer is the whole case.
 */
function changePerson(
  w: WorkerState,
  entity: 'child' | 'perpetrator',
  action: AuditAction,
  caseOf: (db: WriteDb) => Promise<number>,
  change: (db: WriteDb) => Promise<number>,
): Promise<CaseDetail> {
  return personChange(w, { entity, action, caseOf, change });
}

const personChange = inTransaction(
  async (
    { w, trx, audit },
    c: { entity: 'child' | 'perpetrator'; action: AuditAction; caseOf: (db: WriteDb) => Promise<number>; change: (db: WriteDb) => Promise<number> },
  ): Promise<CaseDetail> => {
    const caseId = await c.caseOf(trx);
    await requireOpenCase(trx, caseId);
    const personId = await c.change(trx);
    await touchCase(trx, caseId, new Date());
    await audit({ action: c.action, entity: c.entity, entityId: personId });
    return requireCaseDetail(w, trx, caseId);
  },
);

async function caseOfChild(db: ReadDb, id: number): Promise<number> {
  const child = await findChild(db, id);
  if (!child) throw new DbError('not_found', 'The child is no longer on the case. Reload the case.').because('child_gone');
  return child.case_id;
}

async function caseOfPerpetrator(db: ReadDb, id: number): Promise<number> {
  const p = await findPerpetrator(db, id);
  if (!p) throw new DbError('not_found', 'The perpetrator is no longer on the case. Reload the case.').because('perpetrator_gone');
  return p.case_id;
}

/** Children and perpetrators of a case; each answers with the whole case. */
export const peopleOps = {
  'people:add-child': async (w: WorkerState, input: z.output<typeof AddChildInputSchema>): Promise<CaseDetail> => {
    const { caseId, ...child } = input;
    return changePerson(
      w,
      'child',
      'create',
      async () => caseId,
      (db) => insertChild(db, caseId, child),
    );
  },

  'people:update-child': async (w: WorkerState, input: z.output<typeof UpdateChildInputSchema>): Promise<CaseDetail> => {
    const { id, ...child } = input;
    return changePerson(
      w,
      'child',
      'update',
      (db) => caseOfChild(db, id),
      async (db) => {
        const current = await findChild(db, id);
        if (!current) throw new DbError('not_found', 'The child is no longer on the case. Reload the case.').because('child_gone');
        await assertMayWriteProtected(w, db, current.case_id, child.school !== undefined || child.placement !== undefined);
        // School and placement left out keep their stored values.
        await updateChild(db, id, { ...child, school: child.school ?? current.school, placement: child.placement ?? current.placement });
        return id;
      },
    );
  },

  'people:remove-child': async (w: WorkerState, input: z.output<typeof ByIdInput>): Promise<CaseDetail> =>
    changePerson(
      w,
      'child',
      'delete',
      (db) => caseOfChild(db, input.id),
      async (db) => {
        await deleteChild(db, input.id);
        return input.id;
      },
    ),

  'people:add-perpetrator': async (w: WorkerState, input: z.output<typeof AddPerpetratorInputSchema>): Promise<CaseDetail> => {
    const { caseId, ...p } = input;
    return changePerson(
      w,
      'perpetrator',
      'create',
      async () => caseId,
      async (db) => insertPerpetrator(db, caseId, { ...p, areas: await checkAreas(db, p.areas) }),
    );
  },

  'people:update-perpetrator': async (w: WorkerState, input: z.output<typeof UpdatePerpetratorInputSchema>): Promise<CaseDetail> => {
    const { id, ...p } = input;
    return changePerson(
      w,
      'perpetrator',
      'update',
      (db) => caseOfPerpetrator(db, id),
      async (db) => {
        await updatePerpetrator(db, id, { ...p, areas: await checkAreas(db, p.areas) });
        return id;
      },
    );
  },

  'people:remove-perpetrator': async (w: WorkerState, input: z.output<typeof ByIdInput>): Promise<CaseDetail> =>
    changePerson(
      w,
      'perpetrator',
      'delete',
      (db) => caseOfPerpetrator(db, input.id),
      async (db) => {
        await deletePerpetrator(db, input.id);
        return input.id;
      },
    ),
} as const;
