// The desktop host's only log. Messages and stacks can carry case data (a name in a validation
// message, a path with a user name), so only fixed codes and Node-style error codes are written.

const SAFE_CODE = /^[A-Za-z0-9_:.-]{1,64}$/;

/** Writes a fixed event code, plus an error's `code` (e.g. ENOENT) when it has a safe one. */
export function logCode(code: string, error?: unknown): void {
  const detail = errorCode(error);
  console.error(detail === null ? `[fristad] ${code}` : `[fristad] ${code} (${detail})`);
}

/** The `code` property of an error when it is a short identifier, else null. */
export function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const { code } = error;
  return typeof code === 'string' && SAFE_CODE.test(code) ? code : null;
}
