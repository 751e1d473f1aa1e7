import crypto from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_REQUEST_MAX_BYTES, INPUT_MAX_DEPTH, INPUT_MAX_VALUES, jsonTextTooComplex } from '../../core/contract';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../desktop/content-security';
import { mimeTypeFor, resolveStaticPath } from '../shared/static-files';
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

/**
 * The API body limit. It must admit the largest input the contract allows, or a legal request
 * (an instrument file of up to INSTRUMENT_FILE_MAX_CHARS characters) would fail in browser mode
 * only; see API_REQUEST_MAX_BYTES for the arithmetic (about 12 MB).
 */
const MAX_BODY_BYTES = API_REQUEST_MAX_BYTES;

/** The envelope `{ channel, input }` is one level above the input itself. */
const MAX_BODY_DEPTH = INPUT_MAX_DEPTH + 1;

type RefusalStatus = 400 | 401 | 403 | 404 | 405 | 413 | 415;

function baseHeaders(): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
}

/** How long a refused connection may wait for the client to hang up before it is dropped. */
const LINGER_MS = 2_000;

/**
 * Ends the connection after the answer without reading the body the client may still be sending.
 * Node, left alone, would either drain the whole body to reuse the connection (any size, and
 * before the token was even checked) or, with `Connection: close`, destroy the socket as soon as
 * the answer is flushed: a client still writing then gets a reset, often before it has read the
 * answer (a network error instead of 413). So: claim the body (no draining), send the answer and
 * a FIN, read nothing more, and destroy the socket once the client hangs up or after LINGER_MS.
 */
function closeWithoutReadingBody(res: http.ServerResponse): void {
  res.req.read(0);
  const socket = res.socket;
  if (socket === null) return;
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
}

/** `unreadBody`: the request body has not been (fully) read and will not be; see closeWithoutReadingBody. */
function sendJson(res: http.ServerResponse, status: number, body: unknown, unreadBody = false): void {
  const text = JSON.stringify(body);
  const headers: http.OutgoingHttpHeaders = { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) };
  if (unreadBody) {
    headers.Connection = 'close';
    closeWithoutReadingBody(res);
  }
  res.writeHead(status, headers);
  res.end(text);
}

function refuse(res: http.ServerResponse, status: RefusalStatus, message: string, unreadBody: boolean): void {
  const code = status === 401 || status === 403 ? 'forbidden' : status === 404 || status === 405 ? 'unknown_channel' : 'invalid_input';
  sendJson(res, status, { ok: false, error: { code, message } }, unreadBody);
}

/** Whether the request carries a body (which a refusal before reading leaves unread). */
function hasBody(req: http.IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** Reads the body, stopping (not draining) as soon as it passes `limit`: a chunked body has no length to check first. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        settled = true;
        req.off('data', onData);
        req.pause();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      settled = true;
      resolve(Buffer.concat(chunks, size));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!settled) reject(new Error('The request was aborted.'));
    });
  });
}

/** The refusal a request earns from its method and headers alone, checked before any of its body is read. */
function headerRefusal(req: http.IncomingMessage, origin: string, token: string): [RefusalStatus, string] | null {
  if (req.method !== 'POST') return [405, 'Use POST.'];
  // Origin is checked before the token so that a page on another site learns nothing either way.
  if (req.headers.origin !== origin) return [403, 'Requests must come from the Fristad page itself.'];
  if (!tokenMatches(req.headers.authorization, token)) return [401, 'The access token is missing or wrong. Open the address Fristad printed when it started.'];
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return [415, 'Send JSON.'];
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) return [413, 'The request is too large.'];
  return null;
}

async function handleApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  api: Api,
  origin: string,
  token: string,
  expectsContinue: boolean,
): Promise<void> {
  const refusal = headerRefusal(req, origin, token);
  if (refusal) return refuse(res, ...refusal, hasBody(req));
  if (expectsContinue) res.writeContinue();
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === 'too_large') return refuse(res, 413, 'The request is too large.', true);
  const text = body.toString('utf8');
  // Before JSON.parse: parsing, validating and walking a body nested a million deep, or of millions
  // of tiny values, would hold every other request up for most of a second; counting is one cheap pass.
  const complex = jsonTextTooComplex(text, MAX_BODY_DEPTH, INPUT_MAX_VALUES);
  if (complex === 'depth') return refuse(res, 400, 'The request nests too deeply.', false);
  if (complex === 'values') return refuse(res, 400, 'The request holds too many values.', false);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse(res, 400, 'The request is not valid JSON.', false);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return refuse(res, 400, 'The request must be a JSON object.', false);
  const { channel, input } = parsed as { channel?: unknown; input?: unknown };
  sendJson(res, 200, await api.invoke(channel, input));
}

async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, staticDir: string, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Use GET.', hasBody(req));
  if (pathname === '/favicon.ico') {
    // Browsers ask for it unprompted; answering "no content" keeps their consoles clean.
    res.writeHead(204, baseHeaders());
    res.end();
    return;
  }
  const file = resolveStaticPath(staticDir, pathname);
  const contentType = file === null ? null : mimeTypeFor(file);
  if (file === null || contentType === null) return refuse(res, 404, 'Not found.', hasBody(req));
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return refuse(res, 404, 'Not found.', hasBody(req));
  }
  res.writeHead(200, { ...baseHeaders(), 'Content-Type': contentType, 'Content-Length': data.length });
  res.end(req.method === 'HEAD' ? undefined : data);
}

/** Serves the renderer and the API on 127.0.0.1 only, behind a per-launch secret token. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = crypto.randomBytes(32).toString('base64url');
  let host = '';
  let origin = '';
  const handle = (req: http.IncomingMessage, res: http.ServerResponse, expectsContinue: boolean): void => {
    // Host is checked on every request, page and API alike: it defeats DNS rebinding.
    if (req.headers.host !== host) return refuse(res, 403, 'Wrong host.', hasBody(req));
    const pathname = new URL(req.url ?? '/', origin).pathname;
    const done =
      pathname === '/api/invoke' ? handleApi(req, res, options.api, origin, token, expectsContinue) : handleStatic(req, res, options.staticDir, pathname);
    done.catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong.' } }, true);
      else res.destroy();
    });
  };
  const server = http.createServer((req, res) => handle(req, res, false));
  // A client that asks before sending a large body (Expect: 100-continue) is told "go on" only
  // once its headers pass; otherwise it gets the refusal and never sends the body.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => handle(req, res, true));
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
