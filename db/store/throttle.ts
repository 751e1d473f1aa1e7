import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { restrictFile } from '../files/secure-files';

/**
 * Failed unlock and recovery attempts happen while the database is locked, so they cannot go
 * into the audit log yet. They wait in a small file beside it (time, kind, an attempt id and the
 * slot id of a known user, never what was typed) and move into the audit log at the next
 * successful unlock, whoever unlocks. The attempt id goes into the audit row's entity id, so a
 * move cut short between the database commit and the file's removal is not written twice.
 *
 * Pacing is kept apart, in `fristad.pacing.json` (see PacingState): moving the attempts into the
 * log, or one account's success, must not forget another account's failures.
 */
export const PendingAttemptSchema = z.object({
  at: z.string(),
  kind: z.enum(['failed_unlock', 'failed_recover']),
  slot: z.string().nullable(),
  /** Absent in lines written before attempt ids existed. */
  id: z.string().optional(),
});
export type PendingAttempt = z.infer<typeof PendingAttemptSchema>;

/** Seconds to wait after `failures` failed attempts in a row on one account: none for the first three, then doubling, at most 5 minutes. */
export function delayAfterFailures(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(2 ** (failures - 2), 300);
}

/** Failures across all accounts within this window count towards the installation-wide limit. */
export const INSTALLATION_WINDOW_MS = 60 * 60 * 1000;
/** Failures the installation allows within the window before everyone waits. */
export const INSTALLATION_FREE_FAILURES = 20;

/** Seconds to wait after `failures` failed attempts across the installation within the window: looser than one account's. */
export function installationDelayAfterFailures(failures: number): number {
  if (failures < INSTALLATION_FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - INSTALLATION_FREE_FAILURES + 1), 300);
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

/** Forgets the pending attempts once they are safely in the audit log. */
export function clearPendingAttempts(file: string): void {
  fs.rmSync(file, { force: true });
}

/** A new attempt id: random, so it says nothing about the attempt. */
export function newAttemptId(): string {
  return crypto.randomBytes(12).toString('base64url');
}

const AccountPacingSchema = z.object({ failures: z.number().int().nonnegative(), last: z.string() });

/**
 * What paces guessing, per account and for the installation. `accounts` is keyed by bucket: a
 * known user's slot id, a slow hash of a username that names no one (so an unknown name is paced
 * exactly like a known one that failed as often, and the unlock screen tells nothing about which
 * names exist), or `recovery` for the recovery key. An account's entry counts its failures since
 * its last success and is removed only by that success. `recent` holds the times of every failure
 * within INSTALLATION_WINDOW_MS, for the installation-wide limit.
 */
export const PacingStateSchema = z.object({
  accounts: z.record(z.string(), AccountPacingSchema),
  recent: z.array(z.string()),
});
export type PacingState = z.infer<typeof PacingStateSchema>;

/** The bucket of recovery-key attempts: one for the installation, as there is one key. */
export const RECOVERY_BUCKET = 'recovery';
/** Most buckets kept; beyond it the least recently failed go first, whether the name is known or not. */
const MAX_BUCKETS = 5000;
const MAX_RECENT = 1000;

/** Reads the pacing state; a missing or unreadable file is an empty one. */
export function readPacing(file: string): PacingState {
  try {
    return PacingStateSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return { accounts: {}, recent: [] };
  }
}

/** Writes the pacing state whole and durably (a temporary file renamed into place). */
export function writePacing(file: string, state: PacingState): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(state));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  restrictFile(file);
}

function secondsLeft(wait: number, lastAt: string | undefined, now: Date): number {
  if (!lastAt || wait === 0) return 0;
  const elapsed = (now.getTime() - new Date(lastAt).getTime()) / 1000;
  // A clock set backwards must not lock people out for longer than the delay itself.
  return Math.min(wait, Math.max(0, Math.ceil(wait - elapsed)));
}

function recentWithin(state: PacingState, now: Date): string[] {
  const since = now.getTime() - INSTALLATION_WINDOW_MS;
  return state.recent.filter((at) => {
    const t = new Date(at).getTime();
    return t > since && t <= now.getTime();
  });
}

/** Seconds until anyone may try again: the installation-wide limit (what the unlock screen's status shows). */
export function installationRetryAfter(state: PacingState, now: Date): number {
  const recent = recentWithin(state, now);
  return secondsLeft(installationDelayAfterFailures(recent.length), recent[recent.length - 1], now);
}

/** Seconds until this bucket may try again: its own failures, or the installation's, whichever is longer. */
export function bucketRetryAfter(state: PacingState, bucket: string, now: Date): number {
  const entry = state.accounts[bucket];
  const own = entry ? secondsLeft(delayAfterFailures(entry.failures), entry.last, now) : 0;
  return Math.max(own, installationRetryAfter(state, now));
}

/** The state after one more failure in `bucket` at `now`. */
export function withFailure(state: PacingState, bucket: string, now: Date): PacingState {
  const at = now.toISOString();
  const accounts = { ...state.accounts, [bucket]: { failures: (state.accounts[bucket]?.failures ?? 0) + 1, last: at } };
  const kept = Object.entries(accounts)
    .sort((a, b) => b[1].last.localeCompare(a[1].last))
    .slice(0, MAX_BUCKETS);
  return { accounts: Object.fromEntries(kept), recent: [...recentWithin(state, now), at].slice(-MAX_RECENT) };
}

/** The state after a success in these buckets: their own failures are forgotten, nobody else's. */
export function withSuccess(state: PacingState, buckets: readonly string[], now: Date): PacingState {
  const accounts = Object.fromEntries(Object.entries(state.accounts).filter(([b]) => !buckets.includes(b)));
  return { accounts, recent: recentWithin(state, now) };
}
