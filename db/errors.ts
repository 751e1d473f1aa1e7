import type { ErrorCode } from '../core/contract';

/** An error whose code and message may cross to the user: never put personal data in the message. */
export class DbError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DbError';
  }
}
