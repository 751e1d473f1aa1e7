import fs from 'node:fs';
import { z } from 'zod';
import { RoleSchema } from '../../core/contract/common';
import { restrictFile } from '../files/secure-files';

/**
 * Lock and unlock rows that could not be written because the disk was full. Locking and unlocking
 * must work then (the user must be able to close the data), so their rows wait in a small file
 * beside the database (time, action, user id and role: no personal data) and move into the audit
 * log at the next unlock that has room. If even this file cannot be written, the row is lost; the
 * README says so.
 */
export const DeferredAuditSchema = z.object({
  at: z.string(),
  action: z.enum(['lock', 'unlock']),
  userId: z.number().int(),
  role: RoleSchema,
  entityId: z.string().nullable(),
});
export type DeferredAudit = z.infer<typeof DeferredAuditSchema>;

/** Reads the rows waiting for the audit log; unreadable lines are dropped. */
export function readDeferredAudit(file: string): DeferredAudit[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line) => {
    const parsed = line.trim() === '' ? null : DeferredAuditSchema.safeParse(safeJson(line));
    return parsed?.success ? [parsed.data] : [];
  });
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** Adds a row; false when even that could not be written (the disk has no byte left). */
export function deferAudit(file: string, row: DeferredAudit): boolean {
  try {
    fs.appendFileSync(file, `${JSON.stringify(row)}\n`, { mode: 0o600 });
    restrictFile(file);
    return true;
  } catch {
    return false;
  }
}

/** Forgets the rows once they are in the audit log. */
export function clearDeferredAudit(file: string): void {
  fs.rmSync(file, { force: true });
}
