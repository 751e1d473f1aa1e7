import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_REQUEST_MAX_BYTES } from '../../core/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/desktop/content-security';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { resolveStaticPath } from '../../electron/shared/static-files';
import type { Api } from '../../electron/api/types';
import { tempDir } from '../helpers/temp';

const calls: { channel: unknown; input: unknown }[] = [];
const api: Api = {
  invoke: async (channel, input) => {
    calls.push({ channel, input });
    return { ok: true, result: { state: 'locked', secret: 'data only the token holder may see' } };
  },
};

let host: BrowserHost;
let staticDir: string;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  staticDir = path.join(t.dir, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Fristad</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(t.dir, 'outside.txt'), 'must never be served');
  host = await startBrowserHost({ api, staticDir, port: null });
});
afterAll(async () => {
  await host.close();
  cleanup();
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so Host and Origin can be set to anything (fetch would not allow it). */
function request(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const origin = (): string => `http://127.0.0.1:${host.port}`;
const goodHeaders = (): Record<string, string> => ({
  Host: `127.0.0.1:${host.port}`,
  Origin: origin(),
  Authorization: `Bearer ${host.token}`,
  'Content-Type': 'application/json',
});
const body = JSON.stringify({ channel: 'session:status', input: {} });

describe('browser-mode host', () => {
  it('binds to the loopback address and prints the token only in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers an authorised API call', async () => {
    const r = await request({ method: 'POST', path: '/api/invoke', headers: goodHeaders(), body });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, result: { state: 'locked' } });
    expect(r.headers['cache-control']).toContain('no-store');
  });

  it.each([
    ['no token', { Authorization: '' }, 401],
    ['a wrong token', { Authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, 401],
    ['the token without Bearer', { Authorization: 'TOKEN' }, 401],
    ['a foreign Origin', { Origin: 'http://evil.example' }, 403],
    ['a localhost Origin on another port', { Origin: 'http://127.0.0.1:1' }, 403],
    ['no Origin', { Origin: '' }, 403],
    ['a foreign Host (DNS rebinding)', { Host: 'evil.example' }, 403],
    ['localhost instead of 127.0.0.1', { Host: 'localhost' }, 403],
  ] as [string, Record<string, string>, number][])('refuses %s and returns no data', async (_name, override, status) => {
    const before = calls.length;
    const merged: Record<string, string> = { ...goodHeaders(), ...override };
    if (override.Authorization === 'TOKEN') merged.Authorization = host.token;
    if (merged.Host === 'localhost') merged.Host = `localhost:${host.port}`;
    const headers = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== ''));
    const r = await request({ method: 'POST', path: '/api/invoke', headers, body });
    expect(r.status).toBe(status);
    expect(r.body).not.toContain('only the token holder');
    expect(calls.length).toBe(before);
  });

  it('refuses GET on the API, non-JSON and oversized bodies', async () => {
    expect((await request({ path: '/api/invoke', headers: goodHeaders() })).status).toBe(405);
    expect((await request({ method: 'POST', path: '/api/invoke', headers: goodHeaders(), body: 'not json' })).status).toBe(400);
    // A real 413 now, not a reset the old test had to accept as one (tests/host/request-limits.test.ts has the rest).
    const big = await request({
      method: 'POST',
      path: '/api/invoke',
      headers: goodHeaders(),
      body: JSON.stringify({ channel: 'x', input: 'y'.repeat(API_REQUEST_MAX_BYTES) }),
    });
    expect(big.status).toBe(413);
    const textPlain = await request({ method: 'POST', path: '/api/invoke', headers: { ...goodHeaders(), 'Content-Type': 'text/plain' }, body });
    expect(textPlain.status).toBe(415);
  });

  it('serves the renderer with the strict CSP and security headers', async () => {
    const r = await request({ path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const js = await request({ path: '/assets/app.js', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(js.headers['content-type']).toMatch(/javascript/);
  });

  it('refuses a foreign Host for pages too, and never serves files outside the renderer', async () => {
    expect((await request({ path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
    for (const p of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/%00']) {
      const r = await request({ path: p, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('must never be served');
    }
    expect(resolveStaticPath(staticDir, '/../../etc/passwd')).toBeNull();
    expect(resolveStaticPath(staticDir, '/assets/app.js')).toBe(path.join(staticDir, 'assets', 'app.js'));
  });
});
