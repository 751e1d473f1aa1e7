import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../desktop/content-security';
import type { Api } from '../api/types';

export interface BrowserHostOptions {
  api: Api;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** Fixed port, or null for a random free one. */
  port: number | null;
}

export interface BrowserHost {
  port: number;
  token: string;
  /** The address to open, with the token in the fragment (never sent to the server in a URL). */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function baseHeaders(): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: 400 | 401 | 403 | 404 | 405 | 413 | 415, message: string): void {
  const code = status === 401 || status === 403 ? 'forbidden' : status === 404 || status === 405 ? 'unknown_channel' : 'invalid_input';
  sendJson(res, status, { ok: false, error: { code, message } });
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve('too_large');
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Resolves a URL path inside the static folder, or null for anything that would leave it. */
export function resolveStaticPath(staticDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(staticDir);
  const full = path.resolve(root, relative);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, api: Api, origin: string, token: string): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
  // Origin is checked before the token so that a page on another site learns nothing either way.
  if (req.headers.origin !== origin) return refuse(res, 403, 'Requests must come from the Fristad page itself.');
  if (!tokenMatches(req.headers.authorization, token)) return refuse(res, 401, 'The access token is missing or wrong. Open the address Fristad printed when it started.');
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return refuse(res, 415, 'Send JSON.');
  const body = await readBody(req);
  if (body === 'too_large') return refuse(res, 413, 'The request is too large.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(res, 400, 'The request is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return refuse(res, 400, 'The request must be a JSON object.');
  const { channel, input } = parsed as { channel?: unknown; input?: unknown };
  sendJson(res, 200, await api.invoke(channel, input));
}

function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, staticDir: string, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Use GET.');
  if (pathname === '/favicon.ico') {
    // Browsers ask for it unprompted; answering "no content" keeps their consoles clean.
    res.writeHead(204, baseHeaders());
    res.end();
    return;
  }
  const file = resolveStaticPath(staticDir, pathname);
  if (!file) return refuse(res, 404, 'Not found.');
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    return refuse(res, 404, 'Not found.');
  }
  res.writeHead(200, {
    ...baseHeaders(),
    'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': data.length,
  });
  res.end(req.method === 'HEAD' ? undefined : data);
}

/** Serves the renderer and the API on 127.0.0.1 only, behind a per-launch secret token. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = crypto.randomBytes(32).toString('base64url');
  let host = '';
  let origin = '';
  const server = http.createServer((req, res) => {
    // Host is checked on every request, page and API alike: it defeats DNS rebinding.
    if (req.headers.host !== host) return refuse(res, 403, 'Wrong host.');
    const pathname = new URL(req.url ?? '/', origin).pathname;
    const done = pathname === '/api/invoke' ? handleApi(req, res, options.api, origin, token) : Promise.resolve(handleStatic(req, res, options.staticDir, pathname));
    done.catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong.' } });
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  return {
    port,
    token,
    url: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
