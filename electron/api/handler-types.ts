import type { z } from 'zod';
import type { Channel, ChannelOutput, channels, Role } from '../../core/contract';
import type { Access, CaseScope, RoleRule } from '../../worker/operations';
import type { DbHost } from '../../worker/worker-client';

export type ParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;

interface HandlerBase<C extends Channel> {
  /** Runs the operation; pass `access` on to `host.call` unchanged (it carries the case scope). */
  run(host: DbHost, input: ParsedInput<C>, access: Access): Promise<ChannelOutput<C>>;
}

/**
 * One channel's handler. `access` says who may call it; the database worker enforces it against
 * the session it holds.
 *
 * Channels about one case also declare `caseScope`: from the parsed input, what the request names
 * (`{ case: input.caseId }`, `{ note: input.id }`, … — the kinds are in db/access/case-scope.ts),
 * or null when it names no case (a Kompotten request without one). The worker then finds the case,
 * refuses a user who may not open it (forbidden, audited as denied) and runs the operation with
 * that case as the audit context. Example:
 *
 *   'cases:reveal': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('cases.reveal', i, a) },
 *
 * A case-content channel without a scope must be listed, with the reason, in UNSCOPED_CASEWORK
 * (electron/api/unscoped-channels.ts); tests/api/access-matrix.test.ts fails otherwise.
 */
export type Handler<C extends Channel> = HandlerBase<C> &
  ({ access: RoleRule; caseScope?: undefined } | { access: readonly Role[]; caseScope: (input: ParsedInput<C>) => CaseScope | null });

/** Handlers for a group of channels. */
export type HandlerMap<Names extends Channel> = { [C in Names]: Handler<C> };

export const ADMIN: readonly Role[] = ['administrator'];
/** Log review: team leads, auditors and administrators (who answer for the installation). */
export const LOG_REVIEWERS: readonly Role[] = ['administrator', 'team_lead', 'auditor'];
/** Who works with case content. Administrators and auditors never see any. */
export const CASEWORK: readonly Role[] = ['caseworker', 'team_lead'];
/** Who manages user accounts; team leads only caseworkers and team leads (checked by the operation). */
export const USER_MANAGERS: readonly Role[] = ['team_lead', 'administrator'];

/** The access a request carries: the handler's role rule, plus the case its input names when it has a scope. */
export function accessOf<C extends Channel>(handler: Handler<C>, input: ParsedInput<C>): Access {
  if (handler.caseScope === undefined) return handler.access;
  return { roles: handler.access, caseScope: handler.caseScope(input) };
}
