import type { ApiIssue, ErrorCode } from '../core/contract';

/**
 * An error whose code and message may cross to the user: never put personal data in the message.
 * `issues` name what is wrong by path (for example a field of an imported instrument file, or an
 * output a completion still lacks); paths and messages are codes and ids, never entered values.
 */
export class DbError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
    readonly issues?: ApiIssue[],
  ) {
    super(message);
    this.name = 'DbError';
  }
}

/** What the user reads when the database file is damaged: what happened and what to do. */
export const DAMAGED_MESSAGE =
  'The database file is damaged, so Fristad has closed it and shows nothing from it. An administrator can restore the latest backup from the unlock screen (Restore from backup); the damaged file is kept aside for IT.';

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
