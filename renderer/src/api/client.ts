import { channels } from '../../../core/contract';
import type { ApiError, ApiIssue, Channel, ChannelInput, ChannelOutput } from '../../../core/contract';
import { EnvelopeSchema, LOCAL_ERROR, getBridge } from '../bridge';

/** Thrown by `call` when a channel answers with an error (or the input failed validation here). */
export class ApiCallError extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

/** The ApiError inside anything a `call` can throw. */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiCallError) return thrown.error;
  return { code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) };
}

type LockedListener = (code: 'locked' | 'database_damaged') => void;
let lockedListener: LockedListener | null = null;

/** The session layer registers here to learn that the API locked itself (idle timeout in main, or a damaged database it closed). */
export function onLockedError(listener: LockedListener | null): void {
  lockedListener = listener;
}

export function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
    message: issue.message,
  }));
}

/**
 * Calls one channel of the contract. The input is validated here with the same schema the handler
 * uses, so forms get field errors without a round trip; the answer is validated too, so the UI only
 * ever holds contract types.
 */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const schemas = channels[channel];
  const parsedInput = schemas.input.safeParse(input);
  if (!parsedInput.success) {
    throw new ApiCallError({ code: 'invalid_input', message: 'invalid_input', issues: issuesOf(parsedInput.error) });
  }
  let raw: unknown;
  try {
    raw = await getBridge().invoke(channel, parsedInput.data);
  } catch {
    // The preload's IPC rejects only if the main process is gone or broken.
    throw new ApiCallError({ code: 'internal', message: LOCAL_ERROR.unreachable });
  }
  const answer = EnvelopeSchema.safeParse(raw);
  if (!answer.success) throw new ApiCallError({ code: 'internal', message: LOCAL_ERROR.badAnswer });
  if (!answer.data.ok) {
    const code = answer.data.error.code;
    if (code === 'locked' || code === 'database_damaged') lockedListener?.(code);
    throw new ApiCallError(answer.data.error);
  }
  const output = schemas.output.safeParse(answer.data.result);
  if (!output.success) throw new ApiCallError({ code: 'internal', message: LOCAL_ERROR.badAnswer });
  return output.data as ChannelOutput<C>;
}
