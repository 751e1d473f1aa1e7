import type { ReadDb } from '../handles';
import { auditHash, GENESIS_HASH } from '../audit/chain';
import type { AuditLogTable } from '../schema';
import { currentAuditCaseId } from '../audit/context';
import { toWellFormedText } from '../../core/contract/well-formed-text';

/** What happened; content never goes here, only which kind of thing and its id. */
export type AuditAction =
  | 'read'
  | 'export'
  | 'create'
  | 'update'
  | 'disable'
  | 'setup'
  | 'unlock'
  | 'failed_unlock'
  | 'lock'
  | 'change_passphrase'
  | 'recover'
  | 'failed_recover'
  | 'verify'
  | 'migrate'
  | 'delete'
  | 'sign'
  | 'close'
  | 'reopen'
  | 'transition'
  | 'backup'
  | 'restore'
  | 'print'
  | 'reveal'
  | 'share'
  | 'unshare'
  | 'review'
  | 'purge'
  | 'rollback_detected'
  | 'acknowledge';

export interface AuditEntry {
  userId: number | null;
  role: AuditLogTable['role'];
  action: AuditAction;
  entity: string;
  entityId?: string | number | null;
  outcome?: 'ok' | 'denied' | 'failed';
  at?: Date;
  /** The case the row concerns; defaults to the case of the request being served (see audit-context). */
  caseId?: number | null;
  /** The user's written reason (a reveal, an override); never case content. */
  reason?: string | null;
}

/** Where a read records its audit row: at once (appendAudit), or into a batch its caller appends. */
export type AuditSink = (db: ReadDb, entry: AuditEntry) => Promise<unknown>;

/** A sink that keeps the rows, in order, for one appendAudits by the caller. */
export function auditBatch(): { sink: AuditSink; entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return { sink: (_db, entry) => Promise.resolve(entries.push(entry)), entries };
}

/** Appends one row to the hash chain; call it inside the transaction of the write it records. */
export async function appendAudit(db: ReadDb, entry: AuditEntry): Promise<number> {
  return appendAudits(db, [entry]);
}

/**
 * Appends rows to the hash chain in order, reading the chain's head once and inserting them in one
 * statement; call it inside the transaction of what they record. Returns the last row's sequence.
 */
export async function appendAudits(db: ReadDb, entries: readonly AuditEntry[]): Promise<number> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map((entry) => {
    seq += 1;
    const row = {
      seq,
      at: (entry.at ?? new Date()).toISOString(),
      user_id: entry.userId,
      role: entry.role,
      action: entry.action,
      entity: entry.entity,
      // Hashed as stored: UTF-8 storage turns a lone surrogate into U+FFFD (the API refuses such text; this is the last guard).
      entity_id: entry.entityId === undefined || entry.entityId === null ? null : toWellFormedText(String(entry.entityId)),
      outcome: entry.outcome ?? 'ok',
      case_id: entry.caseId === undefined ? currentAuditCaseId() : entry.caseId,
      reason: entry.reason === undefined || entry.reason === null ? null : toWellFormedText(entry.reason),
    };
    const hash = auditHash(prevHash, row);
    const stored = { ...row, prev_hash: prevHash, hash };
    prevHash = hash;
    return stored;
  });
  if (rows.length > 0) await db.insertInto('audit_log').values(rows).execute();
  return seq;
}

export type ChainVerification = { ok: true; rows: number; headSequence: number; headHash: string } | { ok: false; rows: number; firstBadSequence: number };

/** Walks the whole chain in order and names the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: ReadDb, batchSize = 5000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const batch = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batchSize).execute();
    for (const row of batch) {
      // A gap means rows were deleted: the first missing sequence number is the bad one.
      if (row.seq !== expectedSeq) return { ok: false, rows, firstBadSequence: expectedSeq };
      if (row.prev_hash !== prevHash || row.hash !== auditHash(prevHash, row)) {
        return { ok: false, rows, firstBadSequence: row.seq };
      }
      prevHash = row.hash;
      expectedSeq++;
      rows++;
    }
    if (batch.length < batchSize) break;
  }
  return { ok: true, rows, headSequence: expectedSeq - 1, headHash: prevHash };
}

/** Counts audit rows; tests use it to prove that a refused call wrote nothing. */
export async function countAuditRows(db: ReadDb): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
