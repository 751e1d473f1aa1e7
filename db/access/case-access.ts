import { CASEWORK } from '../../core/contract';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { RefusalReason, Role } from '../../core/contract';
import type { DB } from '../schema';

/** Who is asking: the session's user. */
export interface CaseReader {
  id: number;
  role: Role;
}

/** Why a case cannot be opened, or 'open' when it can. */
export type CaseAccess = 'open' | 'not_named' | 'protected_not_named' | 'no_case_role';

/**
 * The user is named on the case `alias`: its assignee, someone it is shared with, or its creator
 * while it has no assignee (so an unassigned new case does not vanish from the one who made it).
 */
function namedOn(alias: string, userId: number): RawBuilder<boolean> {
  const c = sql.ref(alias);
  // IS, not =: with no assignee `=` gives NULL, and NOT NULL would hide an unassigned protected
  // case from protectedNotNamed (a team lead would not even see its number).
  return sql<boolean>`(${c}.assigned_user_id IS ${userId}
    OR (${c}.assigned_user_id IS NULL AND ${c}.created_by = ${userId})
    OR ${c}.id IN (SELECT cs.case_id FROM case_shares cs WHERE cs.user_id = ${userId}))`;
}

/**
 * SQL condition on the cases table under `alias`: the cases the user may open. Caseworkers: the
 * cases they are named on. Team leads: every case, except a protected-identity case they are not
 * named on. Everyone else: none.
 */
export function accessibleCases(user: CaseReader, alias = 'c'): RawBuilder<boolean> {
  if (user.role === 'caseworker') return namedOn(alias, user.id);
  if (user.role === 'team_lead') return sql<boolean>`(${sql.ref(alias)}.protection_level = 'none' OR ${namedOn(alias, user.id)})`;
  return sql<boolean>`0`;
}

/** SQL condition: a protected-identity case the team lead is not named on (listed only by number). */
export function protectedNotNamed(user: CaseReader, alias = 'c'): RawBuilder<boolean> {
  if (user.role !== 'team_lead') return sql<boolean>`0`;
  return sql<boolean>`(${sql.ref(alias)}.protection_level <> 'none' AND NOT ${namedOn(alias, user.id)})`;
}

/** Whether the user may open the case (which must exist), and if not, why. */
export async function caseAccess(db: Kysely<DB>, user: CaseReader, caseId: number): Promise<CaseAccess> {
  if (!CASEWORK.includes(user.role)) return 'no_case_role';
  const row = await sql<{ ok: number; protected: number }>`
    SELECT ${accessibleCases(user, 'c')} AS ok, c.protection_level <> 'none' AS protected
    FROM cases c WHERE c.id = ${caseId}`.execute(db);
  const r = row.rows[0];
  if (!r || Number(r.ok) === 1) return 'open';
  return Number(r.protected) === 1 ? 'protected_not_named' : 'not_named';
}

/** The message a refused user reads: what it means and whom to ask. */
/** The refusal key the renderer says for each way access to a case is denied. */
export const DENIED_REASONS = {
  not_named: 'access_not_named',
  protected_not_named: 'access_protected',
  no_case_role: 'access_no_case_role',
} as const satisfies Record<Exclude<CaseAccess, 'open'>, RefusalReason>;

export function deniedMessage(access: Exclude<CaseAccess, 'open'>): string {
  switch (access) {
    case 'not_named':
      return 'This case is not shared with you. Ask its caseworker or your team lead.';
    case 'protected_not_named':
      return 'This case has a protected identity: only the people named on it can open it. Ask its caseworker to share it with you.';
    case 'no_case_role':
      return 'Your role does not give access to case content. Ask your team lead if you need it.';
  }
}
