import type { z } from 'zod';
import type { Role } from './common';
import type { RoleRule } from './roles';

/**
 * What a request names, from which the worker finds the case it concerns. Each kind is one row
 * of one table; `case` is the case itself (db/access/case-scope.ts resolves it).
 */
export type CaseScope =
  | { case: number }
  | { child: number }
  | { perpetrator: number }
  | { note: number }
  | { reminder: number }
  | { move: number }
  | { step: number }
  | { supportItem: number }
  | { assessment: number }
  | { kompottenRequest: number };

export const CASE_SCOPE_KINDS = ['case', 'child', 'perpetrator', 'note', 'reminder', 'move', 'step', 'supportItem', 'assessment', 'kompottenRequest'] as const;
export type CaseScopeKind = (typeof CASE_SCOPE_KINDS)[number];

/** A role rule plus the case the request concerns; the worker checks the user may open that case. */
export interface ScopedAccess {
  roles: readonly Role[];
  caseScope: CaseScope | null;
}

/** The access rule a request carries to the worker. */
export type Access = RoleRule | ScopedAccess;

/** True for a request that concerns one case. */
export function isScopedAccess(access: Access): access is ScopedAccess {
  return typeof access === 'object' && !Array.isArray(access);
}

/**
 * One channel: its schemas and who may call it. `access` is checked by the database worker against
 * the session it holds. A channel about one case also declares `caseScope`: from the parsed input,
 * what the request names (`{ case: input.caseId }`, `{ note: input.id }`, …), or null when it names
 * no case (a Kompotten request without one). The worker then finds the case, refuses a user who may
 * not open it (forbidden, audited as denied) and runs the operation with that case as the audit
 * context. A case-content channel without a scope must be listed, with the reason, in
 * UNSCOPED_CASEWORK (core/contract/unscoped-channels.ts); tests/api/access-matrix.test.ts fails otherwise.
 */
export type ChannelDef<I extends z.ZodType, O extends z.ZodType> = { input: I; output: O } & (
  { access: RoleRule; caseScope?: undefined } | { access: readonly Role[]; caseScope: (input: z.output<I>) => CaseScope | null }
);

/** Declares a channel that names no single case: schemas and role rule. */
export function channel<I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; access: RoleRule }): ChannelDef<I, O> {
  return def;
}

/** Declares a channel about one case: schemas, roles, and the case its input names. */
export function caseChannel<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I;
  output: O;
  access: readonly Role[];
  caseScope: (input: z.output<I>) => CaseScope | null;
}): ChannelDef<I, O> {
  return def;
}

/** The access a request carries: the channel's role rule, plus the case its input names when it has a scope. */
export function accessOf(def: { access: RoleRule; caseScope?: ((input: never) => CaseScope | null) | undefined }, input: unknown): Access {
  if (def.caseScope === undefined) return def.access;
  // caseChannel() allows only a role list beside a scope; the input is the channel's own, parsed.
  return { roles: def.access as readonly Role[], caseScope: (def.caseScope as (input: unknown) => CaseScope | null)(input) };
}
