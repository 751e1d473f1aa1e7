import crypto from 'node:crypto';
import type { SelectQueryBuilder } from 'kysely';
import type { AuditActionName, AuditFilters, AuditRow, CaseLogEntry, ChainHead } from '../../core/contract';
import type { DB } from '../schema';
import type { ReadDb, WriteDb } from '../handles';
import type { AuditAction } from './audit-log';

// The contract's list and the log's type must name the same actions; this fails to compile when one grows alone.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const ACTIONS_AGREE: Same<AuditActionName, AuditAction> = true;
void ACTIONS_AGREE;

/** The local midnight that starts a YYYY-MM-DD day, as the ISO instant the log stores times in. */
export function startOfLocalDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** The local midnight after a YYYY-MM-DD day (exclusive end of a period). */
export function endOfLocalDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

/** [start, end) of a local calendar month 'YYYY-MM' as ISO instants. */
export function localMonthRange(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { start: new Date(y, m - 1, 1).toISOString(), end: new Date(y, m, 1).toISOString() };
}

type Joined = SelectQueryBuilder<
  DB & { a: DB['audit_log']; u: DB['users']; c: DB['cases']; r: DB['audit_reviews']; ru: DB['users'] },
  'a' | 'u' | 'c' | 'r' | 'ru',
  object
>;

function joined(db: ReadDb): Joined {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('cases as c', 'c.id', 'a.case_id')
    .leftJoin('audit_reviews as r', 'r.seq', 'a.seq')
    .leftJoin('users as ru', 'ru.id', 'r.reviewed_by') as unknown as Joined;
}

async function selectRows(q: Joined): Promise<AuditRow[]> {
  const rows = await q
    .select([
      'a.seq as seq',
      'a.at as at',
      'a.user_id as userId',
      'u.display_name as userName',
      'u.username as username',
      'a.role as role',
      'a.action as action',
      'a.entity as entity',
      'a.entity_id as entityId',
      'a.case_id as caseId',
      'c.case_number as caseNumber',
      'c.protection_level as protectionLevel',
      'a.outcome as outcome',
      'a.reason as reason',
      'r.reviewed_by as reviewedBy',
      'ru.display_name as reviewerName',
      'r.reviewed_at as reviewedAt',
      'r.comment as reviewComment',
    ])
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    user: r.userId !== null && r.userName !== null && r.username !== null ? { id: r.userId, displayName: r.userName, username: r.username } : null,
    role: r.role,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    protectionLevel: r.caseNumber === null ? null : r.protectionLevel,
    outcome: r.outcome,
    reason: r.reason,
    review:
      r.reviewedBy !== null && r.reviewedAt !== null
        ? { by: { id: r.reviewedBy, displayName: r.reviewerName ?? '' }, at: r.reviewedAt, comment: r.reviewComment ?? '' }
        : null,
  }));
}

export interface LogQuery extends AuditFilters {
  /** Only rows whose case is (now) a protected-identity case. */
  protectedOnly?: boolean;
}

/** The case id a case number names, or null (also for a purged case). */
export async function caseIdByNumber(db: ReadDb, caseNumber: string): Promise<number | null> {
  const row = await db.selectFrom('cases').select('id').where('case_number', '=', caseNumber).executeTakeFirst();
  return row?.id ?? null;
}

function filtered(db: ReadDb, f: LogQuery, caseId: number | undefined): Joined {
  let q = joined(db);
  if (f.userId !== undefined) q = q.where('a.user_id', '=', f.userId);
  if (caseId !== undefined) q = q.where('a.case_id', '=', caseId);
  if (f.actions !== undefined && f.actions.length > 0) q = q.where('a.action', 'in', f.actions);
  if (f.from !== undefined) q = q.where('a.at', '>=', startOfLocalDay(f.from));
  if (f.to !== undefined) q = q.where('a.at', '<', endOfLocalDay(f.to));
  if (f.outcome !== undefined) q = q.where('a.outcome', '=', f.outcome);
  if (f.reviewed === true) q = q.where('r.seq', 'is not', null);
  if (f.reviewed === false) q = q.where('r.seq', 'is', null);
  if (f.protectedOnly === true) q = q.where('c.protection_level', '!=', 'none');
  return q;
}

/**
 * Log rows matching the filters, newest first, one page at a time (cursor: rows below `before`).
 * A case number that names no case matches nothing.
 */
export async function searchLog(
  db: ReadDb,
  f: LogQuery,
  page: { before?: number | undefined; limit: number },
): Promise<{ rows: AuditRow[]; nextBefore: number | null }> {
  let caseId = f.caseId;
  if (f.caseNumber !== undefined) {
    const found = await caseIdByNumber(db, f.caseNumber);
    if (found === null) return { rows: [], nextBefore: null };
    caseId = found;
  }
  let q = filtered(db, f, caseId);
  if (page.before !== undefined) q = q.where('a.seq', '<', page.before);
  const rows = await selectRows(q.orderBy('a.seq', 'desc').limit(page.limit + 1));
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  return { rows: shown, nextBefore: more ? (shown[shown.length - 1]?.seq ?? null) : null };
}

/** Every row matching the filters, newest first, up to `max` + 1 (so the caller can tell it was cut). */
export async function allMatching(db: ReadDb, f: LogQuery, max: number): Promise<AuditRow[]> {
  const page = await searchLog(db, f, { limit: max });
  return page.nextBefore === null ? page.rows : [...page.rows, ...(await searchLog(db, f, { before: page.nextBefore, limit: 1 })).rows];
}

/**
 * The sampling key of an installation: derived from its data key, so only those who can open the
 * database can tell which reads a month's sample will hold (a user cannot steer their own reads
 * out of it), yet every reviewer of the installation computes the same one.
 */
export function sampleKey(dataKey: Buffer, installationId: string): Buffer {
  return crypto.createHmac('sha256', dataKey).update(`fristad audit sample v1\n${installationId}`).digest();
}

/**
 * A reproducible random sample of a month's reads of case data: each read gets the rank
 * HMAC(key, month + seq) and the `size` lowest ranks are the sample. Two reviewers of the same
 * installation see the same sample, a month that has ended never changes it, and a read
 * written later in the current month can only push one out by ranking below it.
 * Reads that concern no case (the case list, reports, the log itself) are not sampled: reviewing
 * them says nothing about who looked at whose case.
 */
export async function sampleReads(db: ReadDb, key: Buffer, month: string, size: number): Promise<{ population: number; rows: AuditRow[] }> {
  const { start, end } = localMonthRange(month);
  const seqs = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('action', '=', 'read')
    .where('case_id', 'is not', null)
    .where('at', '>=', start)
    .where('at', '<', end)
    .execute();
  const ranked = seqs
    .map(({ seq }) => ({ seq, rank: crypto.createHmac('sha256', key).update(`${month}\n${seq}`).digest('hex') }))
    .sort((x, y) => (x.rank < y.rank ? -1 : x.rank > y.rank ? 1 : 0))
    .slice(0, size)
    .map((x) => x.seq);
  if (ranked.length === 0) return { population: seqs.length, rows: [] };
  const rows = await selectRows(joined(db).where('a.seq', 'in', ranked).orderBy('a.seq', 'asc'));
  return { population: seqs.length, rows };
}

/** Which of the given sequence numbers exist in the log. */
export async function existingSeqs(db: ReadDb, seqs: readonly number[]): Promise<number[]> {
  if (seqs.length === 0) return [];
  const rows = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('seq', 'in', [...seqs])
    .execute();
  return rows.map((r) => r.seq);
}

/**
 * Marks rows reviewed. Marking a row again replaces the reviewer, time and comment: the latest
 * review is what counts, and each marking is its own 'review' row in the log, so who reviewed
 * what and when stays on record.
 */
export async function markReviewed(db: WriteDb, seqs: readonly number[], reviewerId: number, at: Date, comment: string): Promise<void> {
  for (const seq of seqs) {
    await db
      .insertInto('audit_reviews')
      .values({ seq, reviewed_by: reviewerId, reviewed_at: at.toISOString(), comment })
      .onConflict((oc) => oc.column('seq').doUpdateSet({ reviewed_by: reviewerId, reviewed_at: at.toISOString(), comment }))
      .execute();
  }
}

/** The last row of the chain (sequence number and hash), or null while the log is empty. */
export async function chainHead(db: ReadDb): Promise<ChainHead | null> {
  const row = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ?? null;
}

/**
 * Every row about one case, oldest first, for the survivor's extract: who (display name), as
 * what, when, which action on which kind of thing. Never entity ids (they lead to other records)
 * and never reasons, except a reveal's: that is the worker's justification for seeing the
 * survivor's protected identity, which the survivor has a right to know. Other reasons (safe
 * distance overrides) may describe the perpetrator's whereabouts and stay out.
 */
export async function caseLogEntries(db: ReadDb, caseId: number): Promise<CaseLogEntry[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.seq as seq',
      'a.at as at',
      'u.display_name as userName',
      'a.role as role',
      'a.action as action',
      'a.entity as entity',
      'a.outcome as outcome',
      'a.reason as reason',
    ])
    .where('a.case_id', '=', caseId)
    .orderBy('a.seq', 'asc')
    .execute();
  return rows.map((r) => ({ ...r, reason: r.action === 'reveal' ? r.reason : null }));
}
