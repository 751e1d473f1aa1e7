// The one origin the desktop window may show. No electron import: the preload and tests use it.

export const APP_SCHEME = 'app';
export const APP_HOST = 'fristad';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** True when a URL is on app://fristad exactly: no other host, port or user info. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Node parses app: as a non-special scheme, whose URL.origin is "null"; compare the parts.
  return (
    parsed.protocol === `${APP_SCHEME}:` && parsed.hostname.toLowerCase() === APP_HOST && parsed.port === '' && parsed.username === '' && parsed.password === ''
  );
}

/** True for the app's own start page (any hash or query): loading it again is a reload. */
export function isAppPageUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname } = new URL(url);
  return pathname === '/' || pathname === '/index.html';
}
