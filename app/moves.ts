import type { z } from 'zod';
import type { ReadDb } from '../db/handles';
import type {
  AddRequestInputSchema,
  CheckDestinationInputSchema,
  CreateMoveInputSchema,
  KompottenMember,
  KompottenRequest,
  Move,
  SafeDistanceCheck,
  SetMemberInputSchema,
  TransitionMoveInputSchema,
  UpdateRequestInputSchema,
} from '../core/contract';
import { checkTransition, TRANSITION_REFUSAL_REASONS, type MoveStatus, type TransitionRefusal } from '../core/rules/move-workflow';
import { DbError } from '../db/errors';
import type { Empty, WorkerState } from './state';
import { inTransaction } from './unit-of-work';
import { appendAudit, type AuditSink } from '../db/repositories/audit-log';
import {
  deleteKompottenMember,
  findKompottenRequest,
  insertKompottenRequest,
  listKompottenMembers,
  listKompottenRequests,
  updateKompottenRequest,
  upsertKompottenMember,
} from '../db/repositories/kompotten';
import {
  findMoveRow,
  insertMove,
  insertMoveTransition,
  listMoveRows,
  listMoveTransitions,
  toMove,
  updateMoveStatus,
  type MoveRow,
} from '../db/repositories/moves';
import { findMunicipalityPoint, placeNames } from '../db/repositories/places';
import { requirePlacePoint } from './case-guards';
import { requireCase, requireOpenCase } from './case-rules';
import { runSafeDistanceCheck } from './safe-distance-check';
import { maskKompottenRequest, maskMove } from '../core/rules/protected-fields';
import { maskWhere } from './protection';

/** Moves as the contract shows them to this session, with their transitions and place names, in few queries. */
async function toMoves(w: WorkerState, db: ReadDb, rows: readonly MoveRow[]): Promise<Move[]> {
  const transitions = await listMoveTransitions(
    db,
    rows.map((r) => r.id),
  );
  const refs = rows.flatMap((r) => [{ kind: r.to_kind, code: r.to_code }, ...(r.from_kind && r.from_code ? [{ kind: r.from_kind, code: r.from_code }] : [])]);
  const names = await placeNames(db, refs);
  return maskWhere(
    w,
    db,
    rows.map((r) => toMove(r, transitions, names)),
    maskMove,
  );
}

function orList(statuses: readonly string[]): string {
  if (statuses.length <= 1) return statuses.join('');
  return `${statuses.slice(0, -1).join(', ')} or ${statuses[statuses.length - 1] ?? ''}`;
}

/** A refusal in plain words: where the move is, and where it may go next. */
function refusalMessage(from: MoveStatus, to: MoveStatus, reason: TransitionRefusal, allowed: readonly MoveStatus[]): string {
  const next = `From ${from} it can only become ${orList(allowed)}.`;
  switch (reason) {
    case 'finished':
      return `This move is ${from} and cannot change any more. Plan a new move if she is moving again.`;
    case 'same_status':
      return `This move is already ${from}. ${next}`;
    case 'goes_back':
      return `A move cannot go back from ${from} to ${to}. ${next}`;
    case 'skips_steps':
      return `A move cannot go from ${from} straight to ${to}: record each step. ${next}`;
  }
}

/** A known case's moves as this session may see them, with the read's audit row; inside the caller's transaction. */
export async function readMovesOfCase(w: WorkerState, trx: ReadDb, caseId: number, audit: AuditSink = appendAudit): Promise<Move[]> {
  const s = w.active.requireSession();
  const moves = await toMoves(w, trx, await listMoveRows(trx, caseId));
  await audit(trx, { userId: s.user.id, role: s.user.role, action: 'read', entity: 'moves', entityId: caseId });
  return moves;
}

/** Kompotten requests (of one case, or the whole ledger) as this session may see them, with the read's audit row. */
export async function readKompottenRequests(w: WorkerState, trx: ReadDb, caseId: number | null, audit: AuditSink = appendAudit): Promise<KompottenRequest[]> {
  const s = w.active.requireSession();
  const rows = await listKompottenRequests(trx, caseId, s.user);
  // The whole ledger links cases to municipalities, so reading it is logged as well as one case's part.
  await audit(trx, { userId: s.user.id, role: s.user.role, action: 'read', entity: 'kompotten_requests', entityId: caseId });
  return maskWhere(w, trx, rows, maskKompottenRequest);
}

/** Moves with the safe-distance check, and the Kompotten network's members and request ledger. */
export const movesOps = {
  'moves:list': inTransaction(async ({ w, trx }, input: { caseId: number }): Promise<Move[]> => {
    await requireCase(trx, input.caseId);
    return readMovesOfCase(w, trx, input.caseId);
  }),

  'moves:check-destination': inTransaction(async ({ w, trx, audit }, input: z.output<typeof CheckDestinationInputSchema>): Promise<SafeDistanceCheck> => {
    const settings = await w.active.readSettings(trx);
    await requireCase(trx, input.caseId);
    const destination = await requirePlacePoint(trx, input.to);
    const check = await runSafeDistanceCheck(trx, settings, input.caseId, destination);
    // The check reveals where the perpetrators are known to be: a read of case data.
    await audit({ action: 'read', entity: 'safe_distance_check', entityId: input.caseId });
    return check;
  }),

  'moves:create': inTransaction(async ({ w, trx, user, audit }, input: z.output<typeof CreateMoveInputSchema>): Promise<Move> => {
    const settings = await w.active.readSettings(trx);
    await requireOpenCase(trx, input.caseId);
    if (input.from) await requirePlacePoint(trx, input.from);
    const destination = await requirePlacePoint(trx, input.to);
    const now = new Date();
    const check = await runSafeDistanceCheck(trx, settings, input.caseId, destination, now);
    const row = await insertMove(trx, {
      case_id: input.caseId,
      from_kind: input.from?.kind ?? null,
      from_code: input.from?.code ?? null,
      to_kind: input.to.kind,
      to_code: input.to.code,
      route: input.route,
      status: 'planned',
      receiving_contact: input.receivingContact,
      notes: input.notes,
      check_json: JSON.stringify(check),
      override_reason: null,
      created_by: user.id,
      created_at: now.toISOString(),
    });
    await insertMoveTransition(trx, { move_id: row.id, status: 'planned', date: input.plannedDate, recorded_by: user.id, recorded_at: now.toISOString() });
    await audit({ action: 'create', entity: 'move', entityId: row.id, at: now });
    const [move] = await toMoves(w, trx, [row]);
    if (!move) throw new DbError('internal', 'The move was not saved. Try again.');
    return move;
  }),

  'moves:transition': inTransaction(async ({ w, trx, user, audit }, input: z.output<typeof TransitionMoveInputSchema>): Promise<Move> => {
    const settings = await w.active.readSettings(trx);
    const row = await findMoveRow(trx, input.id);
    if (!row) throw new DbError('not_found', 'That move does not exist. Reload the case.').because('move_missing');
    await requireOpenCase(trx, row.case_id);
    const from = row.status;
    const verdict = checkTransition(from, input.to);
    if (!verdict.ok)
      throw new DbError('not_allowed', refusalMessage(from, input.to, verdict.reason, verdict.allowed)).because(TRANSITION_REFUSAL_REASONS[verdict.reason], {
        from,
        to: input.to,
        allowed: [...verdict.allowed],
      });

    const previous = (await listMoveTransitions(trx, [row.id])).at(-1);
    if (previous && input.date < previous.date) {
      throw new DbError('invalid_input', `The date cannot be before the move's previous step (${previous.date}). Check the date.`).because(
        'move_date_before_previous',
        { date: previous.date },
      );
    }

    const now = new Date();
    let change: { status: MoveStatus; checkJson?: string; overrideReason?: string | null } = { status: input.to };
    if (input.to === 'accepted') {
      // Perpetrators' areas may have changed since the move was planned: judge the move as it is now.
      const destination = await requirePlacePoint(trx, { kind: row.to_kind, code: row.to_code });
      const check = await runSafeDistanceCheck(trx, settings, row.case_id, destination, now);
      const reason = input.overrideReason?.trim() ?? '';
      if (check.warning && reason === '') {
        throw new DbError(
          'reason_required',
          'The destination is too close to a known perpetrator area. To accept the move anyway, write why it is safe enough.',
        ).because('move_too_close');
      }
      change = { status: input.to, checkJson: JSON.stringify(check), overrideReason: check.warning ? reason : null };
    }
    await updateMoveStatus(trx, row.id, change);
    await insertMoveTransition(trx, { move_id: row.id, status: input.to, date: input.date, recorded_by: user.id, recorded_at: now.toISOString() });
    await audit({ action: 'transition', entity: 'move', entityId: row.id, at: now });
    const updated = await findMoveRow(trx, row.id);
    const [move] = updated ? await toMoves(w, trx, [updated]) : [];
    if (!move) throw new DbError('internal', 'The change was not saved. Try again.');
    return move;
  }),

  'kompotten:members': async (w: WorkerState, _: Empty): Promise<KompottenMember[]> => listKompottenMembers(w.active.requireSession().db),

  'kompotten:set-member': inTransaction(async ({ trx, audit }, input: z.output<typeof SetMemberInputSchema>): Promise<KompottenMember[]> => {
    if (!(await findMunicipalityPoint(trx, input.municipalityCode))) {
      throw new DbError('invalid_input', 'That municipality is not in the reference data. Choose one from the list.').because('place_unknown_municipality');
    }
    if (input.member) {
      await upsertKompottenMember(trx, input.municipalityCode, input.contact, new Date());
      await audit({ action: 'update', entity: 'kompotten_member', entityId: input.municipalityCode });
    } else if (await deleteKompottenMember(trx, input.municipalityCode)) {
      await audit({ action: 'delete', entity: 'kompotten_member', entityId: input.municipalityCode });
    }
    return listKompottenMembers(trx);
  }),

  'kompotten:requests': inTransaction(async ({ w, trx }, input: { caseId: number | null }): Promise<KompottenRequest[]> => {
    if (input.caseId !== null) await requireCase(trx, input.caseId);
    return readKompottenRequests(w, trx, input.caseId);
  }),

  'kompotten:add-request': inTransaction(async ({ w, trx, user, audit }, input: z.output<typeof AddRequestInputSchema>): Promise<KompottenRequest> => {
    if (!(await findMunicipalityPoint(trx, input.counterpartCode))) {
      throw new DbError('invalid_input', 'That municipality is not in the reference data. Choose one from the list.').because('place_unknown_municipality');
    }
    if (input.caseId !== null) await requireOpenCase(trx, input.caseId);
    const now = new Date();
    const id = await insertKompottenRequest(trx, {
      direction: input.direction,
      counterpart_code: input.counterpartCode,
      case_id: input.caseId,
      date: input.date,
      outcome: input.outcome,
      notes: input.notes,
      created_by: user.id,
      created_at: now.toISOString(),
    });
    await audit({ action: 'create', entity: 'kompotten_request', entityId: id, at: now });
    const saved = await findKompottenRequest(trx, id);
    if (!saved) throw new DbError('internal', 'The request was not saved. Try again.');
    return (await maskWhere(w, trx, [saved], maskKompottenRequest))[0] as KompottenRequest;
  }),

  'kompotten:update-request': inTransaction(async ({ w, trx, audit }, input: z.output<typeof UpdateRequestInputSchema>): Promise<KompottenRequest> => {
    const existing = await findKompottenRequest(trx, input.id);
    if (!existing) throw new DbError('not_found', 'That Kompotten request does not exist. Reload the list.').because('kompotten_missing');
    if (existing.caseId !== null) await requireOpenCase(trx, existing.caseId);
    await updateKompottenRequest(trx, input.id, { outcome: input.outcome, notes: input.notes });
    await audit({ action: 'update', entity: 'kompotten_request', entityId: input.id });
    const saved = await findKompottenRequest(trx, input.id);
    if (!saved) throw new DbError('internal', 'The change was not saved. Try again.');
    return (await maskWhere(w, trx, [saved], maskKompottenRequest))[0] as KompottenRequest;
  }),
} as const;
