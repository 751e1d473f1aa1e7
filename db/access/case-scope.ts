import type { Kysely } from 'kysely';
import { CASE_SCOPE_KINDS, type CaseScope, type CaseScopeKind } from '../../core/contract';
import type { DB } from '../schema';

/** The table each kind names; all but `case` carry the case in `case_id`. */
const TABLES = {
  child: 'children',
  perpetrator: 'perpetrators',
  note: 'journal_notes',
  reminder: 'reminders',
  move: 'moves',
  step: 'housing_steps',
  supportItem: 'support_items',
  assessment: 'assessments',
  kompottenRequest: 'kompotten_requests',
} as const satisfies Record<Exclude<CaseScopeKind, 'case'>, keyof DB>;

/**
 * Where a scope leads: `missing` when the named row does not exist (the operation then answers
 * not_found in its own words), otherwise the case, or null for a row that belongs to no case
 * (a Kompotten request recorded without one).
 */
export type ResolvedScope = { kind: 'missing' } | { kind: 'found'; caseId: number | null };

/** Checks that a value from the wire is a scope of exactly one known kind with an integer id. */
export function isCaseScope(value: unknown): value is CaseScope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const key = keys[0] as string;
  return (CASE_SCOPE_KINDS as readonly string[]).includes(key) && Number.isSafeInteger((value as Record<string, unknown>)[key]);
}

/** Finds the case a scope names, with one indexed lookup. */
export async function resolveCaseScope(db: Kysely<DB>, scope: CaseScope): Promise<ResolvedScope> {
  const [kind, id] = Object.entries(scope)[0] as [CaseScopeKind, number];
  if (kind === 'case') {
    const row = await db.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst();
    return row ? { kind: 'found', caseId: row.id } : { kind: 'missing' };
  }
  const row = await db.selectFrom(TABLES[kind]).select('case_id').where('id', '=', id).executeTakeFirst();
  return row ? { kind: 'found', caseId: row.case_id } : { kind: 'missing' };
}
