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
