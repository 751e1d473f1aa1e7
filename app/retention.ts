import { RETENTION_DECIDERS, RETENTION_PREVIEWERS } from '../core/contract';
import { writable, type ReadDb } from '../db/handles';
import type { RetentionKeepReason, RetentionPreview, RetentionPurgeResult, RetentionRules } from '../core/contract';
import { localIsoDate } from '../core/rules/calendar';
import { isOverdue, retentionVerdict, type RetentionSettings } from '../core/rules/retention';
import { DbError } from '../db/errors';
import type { WorkerState } from './state';
import { inTransaction } from './unit-of-work';
import { appendAudit } from '../db/repositories/audit-log';
import {
  countOpenCases,
  deleteCasesForRetention,
  readClosedCasesForRetention,
  readRetentionSettings,
  saveRetentionDecision,
  type RetentionCase,
} from '../db/repositories/retention';

const toRuleSettings = (r: RetentionRules): RetentionSettings => ({
  years: r.retentionYears,
  keepBirthDays: r.retentionKeepBirthDays,
  researchMunicipality: r.researchMunicipality,
});

interface Evaluated {
  preview: RetentionPreview;
  /** Case id by case number, for the cases in `preview.purge`. */
  purgeIds: Map<string, number>;
}

/** Applies the rules to every closed case on the local date of `now`. */
async function evaluate(db: ReadDb, now: Date): Promise<Evaluated> {
  const today = localIsoDate(now);
  const rules = await readRetentionSettings(db);
  const settings = toRuleSettings(rules);
  const kept: Record<RetentionKeepReason, number> = { open: await countOpenCases(db), research_municipality: 0, not_due: 0, birth_day: 0, decided_keep: 0 };
  const preview: RetentionPreview = { generatedAt: now.toISOString(), today, rules, purge: [], manual: [], kept };
  const purgeIds = new Map<string, number>();
  for (const c of await readClosedCasesForRetention(db)) {
    const v = retentionVerdict(c, settings, today);
    if (v.kind === 'keep') kept[v.reason]++;
    else if (v.kind === 'manual') {
      preview.manual.push({
        caseNumber: c.caseNumber,
        reasons: v.reasons,
        lastEntryAt: c.lastEntryAt,
        dueAt: v.dueAt,
        deadline: v.deadline,
        overdue: isOverdue(v, today),
      });
    } else {
      preview.purge.push({
        caseNumber: c.caseNumber,
        closedAt: c.closedAt,
        lastEntryAt: c.lastEntryAt,
        dueAt: v.dueAt,
        deadline: v.deadline,
        overdue: isOverdue(v, today),
        decided: v.decided,
      });
      purgeIds.set(c.caseNumber, c.id);
    }
  }
  return { preview, purgeIds };
}

/** The flagged case a decision is about, or the reason it cannot be decided. */
async function requireFlaggedCase(db: ReadDb, caseNumber: string, now: Date): Promise<RetentionCase> {
  const [c] = await readClosedCasesForRetention(db, [caseNumber]);
  if (!c) throw new DbError('not_found', 'There is no closed case with that number. Open the retention preview again.').because('retention_case_missing');
  const settings = toRuleSettings(await readRetentionSettings(db));
  // Asked without any earlier decision, so a decision can be changed while the case is still in question.
  const v = retentionVerdict({ ...c, decision: null }, settings, localIsoDate(now));
  if (v.kind !== 'manual')
    throw new DbError(
      'not_allowed',
      'That case does not need a decision: the retention rules decide it on their own. Open the retention preview again.',
    ).because('retention_no_decision');
  return c;
}

export const retentionOps = {
  /**
   * What a purge would delete today, what waits for a team lead's decision, and how many cases are
   * kept and why. Case numbers and dates only. One audit row (read, retention), no content.
   */
  'retention:preview': inTransaction(async ({ w, trx, audit }, _: Record<string, never>, now: Date = w.active.clock()): Promise<RetentionPreview> => {
    const { preview } = await evaluate(trx, now);
    await audit({ action: 'read', entity: 'retention', caseId: null, at: now });
    return preview;
  }, RETENTION_PREVIEWERS),

  /** A team lead keeps or purges a case the rules flag; audited against the case, the decision as entity id. */
  'retention:decide': inTransaction(
    async (
      { w, trx, user, audit },
      input: { caseNumber: string; decision: 'purge' | 'keep'; comment: string },
      now: Date = w.active.clock(),
    ): Promise<RetentionPreview> => {
      const c = await requireFlaggedCase(trx, input.caseNumber, now);
      await saveRetentionDecision(trx, {
        caseId: c.id,
        decision: input.decision,
        comment: input.comment,
        lastEntryAt: c.lastEntryAt,
        decidedBy: user.id,
        at: now,
      });
      await audit({
        action: 'update',
        entity: 'retention_decision',
        entityId: input.decision,
        caseId: c.id,
        at: now,
      });
      return (await evaluate(trx, now)).preview;
    },
    RETENTION_DECIDERS,
  ),

  /**
   * Purges exactly the cases of the current preview, which the team lead confirmed: every row of
   * them, with secure_delete on, in one transaction whose audit row holds only the count; then
   * VACUUM so freed pages leave the file, and a checkpoint so the WAL holds no old pages either.
   */
  'retention:purge': async (w: WorkerState, input: { caseNumbers: string[]; confirm: true }, now: Date = w.active.clock()): Promise<RetentionPurgeResult> => {
    const s = w.active.requireSession(RETENTION_DECIDERS);
    // Every connection opens with secure_delete on; set and check it here too, since the purge relies on it.
    s.sqlite.pragma('secure_delete = ON');
    if (Number(s.sqlite.pragma('secure_delete', { simple: true })) !== 1) {
      throw new DbError('internal', 'Fristad could not make sure deleted data is overwritten, so nothing was purged. Restart Fristad and try again.');
    }
    const purge = s.db.transaction().execute(async (tx) => {
      const trx = writable(tx);
      const { preview, purgeIds } = await evaluate(trx, now);
      const notDue = input.caseNumbers.filter((n) => !purgeIds.has(n));
      if (notDue.length > 0) {
        throw new DbError(
          'not_allowed',
          `${notDue.length === 1 ? 'One case' : `${notDue.length} cases`} of the confirmed list may not be purged today. Nothing was purged. Open the retention preview again and confirm the list it shows.`,
        ).because('retention_not_due', { count: notDue.length });
      }
      if (input.caseNumbers.length !== preview.purge.length) {
        throw new DbError(
          'not_allowed',
          'The cases due for purging have changed since the preview. Nothing was purged. Open the retention preview again and confirm the list it shows.',
        ).because('retention_changed');
      }
      const count = await deleteCasesForRetention(
        trx,
        input.caseNumbers.map((n) => purgeIds.get(n) ?? 0),
      );
      await appendAudit(trx, {
        userId: s.user.id,
        role: s.user.role,
        action: 'purge',
        entity: 'case',
        entityId: null,
        caseId: null,
        reason: `count=${count}`,
        at: now,
      });
      return count;
    });
    let purged: number;
    try {
      purged = await purge;
    } catch (err) {
      // A refused purge is on the record too, with the number of cases asked for and nothing else.
      if (err instanceof DbError && err.code === 'not_allowed') {
        await appendAudit(s.db, {
          userId: s.user.id,
          role: s.user.role,
          action: 'purge',
          entity: 'case',
          outcome: 'denied',
          caseId: null,
          reason: `count=${input.caseNumbers.length}`,
          at: now,
        });
      }
      throw err;
    }
    let compacted = true;
    try {
      s.sqlite.exec('VACUUM');
      s.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch (err) {
      // The purge stands; only the compaction failed. The kind of error only: never its message.
      console.error(`[fristad-db] VACUUM after purge failed: ${(err as { code?: string }).code ?? 'error'}`);
      compacted = false;
    }
    return { purged, compacted };
  },
} as const;
