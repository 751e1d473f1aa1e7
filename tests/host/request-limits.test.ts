import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_REQUEST_MAX_BYTES, INSTRUMENT_FILE_MAX_CHARS } from '../../core/contract';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { ADMIN, tempDir } from '../helpers/temp';
import { ok, testRuntime } from '../helpers/runtime';
import type { Runtime } from '../../electron/api/types';

// The host's own sockets, to see how many bytes it really read (not what the client managed to send).
const serverSockets: net.Socket[] = [];
const createServer = http.createServer.bind(http);
vi.spyOn(http, 'createServer').mockImplementation(((...args: Parameters<typeof http.createServer>) => {
  const server = createServer(...args);
  server.on('connection', (socket: net.Socket) => serverSockets.push(socket));
  return server;
}) as typeof http.createServer);

let host: BrowserHost;
let runtime: Runtime;
let closeRuntime: () => Promise<void>;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const r = await testRuntime();
  runtime = r.runtime;
  closeRuntime = r.close;
  // Signed in as the administrator, who may import instruments: the answer then comes from the handler.
  await ok(runtime, 'session:setup', ADMIN);
  host = await startBrowserHost({ api: runtime, staticDir: t.dir, port: null });
});
afterAll(async () => {
  await host.close();
  await closeRuntime();
  cleanup();
});

const apiHeaders = (token = true): Record<string, string> => ({
  Origin: `http://127.0.0.1:${host.port}`,
  'Content-Type': 'application/json',
  ...(token ? { Authorization: `Bearer ${host.token}` } : {}),
});

interface Sent {
  status: number;
  body: string;
  /** What the host had read from this connection when it closed it. */
  serverBytesRead: number;
}

/** The host's socket for the next connection, resolved with its bytesRead once it closes. */
function nextServerSocketClosed(): Promise<number> {
  const index = serverSockets.length;
  return new Promise((resolve) => {
    const poll = (): void => {
      const socket = serverSockets[index];
      if (socket === undefined) return void setImmediate(poll);
      if (socket.destroyed) return resolve(socket.bytesRead);
      socket.once('close', () => resolve(socket.bytesRead));
    };
    poll();
  });
}

/**
 * A real client writing a large body: with Content-Length when `declareLength`, else chunked.
 * It resolves on the answer, so a reset before the answer fails the test. With `hangUp` it then
 * drops the connection; without, it keeps writing until the host closes it (a host that drains
 * the body would read all of it first).
 */
function post(body: Buffer, headers: Record<string, string>, declareLength = true, hangUp = true): Promise<Sent> {
  const closed = nextServerSocketClosed();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/invoke',
        // Keep-alive, as browsers and fetch ask for: a host that wants to reuse the connection drains the body.
        agent: hangUp ? false : new http.Agent({ keepAlive: true }),
        headers: { ...headers, ...(declareLength ? { 'Content-Length': String(body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8');
          if (hangUp) req.destroy();
          void closed.then((serverBytesRead) => resolve({ status, body: text, serverBytesRead }));
        });
      },
    );
    let answered = false;
    req.on('response', () => {
      answered = true;
    });
    // After the answer, the host dropping a connection the client still writes to is expected.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    // Written in slices so a chunked body really arrives in pieces.
    const slice = 1024 * 1024;
    for (let i = 0; i < body.length; i += slice) req.write(body.subarray(i, i + slice));
    req.end();
  });
}

/**
 * An instrument file of exactly the longest length allowed (zod counts code points), mostly in the
 * costliest form JSON.stringify writes (a control character, six bytes) with non-ASCII text of 2, 3 and 4 bytes.
 */
function longestInstrumentFile(): string {
  const tail = 'åäö€😀'.repeat(200);
  const text = '\u0001'.repeat(INSTRUMENT_FILE_MAX_CHARS - [...tail].length) + tail;
  expect([...text].length).toBe(INSTRUMENT_FILE_MAX_CHARS);
  return text;
}

describe('browser-mode request size', () => {
  it('lets the longest instrument file the contract allows reach the API (a normal answer, not 413 or a reset)', async () => {
    const body = Buffer.from(JSON.stringify({ channel: 'risk:import-instrument', input: { json: longestInstrumentFile() } }));
    expect(body.length).toBeGreaterThan(11_900_000);
    expect(body.length).toBeLessThanOrEqual(API_REQUEST_MAX_BYTES);
    const reply = await post(body, apiHeaders());
    expect(reply.status).toBe(200);
    // The handler itself read it and refused it for its content (it is no instrument), so it got past the host and validation.
    const answer = JSON.parse(reply.body) as { ok: boolean; error?: { code: string; issues?: { path: unknown[]; message: string }[] } };
    expect(answer.ok).toBe(false);
    expect(answer.error?.issues?.[0]?.message).toMatch(/^json_syntax/);
    expect(reply.serverBytesRead).toBeGreaterThanOrEqual(body.length);
  });

  it('passes one character more to validation, which refuses it (the contract, not the host, sets the length)', async () => {
    const body = Buffer.from(JSON.stringify({ channel: 'risk:import-instrument', input: { json: `${longestInstrumentFile()}x` } }));
    const reply = await post(body, apiHeaders());
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['json'] }] } });
  });

  it('answers 413 to a body one byte over the limit, before reading it', async () => {
    const body = Buffer.alloc(API_REQUEST_MAX_BYTES + 1, 0x20);
    const reply = await post(body, apiHeaders());
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(reply.serverBytesRead).toBeLessThan(API_REQUEST_MAX_BYTES / 2);
  });

  it('answers 413 to a chunked body as soon as it passes the limit, without reading the rest', async () => {
    const body = Buffer.alloc(API_REQUEST_MAX_BYTES * 4, 0x20);
    const reply = await post(body, apiHeaders(), false);
    expect(reply.status).toBe(413);
    expect(reply.serverBytesRead).toBeGreaterThan(API_REQUEST_MAX_BYTES);
    expect(reply.serverBytesRead).toBeLessThan(API_REQUEST_MAX_BYTES * 2);
  });

  it('answers 401 to 100 MB without a token, having read almost none of it', async () => {
    const body = Buffer.alloc(100 * 1024 * 1024, 0x20);
    const reply = await post(body, apiHeaders(false), true, false);
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(reply.serverBytesRead).toBeLessThan(1024 * 1024);
  });

  it('gives fetch the status too (401 without a token, 413 over the limit), not a network error', async () => {
    const url = `http://127.0.0.1:${host.port}/api/invoke`;
    const closed401 = nextServerSocketClosed();
    const noToken = await fetch(url, { method: 'POST', headers: apiHeaders(false), body: Buffer.alloc(100 * 1024 * 1024, 0x20) });
    expect(noToken.status).toBe(401);
    await noToken.text();
    expect(await closed401).toBeLessThan(1024 * 1024);
    const tooLarge = await fetch(url, { method: 'POST', headers: apiHeaders(), body: Buffer.alloc(API_REQUEST_MAX_BYTES + 1, 0x20) });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses at the headers when the client waits for 100-continue, so the body is never sent', async () => {
    const reply = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
      let continued = false;
      const req = http.request({
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/invoke',
        agent: false,
        headers: { ...apiHeaders(false), 'Content-Length': String(50 * 1024 * 1024), Expect: '100-continue' },
      });
      req.on('continue', () => {
        continued = true;
        req.end(Buffer.alloc(50 * 1024 * 1024));
      });
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, continued });
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(reply).toEqual({ status: 401, continued: false });
  });
});
