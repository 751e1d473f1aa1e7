import { z } from 'zod';
import { ApiErrorSchema } from '../../core/contract';
import type { ApiError, ApiResult, FristadBridge } from '../../core/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    fristad?: FristadBridge;
  }
}

const TOKEN_KEY = 'fristad.token';

/**
 * Messages of errors that the renderer itself produces (no answer from the API). They are keys, not
 * prose, so the UI can translate them; see api/error-text.ts.
 */
export const LOCAL_ERROR = {
  linkInvalid: 'renderer:link_invalid',
  unreachable: 'renderer:unreachable',
  badAnswer: 'renderer:bad_answer',
} as const;

/** The answer every channel gives, whichever bridge carried it. */
export const EnvelopeSchema = z.union([z.object({ ok: z.literal(true), result: z.unknown() }), z.object({ ok: z.literal(false), error: ApiErrorSchema })]);

function failure(error: ApiError): ApiResult<unknown> {
  return { ok: false, error };
}

/** Takes the per-launch token from `#token=…` once, then forgets the fragment so it is not shared or bookmarked. */
function readToken(): string | null {
  const match = /^#(?:.*&)?token=([^&]+)/.exec(window.location.hash);
  if (match?.[1] !== undefined) {
    const token = decodeURIComponent(match[1]);
    try {
      window.sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return token;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function createBrowserBridge(): FristadBridge {
  const token = readToken();
  return {
    async invoke(channel, input) {
      if (token === null) return failure({ code: 'forbidden', message: LOCAL_ERROR.linkInvalid });
      let response: Response;
      try {
        response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ channel, input }),
        });
      } catch {
        return failure({ code: 'internal', message: LOCAL_ERROR.unreachable });
      }
      // The host answers 401/403 only when it refuses the token, Host or Origin: the address is stale.
      if (response.status === 401 || response.status === 403) {
        return failure({ code: 'forbidden', message: LOCAL_ERROR.linkInvalid });
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return failure({ code: 'internal', message: LOCAL_ERROR.badAnswer });
      }
      const envelope = EnvelopeSchema.safeParse(body);
      return envelope.success ? envelope.data : failure({ code: 'internal', message: LOCAL_ERROR.badAnswer });
    },
  };
}

let browserBridge: FristadBridge | null = null;

/** The preload's bridge in Electron (and in tests); otherwise the authenticated loopback fetch. */
export function getBridge(): FristadBridge {
  if (window.fristad) return window.fristad;
  browserBridge ??= createBrowserBridge();
  return browserBridge;
}
