import path from 'node:path';

/**
 * What both hosts (app:// in the desktop, http://127.0.0.1 in browser mode) may serve of the built
 * renderer: one MIME table and one path guard, so neither host can be laxer than the other.
 */

/** Content types of what Vite emits; anything else is not served at all. */
export const MIME_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
});

/** The content type for a file name, or null when we do not serve that kind of file. */
export function mimeTypeFor(filePath: string): string | null {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? null;
}

/**
 * Maps a URL path (still percent-encoded) to a file inside `rendererDir`, or null when it
 * could name anything outside it. Chromium and `new URL` normalise `..` before we see it, but
 * encoded slashes, backslashes, drive letters and NUL survive that, so check here too.
 */
export function resolveStaticPath(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rendererDir);
  const full = path.resolve(root, relative);
  return full.startsWith(root + path.sep) ? full : null;
}
