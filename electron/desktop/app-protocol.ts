import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, isAppUrl } from './app-url';
import { SECURITY_HEADERS } from './content-security';
import { mimeTypeFor, resolveStaticPath } from '../shared/static-files';

/**
 * Declares app:// standard (so relative URLs, origins and storage work like https) and secure
 * (so the page is a secure context). Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // fetch() stays same-origin under the CSP; allowed so the page can read its own static files.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at app://fristad/ (call once the app is ready). */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}

/** The request handler behind app://, separate from Electron so it can be tested directly. */
export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return refuse(405);
    if (!isAppUrl(request.url)) return refuse(404);
    const filePath = resolveStaticPath(rendererDir, new URL(request.url).pathname);
    if (filePath === null) return refuse(400);
    const contentType = mimeTypeFor(filePath);
    if (contentType === null) return refuse(404);
    let body: Buffer;
    try {
      body = await readFile(filePath);
    } catch {
      return refuse(404);
    }
    return new Response(new Uint8Array(body), { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });
  };
}

function refuse(status: 400 | 404 | 405): Response {
  return new Response(null, { status, headers: { ...SECURITY_HEADERS } });
}
