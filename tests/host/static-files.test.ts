import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { createAppRequestHandler } from '../../electron/desktop/app-protocol';
import { mimeTypeFor, resolveStaticPath } from '../../electron/shared/static-files';
import type { Api } from '../../electron/api/types';
import { tempDir } from '../helpers/temp';

vi.mock('electron', () => import('../desktop/fake-electron'));

const SECRET = 'must never be served';

/** One table for both hosts: a URL path as the client sends it, and the file it may reach (or null). */
const TABLE: [string, string | null][] = [
  ['/', 'index.html'],
  ['/index.html', 'index.html'],
  ['/assets/app-1a2b.js', 'assets/app-1a2b.js'],
  ['/assets/na%C3%AFve.css', 'assets/naïve.css'],
  ['/%2e%2e/secret.txt', null],
  ['/assets/..%2f..%2fsecret.txt', null],
  ['/..%5csecret.txt', null],
  ['/assets%5c..%5c..%5csecret.txt', null],
  ['/%2e%2e%2frenderer-evil/x.js', null],
  ['/C:%2fWindows%2fwin.ini', null],
  ['/C:/x.js', null],
  ['/index.html%00.js', null],
  ['/a/./b.js', null],
  ['/%E0%A4%A', null],
];

let root: string;
let rendererDir: string;
let cleanup: () => void;
let host: BrowserHost;
const api: Api = { invoke: () => Promise.resolve({ ok: true, result: null }) };

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  root = t.dir;
  rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fristad</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'naïve.css'), 'body{}');
  fs.writeFileSync(path.join(rendererDir, 'notes.db'), SECRET);
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  fs.mkdirSync(path.join(root, 'renderer-evil'));
  fs.writeFileSync(path.join(root, 'renderer-evil', 'x.js'), SECRET);
  host = await startBrowserHost({ api, staticDir: rendererDir, port: null });
});
afterAll(async () => {
  await host.close();
  cleanup();
});

function browserGet(urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: urlPath, headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('one static-file guard for both hosts', () => {
  it.each(TABLE)('resolveStaticPath(%s) → %s', (urlPath, expected) => {
    expect(resolveStaticPath(rendererDir, urlPath)).toBe(expected === null ? null : path.join(rendererDir, expected));
  });

  it.each(TABLE)('browser mode serves %s only as %s', async (urlPath, expected) => {
    const reply = await browserGet(urlPath);
    expect(reply.status).toBe(expected === null ? 404 : 200);
    expect(reply.body).not.toContain(SECRET);
  });

  it.each(TABLE)('app:// serves %s only as %s', async (urlPath, expected) => {
    const response = await createAppRequestHandler(rendererDir)({ url: `app://fristad${urlPath}`, method: 'GET' } as Request);
    expect(response.status === 200).toBe(expected !== null);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('serves only the kinds of file Vite emits, with the same types in both hosts', async () => {
    expect(mimeTypeFor('x.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.db')).toBeNull();
    expect((await browserGet('/notes.db')).status).toBe(404);
    const js = await createAppRequestHandler(rendererDir)(new Request('app://fristad/assets/app-1a2b.js'));
    expect(js.headers.get('content-type')).toBe(mimeTypeFor('app-1a2b.js'));
  });
});
