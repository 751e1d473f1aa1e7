import { type ReadDb, writable } from '../db/handles';
import type { CaseReveal, RevealInput } from '../core/contract';
import { isProtectedLevel } from '../core/rules/protected-fields';
import { DbError } from '../db/errors';
import type { WorkerState } from './state';
import { appendAudit } from '../db/repositories/audit-log';
import { protectionLevels } from '../db/repositories/protection';

/** How the session sees one case: protected or not, masked or revealed, and until when. */
export async function caseReveal(w: WorkerState, db: ReadDb, caseId: number): Promise<CaseReveal> {
  const level = (await protectionLevels(db, [caseId])).get(caseId);
  if (level === undefined || !isProtectedLevel(level)) return { protected: false, masked: false, revealedUntil: null };
  const until = w.reveals.activeUntil(w.active.requireSession(), caseId);
  return { protected: true, masked: until === null, revealedUntil: until?.toISOString() ?? null };
}

/** The cases among `caseIds` whose protected fields this session must not see now. */
export async function maskedCases(w: WorkerState, db: ReadDb, caseIds: readonly (number | null)[]): Promise<Set<number>> {
  const session = w.active.requireSession();
  const levels = await protectionLevels(
    db,
    caseIds.filter((id): id is number => id !== null),
  );
  const masked = new Set<number>();
  for (const [id, level] of levels) if (isProtectedLevel(level) && w.reveals.activeUntil(session, id) === null) masked.add(id);
  return masked;
}

/** Applies a masking function to the items of masked cases. */
export async function maskWhere<T extends { caseId: number | null }>(w: WorkerState, db: ReadDb, items: readonly T[], mask: (item: T) => T): Promise<T[]> {
  const masked = await maskedCases(
    w,
    db,
    items.map((i) => i.caseId),
  );
  return items.map((i) => (i.caseId !== null && masked.has(i.caseId) ? mask(i) : i));
}

/**
 * Refuses a change that sets a protected field of a case this session sees masked. A form never
 * had the real value to show, so a value it sends is at best a guess and at worst the mask or an
 * empty field written over the real address; it must leave the field out or be revealed first.
 */
export async function assertMayWriteProtected(w: WorkerState, db: ReadDb, caseId: number, setsProtectedField: boolean): Promise<void> {
  if (!setsProtectedField) return;
  if ((await maskedCases(w, db, [caseId])).has(caseId)) {
    throw new DbError(
      'reveal_required',
      'This case has protected personal data. Reveal it, with a reason, before changing an address, place, shelter or contact.',
    );
  }
}

/** Revealing: grants, audited with the reason, in the session's memory for the set minutes. */
export const protectionOps = {
  'cases:reveal': async (w: WorkerState, input: RevealInput): Promise<CaseReveal> => {
    const s = w.active.requireSession();
    const { revealMinutes } = await w.active.readSettings(s.db);
    const reveal = await s.db.transaction().execute(async (tx) => {
      const trx = writable(tx);
      const level = (await protectionLevels(trx, [input.caseId])).get(input.caseId);
      if (level === undefined)
        throw new DbError('not_found', 'The case does not exist. It may have been removed; reload the case list.').because('case_missing');
      if (!isProtectedLevel(level))
        throw new DbError('not_allowed', 'This case has no protected personal data: nothing in it is hidden.').because('case_not_protected');
      // The audit row is written before the grant exists: if it fails, nothing is revealed.
      await appendAudit(trx, {
        userId: s.user.id,
        role: s.user.role,
        action: 'reveal',
        entity: 'case',
        entityId: input.caseId,
        caseId: input.caseId,
        reason: input.reason,
      });
      const until = w.reveals.grant(s, input.caseId, revealMinutes);
      return { protected: true, masked: false, revealedUntil: until.toISOString() };
    });
    // A reveal is what a rollback would most want to hide: the witness moves past it at once.
    w.active.witnessNow();
    return reveal;
  },
} as const;
