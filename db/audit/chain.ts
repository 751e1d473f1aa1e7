import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  seq: number;
  at: string;
  user_id: number | null;
  role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  outcome: string;
  /** Added by migration 0004; rows before it have neither, and hash as they always did. */
  case_id?: number | null;
  reason?: string | null;
}

/** The hash of one audit row: over the previous row's hash and every field of this row. */
export function auditHash(prevHash: string, row: AuditFields): string {
  const fields: unknown[] = [row.seq, row.at, row.user_id, row.role, row.action, row.entity, row.entity_id, row.outcome];
  // Appended only when set, so rows written before these columns existed keep their hashes.
  if ((row.case_id ?? null) !== null || (row.reason ?? null) !== null) fields.push(row.case_id ?? null, row.reason ?? null);
  const canonical = JSON.stringify(fields);
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
