import type { z } from 'zod';
import { channels, isChannel, normalizeInputText, type ApiError, type ApiIssue, type ApiResult, type Channel } from '../../core/contract';
import { DbError, type DbHost } from '../../worker/worker-client';
import { runChannel, type ParsedInput } from './handlers';
import type { Api } from './types';

function failure(error: ApiError): ApiResult<never> {
  return { ok: false, error };
}

function toIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p.description ?? '') : p)),
    message: issue.message,
  }));
}

async function run<C extends Channel>(host: DbHost, channel: C, input: unknown): Promise<ApiResult<unknown>> {
  // Broken text would be stored changed (U+FFFD), so it is refused before anything else; the rest
  // is taken in NFC, so a name pasted decomposed (A + combining ring) is stored, found and sorted
  // as the same name typed.
  const text = normalizeInputText(input);
  if (!text.ok) {
    return failure({
      code: 'invalid_input',
      message: 'Some text contains broken characters (often from a copy and paste). Type it again.',
      issues: [{ path: text.path, message: 'text_not_well_formed' }],
    });
  }
  const parsed = channels[channel].input.safeParse(text.value);
  if (!parsed.success) {
    return failure({
      code: 'invalid_input',
      message: 'Some of the information is missing or not valid. Check the marked fields.',
      issues: toIssues(parsed.error),
    });
  }
  const result = await runChannel(host, channel, parsed.data as ParsedInput<C>);
  // The renderer sees only contract types: unknown fields are stripped here.
  return { ok: true, result: channels[channel].output.parse(result) };
}

/** The API both hosts serve: validates every input, runs the handler, and maps errors to `{ code, message }`. */
export function createApi(host: DbHost): Api {
  return {
    async invoke(channel: unknown, input: unknown): Promise<ApiResult<unknown>> {
      if (typeof channel !== 'string' || !isChannel(channel)) {
        return failure({ code: 'unknown_channel', message: 'Fristad does not know that request. Update or restart the app.' });
      }
      try {
        return await run(host, channel, input);
      } catch (err) {
        if (err instanceof DbError) {
          const error: ApiError = { code: err.code, message: err.message };
          if (err.retryAfterSeconds !== undefined) error.retryAfterSeconds = err.retryAfterSeconds;
          if (err.issues !== undefined) error.issues = err.issues;
          if (err.space) Object.assign(error, err.space);
          if (err.reason !== undefined) error.reason = err.reason;
          if (err.params !== undefined) error.params = err.params;
          return failure(error);
        }
        // No stack and no message: either could carry personal data.
        console.error(`[fristad] ${channel} failed: ${(err as { name?: string }).name ?? 'Error'}`);
        return failure({ code: 'internal', message: 'Something went wrong. Try again, and restart Fristad if it keeps happening.' });
      }
    },
  };
}
