import fs from 'node:fs';
import type { ApiIssue, ErrorCode, RefusalParams, RefusalReason } from '../core/contract';

/**
 * An error whose code and message may cross to the user: never put personal data in the message.
 * `issues` name what is wrong by path (for example a field of an imported instrument file, or an
 * output a completion still lacks); paths and messages are codes and ids, never entered values.
 */
export class DbError extends Error {
  reason?: RefusalReason;
  params?: RefusalParams;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
    readonly issues?: ApiIssue[],
    readonly space?: { neededBytes: number; freeBytes?: number },
  ) {
    super(message);
    this.name = 'DbError';
  }

  /** Names why, for the user's catalogue (`refusal.<reason>`), with the values its text needs. */
  because(reason: RefusalReason, params?: RefusalParams): this {
    this.reason = reason;
    if (params !== undefined) this.params = params;
    return this;
  }
}

/** What the user reads when the database file is damaged: what happened and what to do. */
export const DAMAGED_MESSAGE =
  'The database file is damaged, so Fristad has closed it and shows nothing from it. An administrator can restore the latest backup from the unlock screen (Restore from backup); the damaged file is kept aside for IT.';

/** True for a write refused for want of space: SQLite's SQLITE_FULL, or ENOSPC from the file system. */
export function isDiskFullError(err: unknown): boolean {
  if (err instanceof DbError) return err.code === 'disk_full';
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || (typeof code === 'string' && code.startsWith('SQLITE_FULL'));
}

/** Free space Fristad wants before writing again: room for the write-ahead log to grow and be checkpointed. */
const WANTED_FREE_BYTES = 64 * 1024 * 1024;

/**
 * The refusal for a full disk, with the space wanted on the disk that holds `dir` (64 MiB plus the
 * current write-ahead log, which a checkpoint copies into the database) and what is free now.
 */
export function diskFullError(dir: string, wal?: string): DbError {
  let walBytes = 0;
  let freeBytes: number | undefined;
  try {
    if (wal) walBytes = fs.statSync(wal).size;
  } catch {
    // No log: nothing to add.
  }
  try {
    const s = fs.statfsSync(dir);
    freeBytes = s.bavail * s.bsize;
  } catch {
    // Not every file system answers; the refusal still says what to do.
  }
  const neededBytes = WANTED_FREE_BYTES + walBytes;
  const mb = Math.ceil(neededBytes / (1024 * 1024));
  return new DbError(
    'disk_full',
    `The disk is full, so Fristad cannot save anything now. Free at least ${mb} MB on the disk that holds the data folder; Fristad continues by itself once there is room. Nothing already saved is lost.`,
    undefined,
    undefined,
    freeBytes === undefined ? { neededBytes } : { neededBytes, freeBytes },
  );
}

/** The refusal for a damaged database file. */
export function damagedError(): DbError {
  return new DbError('database_damaged', DAMAGED_MESSAGE);
}

/**
 * True for SQLite's answers to a damaged file: a page whose checksum (the cipher's HMAC) fails,
 * a header that does not decrypt with a key already proven by the key file, a malformed b-tree.
 */
export function isDamageError(err: unknown): boolean {
  if (err instanceof DbError) return err.code === 'database_damaged';
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}
