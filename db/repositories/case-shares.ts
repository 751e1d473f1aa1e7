import type { CaseShares } from '../../core/contract';
import type { ReadDb, WriteDb } from '../handles';

/** Who is named on a case: assignee, creator while unassigned, and the colleagues it is shared with. */
export async function loadCaseShares(db: ReadDb, caseId: number): Promise<CaseShares> {
  const c = await db
    .selectFrom('cases as c')
    .leftJoin('users as a', 'a.id', 'c.assigned_user_id')
    .innerJoin('users as cr', 'cr.id', 'c.created_by')
    .select(['c.assigned_user_id', 'a.display_name as assignee_name', 'c.created_by', 'cr.display_name as creator_name'])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const shares = await db
    .selectFrom('case_shares as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('users as g', 'g.id', 's.granted_by')
    .select(['s.user_id', 'u.display_name', 'u.role', 'g.display_name as granted_by_name', 's.granted_at'])
    .where('s.case_id', '=', caseId)
    .orderBy('s.granted_at')
    .orderBy('s.user_id')
    .execute();
  return {
    assignee: c.assigned_user_id === null ? null : { id: c.assigned_user_id, displayName: c.assignee_name ?? '' },
    creator: c.assigned_user_id === null ? { id: c.created_by, displayName: c.creator_name } : null,
    shares: shares.map((s) => ({ userId: s.user_id, displayName: s.display_name, role: s.role, grantedByName: s.granted_by_name, grantedAt: s.granted_at })),
  };
}

/** Shares a case with a user; false when it already was. */
export async function insertCaseShare(db: WriteDb, share: { caseId: number; userId: number; grantedBy: number; at: Date }): Promise<boolean> {
  const r = await db
    .insertInto('case_shares')
    .values({ case_id: share.caseId, user_id: share.userId, granted_by: share.grantedBy, granted_at: share.at.toISOString() })
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes a user off a case's shares; false when it was not shared with them. */
export async function deleteCaseShare(db: WriteDb, caseId: number, userId: number): Promise<boolean> {
  const r = await db.deleteFrom('case_shares').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
