import fs from 'node:fs';
import { z } from 'zod';
import { restrictFile } from '../files/secure-files';

/**
 * Failed unlock and recovery attempts happen while the database is locked, so they cannot go
 * into the audit log yet. They wait in a small file beside it (time, kind and the slot id of a
 * known user, never what was typed) and move into the audit log at the next successful unlock.
 * The same file paces guessing: its length is the number of failures since the last success.
 */
export const PendingAttemptSchema = z.object({
  at: z.string(),
  kind: z.enum(['failed_unlock', 'failed_recover']),
  slot: z.string().nullable(),
});
export type PendingAttempt = z.infer<typeof PendingAttemptSchema>;

/** Seconds to wait after `failures` failed attempts in a row: none for the first three, then doubling, at most 5 minutes. */
export function delayAfterFailures(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(2 ** (failures - 2), 300);
}

/** Reads the attempts waiting for the audit log; unreadable lines are kept as anonymous failures. */
export function readPendingAttempts(file: string): PendingAttempt[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return PendingAttemptSchema.parse(JSON.parse(line));
      } catch {
        return { at: new Date(0).toISOString(), kind: 'failed_unlock' as const, slot: null };
      }
    });
}

/** Appends one failed attempt durably. */
export function recordPendingAttempt(file: string, attempt: PendingAttempt): void {
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(attempt)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  restrictFile(file);
}

/** Seconds until the next attempt is allowed, given the pending failures and the time now. */
export function retryAfterSeconds(attempts: readonly PendingAttempt[], now: Date): number {
  const last = attempts[attempts.length - 1];
  if (!last) return 0;
  const wait = delayAfterFailures(attempts.length);
  const elapsed = (now.getTime() - new Date(last.at).getTime()) / 1000;
  // A clock set backwards must not lock people out for longer than the delay itself.
  return Math.min(wait, Math.max(0, Math.ceil(wait - elapsed)));
}

/** Forgets the pending attempts once they are safely in the audit log. */
export function clearPendingAttempts(file: string): void {
  fs.rmSync(file, { force: true });
}
