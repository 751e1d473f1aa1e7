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
}

/** The hash of one audit row: over the previous row's hash and every field of this row. */
export function auditHash(prevHash: string, row: AuditFields): string {
  const canonical = JSON.stringify([row.seq, row.at, row.user_id, row.role, row.action, row.entity, row.entity_id, row.outcome]);
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
